/**
 * Chromium traces for `npm run bench` (trace.bench.ts): records one through the DevTools protocol
 * and says where the time went — for a page load, the main thread of the page's renderer from the
 * page's navigation start to the probe's `bench:content` mark, by kind of work; for a worker wake,
 * the steps from the page's `bench:send` mark to the worker's first status request.
 */
import type { CDPSession } from '@playwright/test';

/** One Chrome trace event (the fields used here). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

/** What DevTools' Performance panel records, plus the service worker and extension steps. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink',
  'blink.user_timing',
  'loading',
  'navigation',
  'ServiceWorker',
  'extensions',
  ...(process.env.TRACE_PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

/** Records a trace around `during` (the session must belong to a page of the browser). */
export async function recordTrace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' } });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
  }
  const { stream } = await complete;
  if (!stream) return [];
  const parts: Buffer[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    parts.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  return parseTrace(Buffer.concat(parts).toString('utf8'));
}

function parseTrace(text: string): TraceEvent[] {
  if (!text) return [];
  const json = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(json) ? json : json.traceEvents;
}

/** The kinds of work a thread's time is split into. */
export const KINDS = ['context', 'compile', 'script', 'gc', 'extensionApi', 'parseHtml', 'style', 'layout', 'paint', 'navigation', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind | 'waiting' | 'idle', string> = {
  context: 'JS context + extension bindings set-up',
  compile: 'script decode, parse, compile, code cache',
  script: 'script evaluation and run (incl. microtasks)',
  gc: 'garbage collection',
  extensionApi: 'extension API calls (storage, runtime…) on this thread',
  parseHtml: 'HTML parsing',
  style: 'style (CSS parse, recalc)',
  layout: 'layout',
  paint: 'paint, pre-paint, layerize',
  navigation: 'navigation commit, document and loader set-up',
  other: 'other tasks (IPC, scheduler)',
  waiting: 'in a task but not on a CPU (descheduled: machine load)',
  idle: 'idle (waiting: storage answers, IPC, timers)',
};

/** The kind of an event by name (null: a wrapper that takes the kind of what encloses it). */
export function kindOf(e: Pick<TraceEvent, 'name' | 'cat'>): Kind | null {
  const n = e.name;
  if (/^(LocalWindowProxy::CreateContext|InstallConditionalFeatures|RenderFrameImpl::DidCreateScriptContext|V8\.DeserializeContext|V8\.DeserializeIsolate|V8PerIsolateData::Initialize|v8\.newInstance|WorkerOrWorkletScriptController::Initialize|ScriptContextSet|Dispatcher::DidCreateScriptContext)/.test(n)) return 'context';
  if (/GC|Scavenge|MarkCompact|Sweep|CppGC/i.test(n)) return 'gc';
  if (/^(V8\.(Compile|Parse|PreParse|CollectSourcePositions|FinalizeCompile|DeserializeCode|ScriptCompiler)|v8\.(compile|compileModule|parseOnBackground|produceCache|produceModuleCache|deserialize)|CompileScript|CompileModule|CompileCode|TextResourceDecoder::Decode|ServiceWorkerInstalledScriptsManager::GetScriptData)/.test(n))
    return 'compile';
  if (/^(v8\.|V8\.|EvaluateScript|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|ModuleScript|ScriptedAnimation|JSEventListener|AsyncTask Scheduled|SerializedScriptValue)/.test(n)) return 'script';
  if (/^(NativeExtensionBindingsSystem|ExtensionFunctionDispatcher|MainThreadIPCMessageSender|WorkerThreadIPCMessageSender|APIBinding|ExtensionsRenderer)/.test(n) || /(^|,)extensions(,|$)/.test(e.cat)) return 'extensionApi';
  if (/^(ParseHTML|HTMLDocumentParser::|HTMLParserScriptRunner|HTMLTreeBuilder|HTMLTokenizer)/.test(n)) return 'parseHtml';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleEngine|StyleElement|Document::UpdateStyle|Document::updateStyle|Document::recalcStyle|CSSParserImpl|StyleSheetContents)/.test(n)) return 'style';
  if (/^(Layout|UpdateLayout|LocalFrameView::layout|LayoutView|PerformLayout|InlineNode)/.test(n)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|Decode|ImageDecode|RasterTask|LocalFrameView::Run|Blink\.(PrePaint|Paint|Layerize|CompositingInputs))/.test(n)) return 'paint';
  if (/(^|,)(navigation|loading)(,|$)/.test(e.cat)) return 'navigation';
  return null;
}

interface Node {
  e: TraceEvent;
  start: number;
  end: number;
  /** Thread time spent inside, µs (wall time when the trace has none). */
  cpu: number;
  children: Node[];
}

/** Complete events (`X`, and `B`/`E` pairs) of one thread as a tree. */
function threadTree(events: TraceEvent[], pid: number, tid: number): Node[] {
  const spans: Node[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && typeof e.dur === 'number') spans.push({ e, start: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? e.dur, children: [] });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ e: b, start: b.ts, end: e.ts, cpu: b.tts !== undefined && e.tts !== undefined ? e.tts - b.tts : e.ts - b.ts, children: [] });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const node of spans) {
    while (stack.length && stack[stack.length - 1]!.end <= node.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      node.end = Math.min(node.end, parent.end); // badly nested: clip to the parent
      parent.children.push(node);
    } else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/** Milliseconds per kind of work, as CPU (thread) time and as wall time. */
export interface Breakdown {
  /** CPU time per kind. */
  cpu: Record<Kind, number>;
  /** Wall time per kind (CPU time + time descheduled inside that work). */
  wall: Record<Kind, number>;
  /** In a task but not on a CPU: wall − CPU of all tasks. */
  waiting: number;
  /** In no task at all. */
  idle: number;
  total: number;
}

/** Where one thread's time went within [from, to] (µs, trace clock). */
export function breakdown(events: TraceEvent[], pid: number, tid: number, from: number, to: number): Breakdown {
  const zero = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const wall = zero();
  const cpu = zero();
  const clip = (a: number, b: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));
  let busyWall = 0;
  let busyCpu = 0;
  const walk = (node: Node, inherited: Kind | null) => {
    const kind = kindOf(node.e) ?? inherited ?? 'other';
    let cursor = node.start;
    let selfWall = 0;
    let selfWallAll = 0;
    let childCpu = 0;
    for (const child of node.children) {
      selfWall += clip(cursor, child.start);
      selfWallAll += Math.max(0, child.start - cursor);
      cursor = Math.max(cursor, child.end);
      childCpu += child.cpu;
      walk(child, kind);
    }
    selfWall += clip(cursor, node.end);
    selfWallAll += Math.max(0, node.end - cursor);
    // Self CPU time, in the share of the node's own wall time that falls in the window.
    const selfCpu = Math.max(0, node.cpu - childCpu) * (selfWallAll > 0 ? selfWall / selfWallAll : 0);
    wall[kind] += selfWall;
    cpu[kind] += Math.min(selfCpu, selfWall);
  };
  for (const root of threadTree(events, pid, tid)) {
    busyWall += clip(root.start, root.end);
    walk(root, null);
  }
  for (const k of KINDS) busyCpu += cpu[k];
  const ms = (us: number) => Math.round(us / 10) / 100;
  const round = (r: Record<Kind, number>) => Object.fromEntries(KINDS.map((k) => [k, ms(r[k])])) as Record<Kind, number>;
  return { cpu: round(cpu), wall: round(wall), waiting: ms(busyWall - busyCpu), idle: ms(to - from - busyWall), total: ms(to - from) };
}

const count = (events: TraceEvent[], pid: number, tid: number, from: number, to: number, test: (e: TraceEvent) => boolean) =>
  events.filter((e) => e.pid === pid && e.tid === tid && e.ts >= from && e.ts <= to && (e.ph === 'X' || e.ph === 'B' || e.ph === 'I' || e.ph === 'R' || e.ph === 'n') && test(e)).length;

/** Answers to extension API calls (storage, runtime…) a thread received within [from, to]: how many, how big, what they cost. */
export function extensionReplies(events: TraceEvent[], pid: number, tid: number, from: number, to: number) {
  const replies = events.filter((e) => {
    if (e.pid !== pid || e.tid !== tid || e.ts < from || e.ts > to || e.ph !== 'X' || e.name !== 'Receive mojo reply') return false;
    const tag = (e.args?.chrome_mojo_event_info as { mojo_interface_tag?: string } | undefined)?.mojo_interface_tag ?? '';
    return tag.startsWith('extensions.mojom');
  });
  const bytes = replies.map((e) => (e.args?.chrome_mojo_event_info as { data_num_bytes?: number }).data_num_bytes ?? 0);
  return {
    count: replies.length,
    bytes: bytes.reduce((a, b) => a + b, 0),
    largestBytes: Math.max(0, ...bytes),
    cpuMs: Math.round(replies.reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 100) / 10,
    /** ms after `from` of each answer, with its size. */
    at: replies.map((e, i) => ({ ms: Math.round((e.ts - from) / 100) / 10, bytes: bytes[i]! })),
  };
}

/**
 * Where a page load's time went: the page's main thread from its navigation start to the probe's
 * `bench:content` mark (navigation start = the mark's time minus its `startTime`, which is
 * `performance.now()`, i.e. ms since navigation start).
 */
export function pageLoadSummary(events: TraceEvent[], path: string) {
  const content = events.find((e) => e.name === 'bench:content' && e.cat.includes('blink.user_timing'));
  if (!content) throw new Error(`no bench:content mark in the trace of ${path}`);
  const startTime = Number(content.args?.data?.startTime);
  if (!Number.isFinite(startTime)) throw new Error('the bench:content mark has no startTime');
  const { pid, tid } = content;
  const to = content.ts;
  const from = to - startTime * 1000;
  const at = (e: TraceEvent) => e.pid === pid && e.tid === tid && e.ts >= from && e.ts <= to;
  const evaluations = events.filter((e) => at(e) && e.ph === 'X' && (e.name === 'v8.evaluateModule' || e.name === 'EvaluateScript'));
  return {
    path,
    contentMs: Math.round(startTime * 10) / 10,
    mainThread: breakdown(events, pid, tid, from, to),
    moduleEvaluationMs: Math.round(evaluations.reduce((a, e) => a + (e.dur ?? 0), 0) / 100) / 10,
    moduleEvaluationCpuMs: Math.round(evaluations.reduce((a, e) => a + (e.tdur ?? e.dur ?? 0), 0) / 100) / 10,
    extensionReplies: extensionReplies(events, pid, tid, from, to),
    counts: {
      styleRecalcs: count(events, pid, tid, from, to, (e) => e.name === 'UpdateLayoutTree'),
      layouts: count(events, pid, tid, from, to, (e) => e.name === 'Layout'),
      paints: count(events, pid, tid, from, to, (e) => e.name === 'Paint' || e.name === 'PrePaint'),
      extensionApiCalls: count(events, pid, tid, from, to, (e) => e.name === 'NativeExtensionBindingsSystem::SendRequest'),
    },
  };
}

/** The steps of a worker wake: from the `bench:send` mark to the worker's first status request. */
export function wakeSummary(events: TraceEvent[], scriptUrl: string) {
  const send = events.find((e) => e.name === 'bench:send' && e.cat.includes('blink.user_timing'));
  if (!send) throw new Error('no bench:send mark in the trace');
  const t0 = send.ts;
  const after = (test: (e: TraceEvent) => boolean) => events.filter((e) => e.ts >= t0 && test(e)).sort((a, b) => a.ts - b.ts)[0];
  const forScript = (e: TraceEvent) => JSON.stringify(e.args ?? {}).includes(scriptUrl);
  const requested = after((e) => e.name === 'ServiceWorkerVersion::StartWorkerRequested' && forScript(e));
  const loadScript = after((e) => e.name === 'ServiceWorkerContextClient LOAD_SCRIPT' && forScript(e));
  if (!loadScript) throw new Error(`the trace has no start of ${scriptUrl}`);
  const { pid, tid: starterTid } = loadScript;
  const evaluate = after((e) => e.name === 'ServiceWorkerGlobalScopeProxy::EvaluateTopLevelScript' && e.pid === pid);
  const tid = evaluate?.tid ?? starterTid;
  const evaluated = after((e) => e.name === 'ServiceWorkerGlobalScopeProxy::DidEvaluateTopLevelScript' && e.pid === pid && e.tid === tid);
  const started = after((e) => e.name === 'ServiceWorkerVersion::StartWorkerFinished');
  const fetch = after((e) => e.name === 'ResourceSendRequest' && e.pid === pid && e.tid === tid && /^https:\/\/status\./.test(String(e.args?.data?.url ?? '')));
  const metaData = after((e) => e.name === 'ServiceWorkerInstalledScriptsSender::OnStarted' && e.ts <= (evaluate?.ts ?? Infinity));
  // Every script the worker imported at install, as the browser hands it over at this start (the
  // main script first, the others while the worker initializes or evaluates): name, source and
  // code-cache bytes, in sending order, and when the last was handed over.
  const allSent = events
    .filter((e) => e.ts >= t0 && e.name === 'ServiceWorkerInstalledScriptsSender::OnFinished' && (e.args as { Status?: string } | undefined)?.Status === 'Success')
    .sort((a, b) => a.ts - b.ts)[0];
  const installed: { script: string; bytes: number; codeCacheBytes: number }[] = [];
  let sending = '';
  for (const e of events.filter((x) => x.ts >= t0 && x.ts <= (allSent?.ts ?? Infinity) && x.ph === 'I').sort((a, b) => a.ts - b.ts)) {
    const args = (e.args ?? {}) as { script_url?: string; body_size?: number; meta_data_size?: number };
    if (e.name === 'ServiceWorkerInstalledScriptsSender::StartSendingScript') sending = String(args.script_url ?? '');
    if (e.name === 'ServiceWorkerInstalledScriptsSender::OnStarted' && sending) {
      installed.push({ script: sending.slice(sending.lastIndexOf('/') + 1), bytes: args.body_size ?? 0, codeCacheBytes: args.meta_data_size ?? 0 });
      sending = '';
    }
  }
  const ms = (e: TraceEvent | undefined) => (e ? Math.round((e.ts - t0) / 100) / 10 : null);
  const to = fetch?.ts ?? evaluated?.ts ?? t0;
  return {
    script: scriptUrl,
    steps: {
      startRequested: ms(requested),
      scriptLoading: ms(loadScript),
      evaluateStart: ms(evaluate),
      evaluateEnd: ms(evaluated),
      workerStarted: ms(started),
      firstStatusRequest: ms(fetch),
    },
    scriptBytes: (metaData?.args as { body_size?: number } | undefined)?.body_size ?? null,
    codeCacheBytes: (metaData?.args as { meta_data_size?: number } | undefined)?.meta_data_size ?? null,
    /** What the browser hands a starting worker (every script imported at install), in order. */
    installedScripts: installed,
    /** When the last of them was handed over (ms after the message). */
    installedScriptsSentMs: ms(allSent),
    topLevel: evaluate && evaluated ? breakdown(events, pid, tid, evaluate.ts, evaluated.ts) : null,
    topLevelApiCalls: evaluate && evaluated ? count(events, pid, tid, evaluate.ts, evaluated.ts, (e) => e.name === 'NativeExtensionBindingsSystem::SendRequest') : null,
    afterStart: evaluated && fetch ? breakdown(events, pid, tid, evaluated.ts, fetch.ts) : null,
    apiCallsBeforeFetch: evaluated ? count(events, pid, tid, evaluated.ts, to, (e) => e.name === 'NativeExtensionBindingsSystem::SendRequest') : null,
    /** Answers to the worker's API calls (storage reads…) before its first status request. */
    repliesBeforeFetch: extensionReplies(events, pid, tid, t0, to),
    workerThread: breakdown(events, pid, tid, t0, to),
  };
}
