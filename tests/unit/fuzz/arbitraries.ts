/**
 * Shared by the fuzz suites (tests/unit/fuzz/*.test.ts): fast-check arbitraries for status-page
 * payloads — valid shapes with random values, and real fixtures or generated values run through
 * random mutations (dropped/extra keys, wrong types, huge strings, unknown enums, HTML, empty) —
 * plus the checks every adapter outcome must pass.
 *
 * Runs: FUZZ_RUNS (default 5 000 per adapter, which keeps `npm test` within CI's time); seed:
 * FUZZ_SEED (fixed by default so CI is reproducible). A long run:
 * `FUZZ_RUNS=200000 npx vitest run tests/unit/fuzz`.
 */
import fc from 'fast-check';
import type { HistoryOutcome, StatusOutcome, UptimeOutcome } from '../../../lib/providers/types';
import {
  FETCH_ERROR_KINDS,
  IncidentSchema,
  ServiceStatusSchema,
  UptimeSchema,
  type FetchError,
  type Incident,
  type ProviderId,
  type ServiceStatus,
} from '../../../lib/model';
import { safeLink } from '../../../lib/providers/links';
import { makeResponse, loadJson, type FakeReply } from '../helpers';

/**
 * Generated payloads per adapter by default: enough for every branch the suites' coverage checks
 * name to be reached with the fixed seed (those checks are skipped in shorter runs).
 */
export const DEFAULT_RUNS = 5_000;
/** Generated payloads per adapter. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS);
/** Fixed unless FUZZ_SEED says otherwise; a failure prints its seed and path to replay it. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261010);
/** Per-test timeout that grows with the number of runs (generous: 11 fuzz suites share 2 cores in CI). */
export const TIMEOUT_MS = Math.max(180_000, RUNS * 12);
/** fast-check parameters shared by every suite. */
export const PARAMS = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;

const clip = (text: string, max = 1_500) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

/**
 * Runs a property with PARAMS; on failure throws a short report (huge generated strings would
 * otherwise flood the log): the cause, the seed and path to replay, and the counterexample clipped.
 */
export async function assertProperty<T extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<T> | fc.IProperty<T>, runs = RUNS): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<T>, { ...PARAMS, numRuns: runs });
  if (!details.failed) {
    if (details.numRuns < runs) throw new Error(`only ${details.numRuns} of ${runs} runs`);
    return;
  }
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  let example: string;
  try {
    example = JSON.stringify(details.counterexample, (_k, v: unknown) => (typeof v === 'string' ? clip(v, 200) : v));
  } catch {
    example = String(details.counterexample);
  }
  throw new Error(`${clip(cause, 500)}\nreplay: FUZZ_SEED=${details.seed} (path ${details.counterexamplePath})\ncounterexample: ${clip(example)}`);
}

export const NOW = Date.parse('2026-10-10T12:00:00Z');

// ——— strings ———

/** Values that have broken parsers and lookup tables before. */
export const NASTY = [
  '',
  ' ',
  '\n\t',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e999',
  '0x10',
  '2026-13-45T99:99:99Z',
  '0000-00-00T00:00:00Z',
  '275760-09-13T00:00:00.001Z',
  '\u0000',
  '\u202e',
  '\ud800',
  '💥🔥',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[ok](https://evil.example/phish)',
  'javascript:alert(1)',
  'http://status.claude.com/incidents/x',
  'https://evil.example/incidents/x',
  'https://status.claude.com@evil.example/',
  '//evil.example',
  '{{constructor.constructor("x")()}}',
  '${process.exit()}',
] as const;

/** Built once: huge strings are expensive to generate. Injected by the `huge` mutation. */
export const HUGE = ['x'.repeat(30_000), `${'<p>'.repeat(3_000)}${'é'.repeat(10_000)}`, ' \n'.repeat(12_000)] as const;
/** Longer than any clip (titles 300, bodies 4 000), cheap enough for any field. */
const LONG = ['y'.repeat(4_100), `<b>${'word '.repeat(900)}</b>`] as const;
/** Over the 2 MB body cap, in 2-byte characters so bytes and characters differ. */
export const OVERSIZED = `{"components":[],"x":"${'é'.repeat(1_100_000)}"}`;

/** HTML snippets: formatting, active markup, broken markup. */
export const htmlArb = fc.oneof(
  fc.constantFrom(
    '<p>We are <strong>investigating</strong>.</p><br/>Next',
    '<script>window.__pwned=1</script>',
    '<div onclick="x()">a</div>',
    '<ul><li>one<li>two</ul>',
    '<p><a href="https://status.claude.com/x">link</a>',
    '<<<>>>',
    '<!-- comment --><p>x',
    '<svg><script>1</script></svg>',
    '<!doctype html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
  ),
  fc.string({ maxLength: 30 }).map((s) => `<p>${s}</p>`),
);

/** Any text a server might put in a string field. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 24, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 12, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: htmlArb },
  { weight: 1, arbitrary: fc.constantFrom(...LONG) },
);

/** Timestamps: valid ISO, with offsets, date-only, or garbage. */
export const dateArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.date({ min: new Date('2020-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.date({ min: new Date('2020-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }), fc.constantFrom('-07:00', '+05:30', '+00:00', 'Z'))
      .map(([d, off]) => d.toISOString().replace(/\.\d+Z$/, off)),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: textArb },
);

/** A few shared ids so duplicates and group references happen, plus random ones. */
export const idArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('c1', 'c2', 'c3', 'grp1', 'grp2', 'inc1', 'inc2', '01JMXBRMFE6N2NNT7DG6XZQ6PW', 'rwppv331jlwc') },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9]{12}$/) },
  { weight: 1, arbitrary: textArb },
);

const enumOf = (known: readonly string[]) =>
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constantFrom('totally_new_value', 'OPERATIONAL', 'Major', ' none ') }, { weight: 1, arbitrary: textArb });

export const componentStatusArb = enumOf(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'full_outage', 'under_maintenance']);
export const indicatorArb = enumOf(['none', 'minor', 'major', 'critical', 'maintenance']);
const incidentStatusArb = enumOf(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed']);
const impactArb = enumOf(['none', 'minor', 'major', 'critical', 'maintenance']);

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });

// ——— valid shapes (every key optional except what the API always sends) ———

export const componentArb = fc.record(
  {
    id: idArb,
    name: textArb,
    status: componentStatusArb,
    position: opt(fc.integer({ min: -5, max: 100 })),
    description: opt(textArb),
    group: opt(fc.boolean()),
    group_id: opt(idArb),
    only_show_if_degraded: opt(fc.boolean()),
    components: opt(fc.array(idArb, { maxLength: 3 })),
  },
  { requiredKeys: ['id', 'name'] },
);

const updateArb = fc.record(
  {
    status: incidentStatusArb,
    body: textArb,
    display_at: dateArb,
    created_at: dateArb,
    affected_components: opt(fc.array(fc.record({ code: idArb, name: textArb, new_status: componentStatusArb }, { requiredKeys: [] }), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

export const incidentArb = fc.record(
  {
    id: idArb,
    name: textArb,
    status: incidentStatusArb,
    impact: impactArb,
    created_at: dateArb,
    started_at: dateArb,
    updated_at: dateArb,
    monitoring_at: opt(dateArb),
    resolved_at: opt(dateArb),
    shortlink: opt(fc.oneof(fc.constantFrom('https://stspg.io/abc', 'javascript:alert(1)', 'http://status.claude.com/x'), textArb)),
    scheduled_for: opt(dateArb),
    scheduled_until: opt(dateArb),
    components: opt(fc.array(fc.record({ id: idArb, name: textArb }, { requiredKeys: ['id'] }), { maxLength: 3 })),
    incident_updates: opt(fc.array(updateArb, { maxLength: 3 })),
    reminder_intervals: fc.oneof(fc.constant(null), fc.constant('[]'), fc.array(fc.nat(), { maxLength: 3 })),
  },
  { requiredKeys: ['id'] },
);

export const pageArb = fc.record({ id: idArb, name: textArb, url: textArb, time_zone: textArb, updated_at: dateArb }, { requiredKeys: [] });

/** A Statuspage / incident.io compat `summary.json` with random values. */
export const summaryArb = fc.record(
  {
    page: pageArb,
    status: fc.record({ indicator: indicatorArb, description: textArb }, { requiredKeys: [] }),
    components: fc.array(componentArb, { maxLength: 6 }),
    incidents: fc.array(incidentArb, { maxLength: 3 }),
    scheduled_maintenances: fc.array(incidentArb, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/** An `incidents.json` with random values. */
export const incidentsArb = fc.record({ page: pageArb, incidents: fc.array(incidentArb, { maxLength: 5 }) }, { requiredKeys: [] });

// ——— mutations ———

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** One random edit somewhere in a value. */
export interface Mutation {
  /** Picks the location among every node of the value. */
  at: number;
  kind: 'drop' | 'extra' | 'wrongType' | 'huge' | 'unknownEnum' | 'html' | 'empty' | 'null' | 'duplicate' | 'negative';
  key: string;
  value: Json;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  // `huge` is rarer: one per ~20 mutations keeps the run fast and still reaches every field.
  kind: fc.oneof(
    { weight: 19, arbitrary: fc.constantFrom('drop', 'extra', 'wrongType', 'unknownEnum', 'html', 'empty', 'null', 'duplicate', 'negative') },
    { weight: 1, arbitrary: fc.constant('huge' as const) },
  ),
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'status', 'components', 'incidents', 'id')),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...NASTY), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-0)),
});

interface Node {
  parent: Container | null;
  key: string | number | null;
  value: Json;
}

function nodes(root: Json): Node[] {
  const out: Node[] = [{ parent: null, key: null, value: root }];
  const walk = (value: Json) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        out.push({ parent: value, key: i, value: v });
        walk(v);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        out.push({ parent: value as Record<string, Json>, key: k, value: v });
        walk(v);
      }
    }
  };
  walk(root);
  return out;
}

function replacement(m: Mutation, current: Json): Json {
  switch (m.kind) {
    case 'wrongType':
      if (typeof current === 'string') return m.value === null || typeof m.value === 'string' ? 42 : m.value;
      if (typeof current === 'number') return String(current);
      if (Array.isArray(current)) return { length: 1, 0: m.value };
      if (current && typeof current === 'object') return [current];
      return 'true';
    case 'huge':
      return HUGE[m.at % HUGE.length];
    case 'unknownEnum':
      return 'status_from_the_future';
    case 'html':
      return '<div><script>window.__pwned=1</script><b onmouseover="x()">hi</b></div>';
    case 'empty':
      return Array.isArray(current) ? [] : current && typeof current === 'object' ? {} : '';
    case 'null':
      return null;
    case 'negative':
      return typeof current === 'number' ? -current - 1 : -1;
    default:
      return m.value;
  }
}

/** Applies `m` to `root` (which it may modify) and returns the new root. */
export function applyMutation(root: Json, m: Mutation): Json {
  const all = nodes(root);
  const node = all[m.at % all.length]!;
  const { parent, key } = node;
  if (m.kind === 'extra') {
    const target = node.value && typeof node.value === 'object' ? (node.value as Container) : parent;
    if (!target) return root;
    if (Array.isArray(target)) target.push(m.value);
    else Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    return root;
  }
  if (m.kind === 'drop') {
    if (!parent || key === null) return undefined;
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
    return root;
  }
  if (m.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.push(structuredClone(node.value));
    else if (Array.isArray(node.value) && node.value.length) node.value.push(structuredClone(node.value[0]));
    return root;
  }
  const next = replacement(m, node.value);
  if (!parent || key === null) return next;
  (parent as Record<string | number, Json>)[key] = next;
  return root;
}

/** `base` after 1–6 random mutations. */
export function mutated(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([value, ops]) => {
    let v: Json = structuredClone(value);
    for (const op of ops) v = applyMutation(v, op);
    return v;
  });
}

/** Real captures (fresh copies), to mutate around real shapes. */
export function fixtures(...paths: string[]): fc.Arbitrary<Json> {
  const loaded = paths.map((p) => loadJson<Json>(p));
  return fc.constantFrom(...loaded).map((v) => structuredClone(v));
}

// ——— bodies and replies ———

/** Serialized JSON, sometimes truncated, padded or prefixed with a BOM. */
export function bodyOf(value: fc.Arbitrary<Json>): fc.Arbitrary<string> {
  return fc.tuple(value, fc.constantFrom('plain', 'plain', 'plain', 'truncated', 'padded', 'bom'), fc.nat()).map(([v, how, n]) => {
    const text = JSON.stringify(v) ?? 'undefined';
    if (how === 'truncated') return text.slice(0, n % Math.max(1, text.length));
    if (how === 'padded') return `\n  ${text}  \n`;
    if (how === 'bom') return `\ufeff${text}`;
    return text;
  });
}

/** Bodies that are not JSON documents at all. */
export const rawBodyArb: fc.Arbitrary<string> = fc.oneof(
  // A body over the 2 MB cap: rare, it costs milliseconds to read.
  { weight: 1, arbitrary: fc.constant(OVERSIZED) },
  { weight: 40, arbitrary: fc.constantFrom('', ' ', 'null', 'true', '0', '"string"', '[]', '{}', '[{}]', '{"components":null}', '{"status":"none"}', '{', '}', 'undefined', 'NaN') },
  { weight: 40, arbitrary: htmlArb },
  { weight: 40, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 40, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  { weight: 40, arbitrary: fc.json({ maxDepth: 3 }) },
);

export const contentTypeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'text/html; charset=utf-8', '', 'application/octet-stream', 'APPLICATION/JSON', 'application/problem+json') },
);

/** A reply: mostly 200 with the given body, sometimes another status or extra headers. */
export function replyArb(body: fc.Arbitrary<string>): fc.Arbitrary<FakeReply> {
  return fc
    .record({
      status: fc.oneof(
        { weight: 16, arbitrary: fc.constant(200) },
        { weight: 1, arbitrary: fc.constantFrom(304, 403, 404, 405, 429, 500, 503) },
        { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
      ),
      body,
      contentType: contentTypeArb,
      etag: fc.option(fc.constantFrom('"v1"', 'W/"x"', '', 'garbage"'), { nil: undefined }),
      retryAfter: fc.option(fc.constantFrom('120', '0', '-5', 'soon', '99999999999999999999', 'Wed, 21 Oct 2015 07:28:00 GMT'), { nil: undefined }),
    })
    .map(({ status, body, contentType, etag, retryAfter }) => {
      const headers: Record<string, string> = {};
      if (contentType) headers['content-type'] = contentType;
      if (etag !== undefined) headers.etag = etag;
      if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
      return { status, headers, body };
    });
}

const NULL_BODY = new Set([204, 205, 304]);

/** A `Response` for `reply` (null-body statuses answer no body, as the Fetch standard requires). */
export function respond(reply: FakeReply): Response {
  return makeResponse(NULL_BODY.has(reply.status ?? 200) ? { ...reply, body: null } : reply);
}

// ——— what every outcome must satisfy ———

/** A failure must carry a known kind and a non-empty human message. */
export function checkFailure(error: FetchError): void {
  if (!(FETCH_ERROR_KINDS as readonly string[]).includes(error.kind)) throw new Error(`unknown error kind ${JSON.stringify(error.kind)}`);
  if (typeof error.message !== 'string' || error.message.trim() === '') throw new Error('empty error message');
  if (!Number.isFinite(error.at)) throw new Error('error without a time');
}

function checkLink(url: string, pageUrl: string, what: string): void {
  if (safeLink(url, pageUrl) === null) throw new Error(`${what} links outside ${pageUrl}: ${url}`);
}

/** Text fields are clipped: titles and names to 300 characters, update bodies to 4 000. */
function checkLength(value: string, max: number, what: string): void {
  if (value.length > max) throw new Error(`${what} is ${value.length} characters long`);
}

/** Incidents from an adapter: schema, provider-host links, clipped text. */
export function checkIncident(incident: Incident, pageUrl: string): void {
  const parsed = IncidentSchema.safeParse(incident);
  if (!parsed.success) throw new Error(`incident fails IncidentSchema: ${parsed.error.message}`);
  checkLink(incident.url, pageUrl, 'incident');
  checkLength(incident.title, 300, 'incident title');
  checkLength(incident.latestUpdate, 4000, 'incident update');
  for (const at of [incident.createdAt, incident.startedAt, incident.updatedAt, incident.resolvedAt]) {
    if (at !== null && Number.isNaN(Date.parse(at))) throw new Error(`incident time ${at} does not parse`);
  }
}

/** A normalized status: schema, provider, links, clipped text, and the level rule for outages. */
export function checkStatus(status: ServiceStatus, id: ProviderId, pageUrl: string): void {
  const parsed = ServiceStatusSchema.safeParse(status);
  if (!parsed.success) throw new Error(`status fails ServiceStatusSchema: ${parsed.error.message}`);
  if (status.providerId !== id) throw new Error(`status for ${status.providerId}, expected ${id}`);
  if (status.error !== null || status.stale) throw new Error('a fresh status carries an error or is stale');
  for (const c of status.components) checkLength(c.name, 300, 'component name');
  for (const i of status.incidents) checkIncident(i, pageUrl);
  for (const m of status.maintenances) {
    checkLink(m.url, pageUrl, 'maintenance');
    checkLength(m.title, 300, 'maintenance title');
  }
  checkLength(status.description, 300, 'page description');
  if (status.components.some((c) => c.level === 'outage') && status.level !== 'outage') throw new Error(`a component is in outage but the provider is ${status.level}`);
  // Everything stored must survive storage (structured clone / JSON) unchanged.
  if (JSON.stringify(JSON.parse(JSON.stringify(status))) !== JSON.stringify(status)) throw new Error('status does not round-trip through JSON');
}

/** Uptime figures: schema, percentages within 0–100, at most 90 day bars. */
export function checkUptime(uptime: unknown): void {
  const parsed = UptimeSchema.safeParse(uptime);
  if (!parsed.success) throw new Error(`uptime fails UptimeSchema: ${parsed.error.message}`);
  const u = parsed.data;
  for (const p of [u.percent30d, u.percent90d]) if (p !== null && !(p >= 0 && p <= 100)) throw new Error(`uptime percent ${p}`);
  if (u.days.length > 90) throw new Error(`${u.days.length} day bars`);
  if (!(u.coversDays >= 0 && u.coversDays <= 90)) throw new Error(`covers ${u.coversDays} days`);
}

function checkRetryAfter(sec: number | null): void {
  if (sec !== null && !(Number.isInteger(sec) && sec >= 0 && sec <= 3600)) throw new Error(`retryAfterSec ${sec}`);
}

function checkRequests(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`requests = ${n}`);
}

/** `fetchStatus`: an ok outcome with a valid status (or a 304), or a failure with a reason. */
export function checkStatusOutcome(o: StatusOutcome, id: ProviderId, pageUrl: string): void {
  if (!o || typeof o !== 'object') throw new Error(`outcome ${String(o)}`);
  checkRequests(o.requests);
  if (!o.ok) {
    checkFailure(o.error);
    checkRetryAfter(o.retryAfterSec);
    return;
  }
  if (o.notModified) {
    if (o.bytes !== 0) throw new Error('304 with bytes');
    return;
  }
  checkStatus(o.status, id, pageUrl);
  if (!(Number.isInteger(o.bytes) && o.bytes >= 0)) throw new Error(`bytes = ${o.bytes}`);
}

/** `fetchHistory`: valid incidents, or a failure with a reason. */
export function checkHistoryOutcome(o: HistoryOutcome, pageUrl: string): void {
  if (!o || typeof o !== 'object') throw new Error(`outcome ${String(o)}`);
  checkRequests(o.requests);
  if (!o.ok) return checkFailure(o.error);
  for (const incident of o.incidents) checkIncident(incident, pageUrl);
  // Active first, then resolved.
  const firstResolved = o.incidents.findIndex((i) => i.resolvedAt !== null);
  if (firstResolved >= 0 && o.incidents.slice(firstResolved).some((i) => i.resolvedAt === null)) throw new Error('an active incident sorted after a resolved one');
}

/** `fetchUptime`: valid figures for the provider and each component, or a failure with a reason. */
export function checkUptimeOutcome(o: UptimeOutcome): void {
  if (!o || typeof o !== 'object') throw new Error(`outcome ${String(o)}`);
  checkRequests(o.requests);
  if (!o.ok) return checkFailure(o.error);
  checkUptime(o.uptime);
  if (o.uptime.source !== 'official') throw new Error(`source ${o.uptime.source}`);
  for (const u of Object.values(o.components)) checkUptime(u);
}

// ——— platforms beyond Statuspage: incident.io native, Better Stack, Instatus, Google Workspace ———

/** Times around NOW (so windows, "expired" and "in progress" all happen), or any `dateArb`. */
export const nearNowArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.date({ min: new Date(NOW - 100 * 86_400_000), max: new Date(NOW + 20 * 86_400_000), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: dateArb },
);

/** A value that is one of `known` most of the time, else a surprise. */
export function vocabularyArb(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom('totally_new_value', '__proto__', 'constructor', '', ' ', 'resolved') },
    { weight: 1, arbitrary: textArb },
  );
}

const someIdArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('c1', 'c2', 'c3', '01K6Y7AE9BDH78Q7P0GAVJ7PX1') }, { weight: 1, arbitrary: idArb });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });

/** A ProseMirror document as incident.io sends update messages, or junk in its place. */
export const proseMirrorArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('doc'),
      content: fc.array(
        fc.record(
          {
            type: fc.constantFrom('paragraph', 'list', 'listItem', 'heading', 'text', 'weird'),
            text: textArb,
            content: fc.array(fc.record({ type: fc.constant('text'), text: textArb, marks: fc.constant([{ type: 'bold' }]) }, { requiredKeys: ['type'] }), { maxLength: 3 }),
          },
          { requiredKeys: ['type'] },
        ),
        { maxLength: 3 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const nativeStatusArb = vocabularyArb(['operational', 'degraded_performance', 'partial_outage', 'full_outage', 'under_maintenance']);

const nativeEventArb = fc.record(
  {
    id: idArb,
    name: textArb,
    status: vocabularyArb(['investigating', 'identified', 'monitoring', 'resolved', 'maintenance_scheduled', 'maintenance_in_progress', 'maintenance_complete']),
    type: vocabularyArb(['incident', 'maintenance']),
    published_at: nearNowArb,
    updates: fc.array(
      fc.record(
        {
          published_at: nearNowArb,
          to_status: vocabularyArb(['investigating', 'identified', 'monitoring', 'resolved']),
          message_string: textArb,
          message: fc.oneof(proseMirrorArb, fc.record({ text_node: proseMirrorArb, markdown: textArb }, { requiredKeys: [] }), textArb),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    component_impacts: fc.array(
      fc.record({ component_id: someIdArb, start_at: nearNowArb, end_at: optional(nearNowArb), status: nativeStatusArb, status_page_incident_id: idArb }, { requiredKeys: [] }),
      { maxLength: 3 },
    ),
    affected_components: fc.array(fc.record({ component_id: someIdArb, status: nativeStatusArb, current_status: nativeStatusArb }, { requiredKeys: ['component_id'] }), { maxLength: 3 }),
  },
  { requiredKeys: ['id'] },
);

const structureRefArb = fc.record({ component_id: someIdArb, name: textArb, hidden: fc.boolean() }, { requiredKeys: ['component_id'] });

/** incident.io native `GET /proxy/<host>`. */
export const nativeSummaryArb = fc.record({
  summary: fc.record(
    {
      id: idArb,
      name: textArb,
      public_url: textArb,
      components: fc.array(fc.record({ id: someIdArb, name: textArb, description: optional(textArb) }, { requiredKeys: ['id'] }), { maxLength: 6 }),
      structure: fc.record(
        {
          items: fc.array(
            fc.oneof(
              fc.record({ component: structureRefArb }),
              fc.record({ group: fc.record({ id: idArb, name: textArb, hidden: fc.boolean(), components: fc.array(structureRefArb, { maxLength: 3 }) }, { requiredKeys: [] }) }),
            ),
            { maxLength: 4 },
          ),
        },
        { requiredKeys: [] },
      ),
      affected_components: fc.array(fc.record({ component_id: someIdArb, status: nativeStatusArb }, { requiredKeys: ['component_id'] }), { maxLength: 4 }),
      ongoing_incidents: fc.array(nativeEventArb, { maxLength: 3 }),
      scheduled_maintenances: fc.array(nativeEventArb, { maxLength: 2 }),
    },
    { requiredKeys: ['components'] },
  ),
});

/** incident.io native `component_impacts` (history): impacts grouped by incident id. */
export const nativeImpactsArb = fc.record(
  {
    incident_links: fc.array(fc.record({ id: fc.oneof(fc.constantFrom('inc1', 'inc2'), idArb), name: textArb }, { requiredKeys: ['id'] }), { maxLength: 4 }),
    component_impacts: fc.array(
      fc.record(
        { start_at: nearNowArb, end_at: optional(nearNowArb), component_id: optional(someIdArb), status_page_incident_id: optional(fc.oneof(fc.constantFrom('inc1', 'inc2'), idArb)), status: nativeStatusArb },
        { requiredKeys: ['start_at'] },
      ),
      { maxLength: 6 },
    ),
  },
  { requiredKeys: [] },
);

const bsIdArb: fc.Arbitrary<string | number> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('1', '2', '3', '501', 7001) }, { weight: 1, arbitrary: idArb });
const bsStateArb = vocabularyArb(['operational', 'degraded', 'downtime', 'maintenance', 'not_monitored', 'resolved']);
const dayKeyArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -95, max: 2 }).map((n) => new Date(NOW + n * 86_400_000).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: textArb },
);
const secondsArb = fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.double(), fc.constantFrom(-5, 1e308, 0.5));
const bsAffectedArb = fc.array(fc.record({ status_page_resource_id: bsIdArb, status: bsStateArb }, { requiredKeys: [] }), { maxLength: 3 });
const bsRefsArb = (type: string) => fc.record({ data: fc.array(fc.record({ id: bsIdArb, type: fc.constant(type) }), { maxLength: 4 }) });

/** Better Stack `GET /index.json` (JSON:API). */
export const betterstackIndexArb = fc.record({
  data: fc.record(
    {
      id: bsIdArb,
      type: fc.oneof({ weight: 8, arbitrary: fc.constant('status_page') }, { weight: 1, arbitrary: textArb }),
      attributes: fc.record({ company_name: textArb, aggregate_state: bsStateArb, updated_at: dateArb, announcement: optional(textArb) }, { requiredKeys: [] }),
      relationships: fc.record({ sections: bsRefsArb('status_page_section'), resources: bsRefsArb('status_page_resource'), status_reports: bsRefsArb('status_report') }, { requiredKeys: [] }),
    },
    { requiredKeys: ['type'] },
  ),
  included: fc.array(
    fc.oneof(
      fc.record({ id: bsIdArb, type: fc.constant('status_page_section'), attributes: fc.record({ name: textArb, position: fc.integer({ min: -3, max: 10 }) }, { requiredKeys: [] }) }),
      fc.record({
        id: bsIdArb,
        type: fc.constant('status_page_resource'),
        attributes: fc.record(
          {
            status_page_section_id: bsIdArb,
            public_name: textArb,
            explanation: textArb,
            position: fc.integer({ min: -3, max: 10 }),
            availability: fc.oneof(fc.double({ min: -1, max: 2 }), fc.constantFrom(1, 0.99, 1.0)),
            status: bsStateArb,
            status_history: fc.array(fc.record({ day: dayKeyArb, status: bsStateArb, downtime_duration: secondsArb, maintenance_duration: secondsArb }, { requiredKeys: ['day'] }), { maxLength: 6 }),
          },
          { requiredKeys: [] },
        ),
      }),
      fc.record({
        id: bsIdArb,
        type: fc.constant('status_report'),
        attributes: fc.record(
          { title: textArb, report_type: vocabularyArb(['manual', 'maintenance']), starts_at: nearNowArb, ends_at: optional(nearNowArb), aggregate_state: bsStateArb, affected_resources: bsAffectedArb },
          { requiredKeys: [] },
        ),
        relationships: fc.record({ status_updates: bsRefsArb('status_update') }, { requiredKeys: [] }),
      }),
      fc.record({
        id: bsIdArb,
        type: fc.constant('status_update'),
        attributes: fc.record({ message: textArb, published_at: nearNowArb, affected_resources: bsAffectedArb }, { requiredKeys: [] }),
      }),
    ),
    { maxLength: 8 },
  ),
});

const instatusUrlArb = fc.oneof(fc.constantFrom('https://status.example-ai.com/x1', 'https://evil.example/x', 'javascript:alert(1)', 'http://status.example-ai.com/x'), textArb);
const instatusComponentArb = fc.record(
  {
    id: someIdArb,
    name: textArb,
    description: textArb,
    status: vocabularyArb(['OPERATIONAL', 'DEGRADEDPERFORMANCE', 'PARTIALOUTAGE', 'MAJOROUTAGE', 'UNDERMAINTENANCE']),
    group: fc.oneof(fc.constant(null), fc.record({ id: someIdArb, name: textArb, description: textArb }, { requiredKeys: ['id'] })),
  },
  { requiredKeys: ['id'] },
);

/** Instatus `GET /summary.json` (components only sometimes, as a few pages may send them). */
export const instatusSummaryArb = fc.record(
  {
    page: fc.record({ name: textArb, url: textArb, status: vocabularyArb(['UP', 'HASISSUES', 'UNDERMAINTENANCE']) }, { requiredKeys: ['status'] }),
    activeIncidents: fc.array(
      fc.record(
        {
          id: idArb,
          name: textArb,
          started: nearNowArb,
          status: vocabularyArb(['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED']),
          impact: vocabularyArb(['PARTIALOUTAGE', 'DEGRADEDPERFORMANCE', 'MAJOROUTAGE', 'OPERATIONAL']),
          url: instatusUrlArb,
          updatedAt: nearNowArb,
        },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 3 },
    ),
    activeMaintenances: fc.array(
      fc.record(
        {
          id: idArb,
          name: textArb,
          start: nearNowArb,
          status: vocabularyArb(['NOTSTARTEDYET', 'INPROGRESS', 'COMPLETED']),
          duration: fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), fc.constantFrom('60', 'x', '', '1e400'), fc.double()),
          url: instatusUrlArb,
          updatedAt: nearNowArb,
        },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 3 },
    ),
    components: fc.array(instatusComponentArb, { maxLength: 5 }),
  },
  { requiredKeys: ['page'] },
);

/** Instatus `GET /v3/components.json` (or a bare list). */
export const instatusComponentsArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ components: fc.array(instatusComponentArb, { maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.array(instatusComponentArb, { maxLength: 6 }) },
);

const googleStateArb = vocabularyArb(['AVAILABLE', 'SERVICE_INFORMATION', 'SERVICE_DISRUPTION', 'SERVICE_OUTAGE']);
const googleTextArb = fc.oneof(
  { weight: 3, arbitrary: textArb },
  { weight: 1, arbitrary: fc.constantFrom('**Summary:**\nElevated \\"INTERNAL\\_ERROR\\" in 2026\\.', '# Incident Report\n## Summary\n**Bold** [link](https://x.example/y)', '\\\\\\*\\*') },
);
const googleUpdateArb = fc.record({ created: nearNowArb, modified: nearNowArb, when: nearNowArb, text: googleTextArb, status: googleStateArb }, { requiredKeys: [] });
const googleProductArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Gemini', 'Google Chat', ' gemini ', 'npdyhgECDJ6tB66MxXyo') }, { weight: 1, arbitrary: textArb });

/** Google Workspace `incidents.json`: incidents of several products, `end` absent while open. */
export const googleIncidentsArb = fc.array(
  fc.record(
    {
      id: idArb,
      begin: nearNowArb,
      created: nearNowArb,
      end: nearNowArb,
      modified: nearNowArb,
      external_desc: googleTextArb,
      most_recent_update: googleUpdateArb,
      status_impact: googleStateArb,
      severity: fc.constantFrom('low', 'medium', 'high'),
      service_key: googleProductArb,
      service_name: googleProductArb,
      affected_products: fc.array(fc.record({ title: googleProductArb, id: googleProductArb }, { requiredKeys: [] }), { maxLength: 2 }),
      updates: fc.array(googleUpdateArb, { maxLength: 3 }),
    },
    { requiredKeys: ['id'] },
  ),
  { maxLength: 5 },
);
