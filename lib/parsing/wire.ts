/**
 * What Chrome's worker and its parsing document say to each other (docs/ARCHITECTURE.md, "The
 * parsing document"). Extension messages travel as JSON, so everything here is plain data: a
 * request names a read, the document's fetches come back to the worker (the only one that touches
 * the network), and a response crosses as its status, headers and text.
 */
import type { DetectReply } from '../messages';
import type { ProviderInfo } from '../providers/catalog';
import { readCapped, type HttpResult } from '../providers/http';
import type { HistoryOutcome, StatusOutcome, UptimeOutcome } from '../providers/types';

/** A read the document can make: an adapter's three, and the detection of a pasted page. */
export type ParseOp = 'status' | 'history' | 'uptime' | 'detect';

/** What each read answers. */
export interface ParseAnswers {
  status: StatusOutcome;
  history: HistoryOutcome;
  uptime: UptimeOutcome;
  detect: DetectReply;
}

/** Worker → document: make one read. `id` names it while it runs (its fetches carry it). */
export interface ParseRequest {
  type: 'parse';
  id: string;
  op: ParseOp;
  /** The service read (`status`, `history`, `uptime`). */
  info?: ProviderInfo;
  /** The page to detect (`detect`). */
  url?: string;
  /** The stored ETag the read revalidates with. */
  etag?: string | null;
  /** Each request's time limit, where the worker's read has its own (`FetchContext.timeoutMs`). */
  timeoutMs?: number;
  /** The first request's answer, which the worker sent before the document was there (`FetchContext.sent`). */
  sent?: { key: string; result: HttpResult };
}

/** The fetch options that cross (a signal cannot: the document races its own). */
export interface WireInit {
  method?: string;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  cache?: RequestCache;
  redirect?: RequestRedirect;
}

/** Document → worker: fetch this for the read `id`. */
export interface FetchRequest {
  type: 'parser-fetch';
  id: string;
  url: string;
  init: WireInit;
}

/** A response as it crosses: `body` null when there is none, or when it was over the cap (`headers` then say so). */
export interface WireResponse {
  status: number;
  statusText: string;
  url: string;
  redirected: boolean;
  headers: [string, string][];
  body: string | null;
}

/** The worker's answer to a fetch: the response, or why there is none (the fetch threw). */
export type FetchAnswer = { ok: true; response: WireResponse } | { ok: false; message: string };

/** The document's answer to a read: its outcome, or the error it threw. */
export type ParseAnswer = { ok: true; value: unknown } | { ok: false; message: string };

/** Narrows a message to a read request. */
export function isParseRequest(value: unknown): value is ParseRequest {
  const m = value as Partial<ParseRequest> | null;
  return m?.type === 'parse' && typeof m.id === 'string' && (m.op === 'status' || m.op === 'history' || m.op === 'uptime' || m.op === 'detect');
}

/** Narrows a message to a fetch request. */
export function isFetchRequest(value: unknown): value is FetchRequest {
  const m = value as Partial<FetchRequest> | null;
  return m?.type === 'parser-fetch' && typeof m.id === 'string' && typeof m.url === 'string' && typeof m.init === 'object' && m.init !== null;
}

/**
 * Reads a response for the wire. A body over `maxBytes` is not read, let alone sent: the response
 * crosses without one, declaring a length over the cap, which every reader refuses as too large
 * (`readCapped`).
 */
export async function toWire(response: Response, maxBytes: number): Promise<WireResponse> {
  const headers = [...response.headers];
  const nullBody = response.status === 204 || response.status === 304 || !response.body;
  const body = nullBody ? null : await readCapped(response, maxBytes);
  const over = !nullBody && body === null;
  return {
    status: response.status,
    statusText: response.statusText,
    url: response.url,
    redirected: response.redirected,
    headers: over ? [...headers.filter(([name]) => name.toLowerCase() !== 'content-length'), ['content-length', String(maxBytes + 1)]] : headers,
    body,
  };
}

/** The `Response` a wire response stands for, with the URL it was read from and whether it was redirected. */
export function fromWire(wire: WireResponse): Response {
  const response = new Response(wire.body, { status: wire.status, statusText: wire.statusText, headers: wire.headers });
  // A constructed response has no URL and was never redirected; the page detector reads both.
  Object.defineProperties(response, { url: { value: wire.url }, redirected: { value: wire.redirected } });
  return response;
}
