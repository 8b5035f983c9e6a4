/**
 * The parsing document's side (docs/ARCHITECTURE.md, "The parsing document"): makes the read the
 * worker asks for with the real adapters, every request it sends going back through the worker,
 * and runs the steps after a poll, their storage and notifications the worker's (`calls.ts`).
 */
import type { AfterPollDeps } from '../background/after-poll';
import type { AfterPollContext } from '../background/poll';
import type { Translate } from '../i18n';
import type { DetectReply } from '../messages';
import { PLATFORMS, type ProviderInfo } from '../providers/catalog';
import type { FetchContext, FetchLike } from '../providers/http';
import type { Adapter } from '../providers/types';
import { workerNotifications } from './calls';
import { failure, fromWire, isParseRequest, type FetchAnswer, type FetchRequest, type ParseAnswer, type ParseRequest, type WireInit, type WorkerCall } from './wire';

/** What the document needs: the adapters, the detector, the steps after a poll, and a way to ask the worker. */
export interface ServeDeps {
  adapters: Readonly<Record<string, Adapter>>;
  detect: (url: unknown, ctx: { fetch: FetchLike; now: () => number; timeoutMs?: number }) => Promise<DetectReply>;
  /** The steps after a poll (`after-poll.ts`); their storage is set up with `useStorage` by the document's entry. */
  afterPoll: (deps: AfterPollDeps, ctx: AfterPollContext) => Promise<void>;
  /** The extension's messages in a UI language (`translateFor`): the document has no `i18n`. */
  translate: (uiLanguage: string) => Promise<Translate>;
  /** Sends a fetch or call to the worker and resolves with its answer: `runtime.sendMessage`. */
  send: (message: FetchRequest | WorkerCall) => Promise<unknown>;
  now: () => number;
}

/** Headers as a plain record (what crosses), from any form `fetch` accepts. */
function plainHeaders(headers: HeadersInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(headers));
}

/** A `fetch` for one read: the worker makes the request; the read's own timer still aborts it here. */
function fetchThroughWorker(id: string, send: ServeDeps['send']): FetchLike {
  return (input, init) => {
    const wire: WireInit = {
      method: init?.method,
      headers: plainHeaders(init?.headers),
      credentials: init?.credentials,
      cache: init?.cache,
      redirect: init?.redirect,
    };
    const signal = init?.signal;
    const answered = send({ type: 'parser-fetch', id, url: input, init: wire }).then((answer) => {
      const a = answer as FetchAnswer | undefined;
      if (!a) throw new TypeError('the worker did not answer');
      if (!a.ok) throw new TypeError(a.message);
      return fromWire(a.response);
    });
    if (!signal) return answered;
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<Response>((resolve, reject) => {
      const abort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', abort, { once: true });
      answered.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  };
}

function validInfo(info: ProviderInfo | undefined): info is ProviderInfo {
  return !!info && typeof info.id === 'string' && typeof info.pageUrl === 'string' && (PLATFORMS as readonly string[]).includes(info.platform);
}

/**
 * What the document keeps between polls: failed sources, for the life of the worker it serves;
 * the messages of each UI language asked for, read once (not two files per poll).
 */
interface Memory {
  worker: string;
  failures: Map<string, number>;
  translations: Map<string, Promise<Translate>>;
}

/** The messages of `uiLanguage`, read on first use; a failed read is not kept, so the next poll reads again. */
function translationsOf(uiLanguage: string, deps: ServeDeps, memory: Memory): Promise<Translate> {
  let t = memory.translations.get(uiLanguage);
  if (!t) {
    t = deps.translate(uiLanguage);
    memory.translations.set(uiLanguage, t);
    t.catch(() => memory.translations.delete(uiLanguage));
  }
  return t;
}

async function read(request: ParseRequest, deps: ServeDeps, memory: Memory): Promise<unknown> {
  const ctx: FetchContext = {
    fetch: fetchThroughWorker(request.id, deps.send),
    now: deps.now,
    etag: request.etag ?? null,
    ...(typeof request.timeoutMs === 'number' ? { timeoutMs: request.timeoutMs } : {}),
    ...(request.sent ? { sent: { key: request.sent.key, result: Promise.resolve(request.sent.result) } } : {}),
  };
  if (request.op === 'detect') return deps.detect(request.url, ctx);
  if (request.op === 'after-poll') {
    const job = request.afterPoll;
    if (!job) throw new Error('no poll to follow');
    const t = await translationsOf(job.locale, deps, memory);
    // A new worker starts with no memory of failed sources, as when the steps ran in the worker.
    if (memory.worker !== job.worker) Object.assign(memory, { worker: job.worker, failures: new Map() });
    const notifications = workerNotifications(deps.send);
    await deps.afterPoll({ fetch: ctx.fetch, now: deps.now, t, notifications, session: () => Promise.resolve(job.session), failures: memory.failures }, job.ctx);
    return null;
  }
  if (!validInfo(request.info)) throw new Error('no such service');
  const adapter = deps.adapters[request.info.platform]!;
  const def = { ...request.info, adapter };
  if (request.op === 'status') return adapter.fetchStatus(def, ctx);
  if (request.op === 'history') return adapter.fetchHistory(def, ctx);
  if (!adapter.fetchUptime) throw new Error(`${request.info.platform} pages publish no uptime`);
  return adapter.fetchUptime(def, ctx);
}

/**
 * Answers one message: a read request gets its outcome (or the error it threw, as a message);
 * anything else is not for the document (undefined).
 */
export function serveParsing(deps: ServeDeps): (message: unknown) => Promise<ParseAnswer> | undefined {
  const memory: Memory = { worker: '', failures: new Map(), translations: new Map() };
  return (message) => {
    if (!isParseRequest(message)) return undefined;
    return read(message, deps, memory).then(
      (value): ParseAnswer => ({ ok: true, value }),
      (error: unknown): ParseAnswer => failure(error),
    );
  };
}
