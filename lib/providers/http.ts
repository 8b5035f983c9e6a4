/**
 * Fetching untrusted status JSON: timeout, no credentials, content-type and size checks before
 * parsing, ETag revalidation. Never throws; every failure becomes a typed `FetchError`.
 */
import type { FetchError, FetchErrorKind } from '../model';

/** The fetch function adapters are given (the global one in the worker, a fake in tests). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** What adapters need from the outside world. Passing these in keeps adapters pure. */
export interface FetchContext {
  fetch: FetchLike;
  /** Current time in ms. */
  now: () => number;
  /** ETag of the last good response of this source, if any. */
  etag?: string | null;
  timeoutMs?: number;
  /**
   * A request already sent for this read (`sendEarly`): `httpGet` of the same URL, `Accept` and
   * ETag answers from it instead of sending it again.
   */
  sent?: SentRequest;
}

/** A GET sent ahead of the code that reads its answer (the worker sends it before loading the adapters). */
export interface SentRequest {
  readonly key: string;
  readonly result: Promise<HttpResult>;
}

const requestKey = (url: string, accept: string, etag: string | null | undefined) => `${accept}\n${etag ?? ''}\n${url}`;

/** Result of one HTTP read. */
export type HttpResult =
  | { ok: true; notModified: false; body: string; contentType: string; etag: string | null; bytes: number }
  | { ok: true; notModified: true; etag: string | null; bytes: 0 }
  | { ok: false; error: FetchError; retryAfterSec: number | null };

/** HTTP status of the "not modified" outcome: the caller keeps its figures and counts them as current. */
export const NOT_MODIFIED = 304;

/** A fetch of more than 8 s counts as a failure (docs/ARCHITECTURE.md#refresh). */
export const FETCH_TIMEOUT_MS = 8_000;
/** Status JSON is a few KB; anything this large is not a status page. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/**
 * A status page's HTML (Statuspage's uptime bars: pages are about 125 KB to 1 MB): the largest
 * body any reader accepts.
 */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/** Builds a `FetchError`. */
export function fetchError(kind: FetchErrorKind, message: string, at: number, httpStatus: number | null = null): FetchError {
  return { kind, message, httpStatus, at };
}

/** A server may ask us to wait, but never for more than an hour. */
export const MAX_RETRY_AFTER_SEC = 3600;

/** Parses `Retry-After` (seconds or an HTTP date) into seconds from `now`, capped at an hour. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_SEC);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, Math.ceil((date - now) / 1000)), MAX_RETRY_AFTER_SEC);
}

/** The body as text, or null once it is (or says it is) over `maxBytes`; cancels what it does not read. */
export async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * How long the browser is left to the requests just sent before the worker asks it for anything
 * else. Its main thread hands an extension's requests on to the network (through DevTools, or any
 * extension that watches requests), and it is the same thread that answers storage calls and
 * opens the parsing document: asked for those in the same instant, it let the first request
 * reach the network 1.5–2 ms later (docs/ARCHITECTURE.md#the-worker-wake). An answer takes longer
 * than this on any real network, so nothing that waits for one is delayed by it.
 */
export const HEAD_START_MS = 25;

/**
 * Resolves once the requests sent before the call have had their head start (`HEAD_START_MS`), or
 * as soon as `answered` settles: an answer is in, so the requests have left.
 */
export function headStart(answered: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, HEAD_START_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    answered.then(done, done);
  });
}

/** Sends `httpGet(url, ctx, accept)` now; hand the result to the reader as `ctx.sent`. */
export function sendEarly(url: string, ctx: FetchContext, accept = 'application/json'): SentRequest {
  return { key: requestKey(url, accept, ctx.etag), result: httpGet(url, { ...ctx, sent: undefined }, accept) };
}

/** GETs `url` as text with the rules of docs/ARCHITECTURE.md#refresh and #security. */
export async function httpGet(url: string, ctx: FetchContext, accept = 'application/json', maxBytes = MAX_BODY_BYTES): Promise<HttpResult> {
  if (ctx.sent && ctx.sent.key === requestKey(url, accept, ctx.etag)) return ctx.sent.result;
  const at = ctx.now();
  const host = new URL(url).host;
  const controller = new AbortController();
  const timeoutMs = ctx.timeoutMs ?? FETCH_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers: Record<string, string> = { accept };
    if (ctx.etag) headers['if-none-match'] = ctx.etag;
    const response = await ctx.fetch(url, {
      method: 'GET',
      headers,
      credentials: 'omit',
      cache: 'no-cache',
      redirect: 'follow',
      signal: controller.signal,
    });
    const etag = response.headers.get('etag');
    if (response.status === 304) return { ok: true, notModified: true, etag: etag ?? ctx.etag ?? null, bytes: 0 };
    if (response.status === 429) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        error: fetchError('rate-limited', `${host} is rate limiting requests (HTTP 429)`, at, 429),
        retryAfterSec: parseRetryAfter(response.headers.get('retry-after'), at),
      };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const kind: FetchErrorKind = response.status === 403 || response.status === 405 ? 'challenge' : 'http';
      return {
        ok: false,
        error: fetchError(kind, `${host} answered HTTP ${response.status}`, at, response.status),
        retryAfterSec: parseRetryAfter(response.headers.get('retry-after'), at),
      };
    }
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    const body = await readCapped(response, maxBytes);
    if (body === null) {
      return { ok: false, error: fetchError('too-large', `${host} sent a response over ${maxBytes / 1024 / 1024} MB`, at, response.status), retryAfterSec: null };
    }
    return { ok: true, notModified: false, body, contentType, etag, bytes: body.length };
  } catch (error) {
    const aborted = controller.signal.aborted;
    return {
      ok: false,
      error: aborted
        ? fetchError('timeout', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`, at)
        : fetchError('network', `Couldn't reach ${host}${error instanceof Error && error.message ? ` (${error.message})` : ''}`, at),
      retryAfterSec: null,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Result of reading JSON: the parsed value or a typed failure. */
export type JsonResult =
  | { ok: true; notModified: false; json: unknown; etag: string | null; bytes: number; body: string; contentType: string }
  | { ok: true; notModified: true; etag: string | null; bytes: 0 }
  | { ok: false; error: FetchError; retryAfterSec: number | null; body?: string };

function looksLikeHtml(body: string, contentType: string): boolean {
  return contentType.includes('html') || /^\s*</.test(body);
}

/** GETs and parses JSON, refusing HTML (challenge pages, 404 pages) and truncated bodies. */
export async function getJson(url: string, ctx: FetchContext): Promise<JsonResult> {
  const result = await httpGet(url, ctx);
  if (!result.ok || result.notModified) return result;
  const at = ctx.now();
  const host = new URL(url).host;
  if (looksLikeHtml(result.body, result.contentType)) {
    return {
      ok: false,
      error: fetchError('not-json', `${host} sent a web page instead of status data (likely a bot check)`, at, 200),
      retryAfterSec: null,
      body: result.body,
    };
  }
  try {
    return { ok: true, notModified: false, json: JSON.parse(result.body), etag: result.etag, bytes: result.bytes, body: result.body, contentType: result.contentType };
  } catch {
    return { ok: false, error: fetchError('bad-json', `${host} sent incomplete or invalid JSON`, at, 200), retryAfterSec: null };
  }
}
