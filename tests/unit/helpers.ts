/**
 * Shared test helpers: fixture loading, a URL-routing fake `fetch`, provider definitions from the
 * registry and a translator over the real English messages file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { translateFromMessages, type MessagesFile, type Translate } from '../../lib/i18n';
import { PROVIDERS } from '../../lib/providers/registry';
import type { ProviderDefinition } from '../../lib/providers/types';
import type { FetchContext, FetchLike } from '../../lib/providers/http';
import type { Level, ProviderId, ServiceStatus } from '../../lib/model';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** Absolute path of a file under `tests/fixtures/`. */
export function fixturePath(rel: string): string {
  return resolve(root, 'tests/fixtures', rel);
}

/** Text of a fixture under `tests/fixtures/`, e.g. `anthropic/summary-all-operational-2026-09-22.json`. */
export function loadFixture(rel: string): string {
  return readFileSync(fixturePath(rel), 'utf8');
}

/** A fixture parsed as JSON (a fresh copy each call, safe to mutate). */
export function loadJson<T = Record<string, unknown>>(rel: string): T {
  return JSON.parse(loadFixture(rel)) as T;
}

/** Real fixture files used across tests. */
export const FIX = {
  openaiOk: 'openai/summary-incidentio-compat-all-operational-2026-09-15.json',
  openaiMinor: 'openai/summary-incidentio-compat-minor-2-incidents-2026-09-29.json',
  anthropicOk: 'anthropic/summary-all-operational-2026-09-22.json',
  anthropicMinor: 'anthropic/summary-minor-partial-outage-investigating-2026-09-22.json',
  anthropicIncidents: 'anthropic/incidents-50-resolved-incl-critical-2026-09-15.json',
  anthropicMaintenances: 'anthropic/scheduled-maintenances-completed-2026-09-15.json',
  cursorGrokComponent: 'cursor/summary-component-fragment-grok-bot-2026-10-09.json',
  cursorGrokHtml: 'cursor/html-component-fragment-grok-bot-2026-10-09.html',
  cursorUnresolved: 'cursor/incidents-unresolved-empty-2026-10-09.json',
  cursorOk: 'synthetic/synthetic-cursor-summary-all-operational.json',
  cursorOutage: 'synthetic/synthetic-cursor-summary-major-outage.json',
  cursorMaintenance: 'synthetic/synthetic-cursor-summary-maintenance-in-progress.json',
  cursorPage: 'synthetic/synthetic-cursor-page.html',
  challengePage: 'synthetic/synthetic-challenge-page.html',
  openaiFullOutage: 'synthetic/synthetic-openai-compat-summary-full-outage.json',
  unknownEnums: 'synthetic/synthetic-summary-unknown-enums.json',
  offsets: 'synthetic/synthetic-summary-timestamp-offsets.json',
  groups: 'synthetic/synthetic-statuspage-summary-groups.json',
  hostile: 'synthetic/synthetic-summary-hostile-incident.json',
} as const;

/** What a route answers. `body` may be a string, an object (JSON-encoded) or a stream. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | object | ReadableStream<Uint8Array> | null;
}

/** A route: a fixed reply, a list of replies used in turn (the last repeats), or a function. */
export type Route = FakeReply | FakeReply[] | ((url: string, init?: RequestInit) => Response | Promise<Response>);

/** One request the fake saw. */
export interface FakeCall {
  url: string;
  init: RequestInit | undefined;
  headers: Record<string, string>;
}

/** Builds a `Response` (null body for 204/304, as the Fetch standard requires). */
export function makeResponse(reply: FakeReply): Response {
  const status = reply.status ?? 200;
  const headers = new Headers(reply.headers ?? {});
  let body: BodyInit | null = null;
  if (reply.body instanceof ReadableStream) body = reply.body;
  else if (typeof reply.body === 'string') body = reply.body;
  else if (reply.body !== undefined && reply.body !== null) {
    body = JSON.stringify(reply.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  }
  if (status === 204 || status === 304) body = null;
  return new Response(body, { status, headers });
}

/** A JSON reply with a JSON content type. */
export function json(body: string | object, extra: Omit<FakeReply, 'body'> = {}): FakeReply {
  return {
    status: extra.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(extra.headers ?? {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** An HTML reply. */
export function html(body: string, extra: Omit<FakeReply, 'body'> = {}): FakeReply {
  return { status: extra.status ?? 200, headers: { 'content-type': 'text/html; charset=utf-8', ...(extra.headers ?? {}) }, body };
}

/** A fixture file served as JSON. */
export function jsonFixture(rel: string, extra: Omit<FakeReply, 'body'> = {}): FakeReply {
  return json(loadFixture(rel), extra);
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers ?? {}).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** A fake fetch routing by exact URL; unrouted URLs answer an HTML 404 and are listed in `unrouted`. */
export interface FakeFetch extends FetchLike {
  calls: FakeCall[];
  unrouted: string[];
  routes: Map<string, Route>;
  /** Requests made to `url` so far. */
  count(url?: string): number;
}

/** Creates a fake fetch. Routes can be replaced later through `fake.routes.set(url, route)`. */
export function fakeFetch(routes: Record<string, Route> = {}): FakeFetch {
  const map = new Map<string, Route>(Object.entries(routes));
  const used = new Map<string, number>();
  const calls: FakeCall[] = [];
  const unrouted: string[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init, headers: headersOf(init) });
    const route = map.get(url);
    if (route === undefined) {
      unrouted.push(url);
      return makeResponse({ status: 404, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Not found</title>' });
    }
    if (typeof route === 'function') return route(url, init);
    if (Array.isArray(route)) {
      const n = used.get(url) ?? 0;
      used.set(url, n + 1);
      const reply = route[Math.min(n, route.length - 1)];
      if (!reply) throw new Error(`empty route list for ${url}`);
      return makeResponse(reply);
    }
    return makeResponse(route);
  }) as FakeFetch;
  fn.calls = calls;
  fn.unrouted = unrouted;
  fn.routes = map;
  fn.count = (url?: string) => (url === undefined ? calls.length : calls.filter((c) => c.url === url).length);
  return fn;
}

/** A fetch that never answers until its signal aborts (then rejects like the real one). */
export const hangingFetch: FetchLike = (_url, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (!signal) return;
    if (signal.aborted) reject(new DOMException('The operation was aborted.', 'AbortError'));
    signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });

/** The summary URL of a provider. */
export function summaryUrl(id: ProviderId): string {
  return `${def(id).pageUrl}/api/v2/summary.json`;
}

/** The incidents URL of a provider. */
export function incidentsUrl(id: ProviderId): string {
  return `${def(id).pageUrl}/api/v2/incidents.json`;
}

/** The HTML page URL the fallback reads. */
export function pageUrl(id: ProviderId): string {
  return `${def(id).pageUrl}/`;
}

/** A provider definition from the registry. */
export function def(id: ProviderId): ProviderDefinition {
  const found = PROVIDERS.find((p) => p.id === id);
  if (!found) throw new Error(`no provider ${id}`);
  return found;
}

/** A fetch context with a fixed clock. */
export function ctx(fetch: FetchLike, now = Date.parse('2026-10-10T12:00:00Z'), extra: Partial<FetchContext> = {}): FetchContext {
  return { fetch, now: () => now, ...extra };
}

/** The real English messages file. */
export function messages(locale: 'en' | 'ko' = 'en'): MessagesFile {
  return JSON.parse(readFileSync(resolve(root, `public/_locales/${locale}/messages.json`), 'utf8')) as MessagesFile;
}

/** A `Translate` over the real messages file of `locale`. */
export function translator(locale: 'en' | 'ko' = 'en'): Translate {
  return translateFromMessages(messages(locale));
}

/** A minimal valid normalized status for `id`. */
export function makeStatus(id: ProviderId, level: Level = 'operational', overrides: Partial<ServiceStatus> = {}): ServiceStatus {
  const d = def(id);
  return {
    providerId: id,
    name: d.name,
    pageUrl: d.pageUrl,
    level,
    description: '',
    components: [],
    incidents: [],
    maintenances: [],
    uptime: null,
    sourceUpdatedAt: null,
    fetchedAt: 0,
    error: null,
    stale: false,
    via: 'api',
    ...overrides,
  };
}
