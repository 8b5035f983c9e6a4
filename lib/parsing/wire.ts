/**
 * What Chrome's worker and its parsing document say to each other (docs/ARCHITECTURE.md, "The
 * parsing document"). Extension messages travel as JSON, so everything here is plain data: a
 * request names a read (or the steps after a poll), the document's fetches come back to the worker
 * (the only one that touches the network), and a response crosses as its status, headers and
 * text. The document has no storage or notifications API: the steps after a poll call the
 * worker's (`WorkerCall`).
 */
import type { AfterPollContext } from '../background/poll';
import type { NotificationOptions } from '../background/notify';
import type { DetectReply } from '../messages';
import type { ProviderInfo } from '../providers/catalog';
import { isObj, type Area } from '../records/core';
import { readCapped, type HttpResult } from '../providers/http';
import type { HistoryOutcome, StatusOutcome, UptimeOutcome } from '../providers/types';

/** The reads the document can make: an adapter's three, the detection of a pasted page, and the steps after a poll. */
const PARSE_OPS = ['status', 'history', 'uptime', 'detect', 'after-poll'] as const;
/** A read the document can make. */
export type ParseOp = (typeof PARSE_OPS)[number];

/** What each read answers. */
export interface ParseAnswers {
  status: StatusOutcome;
  history: HistoryOutcome;
  uptime: UptimeOutcome;
  detect: DetectReply;
  'after-poll': null;
}

/** The steps after a poll, as the worker hands them over: what the poll knows, and what only the worker can tell. */
export interface AfterPollJob {
  ctx: AfterPollContext;
  /** The browser's UI language, for the notifications' text (the document has no `i18n`). */
  locale: string;
  /** This browser session's id (`NotifyInput.session`). */
  session: number;
  /** This worker's life (a new id at each start): what the steps remember between polls lasts as long. */
  worker: string;
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
  /** The steps to run (`after-poll`). */
  afterPoll?: AfterPollJob;
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

/** The answer for an error thrown on this side: its message (an `Error` does not cross as JSON). */
export function failure(error: unknown): { ok: false; message: string } {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/**
 * The value of an answer from the other side (a read's or a call's); throws the error it carries,
 * or that `who` did not answer (gone, or no listener took the message).
 */
export function valueOf(answer: unknown, who: string): unknown {
  const a = answer as ParseAnswer | undefined;
  if (!a) throw new Error(`${who} did not answer`);
  if (!a.ok) throw new Error(a.message);
  return a.value;
}

/** Document → worker: a storage or notifications call of the steps after a poll. */
export type WorkerCall =
  | { type: 'parser-call'; api: 'storage'; op: 'get'; area: Area; keys: string[] }
  | { type: 'parser-call'; api: 'storage'; op: 'set'; area: Area; items: Record<string, unknown> }
  | { type: 'parser-call'; api: 'notifications'; op: 'create'; notificationId: string; options: NotificationOptions }
  | { type: 'parser-call'; api: 'notifications'; op: 'clear'; notificationId: string };

/** The worker's answer to a call: what the API resolved with, or why it failed. */
export type CallAnswer = ParseAnswer;

/** Narrows a message to a read request. */
export function isParseRequest(value: unknown): value is ParseRequest {
  const m = value as Partial<ParseRequest> | null;
  return m?.type === 'parse' && typeof m.id === 'string' && (PARSE_OPS as readonly unknown[]).includes(m.op);
}

/** Narrows a message to a fetch request. */
export function isFetchRequest(value: unknown): value is FetchRequest {
  const m = value as Partial<FetchRequest> | null;
  return m?.type === 'parser-fetch' && typeof m.id === 'string' && typeof m.url === 'string' && typeof m.init === 'object' && m.init !== null;
}

/** Narrows a message to a call, every field of its kind in place. */
export function isWorkerCall(value: unknown): value is WorkerCall {
  if (!isObj(value) || value.type !== 'parser-call') return false;
  if (value.api === 'storage') {
    if (value.area !== 'local' && value.area !== 'session') return false;
    if (value.op === 'get') return Array.isArray(value.keys) && value.keys.every((k) => typeof k === 'string');
    return value.op === 'set' && isObj(value.items);
  }
  if (value.api !== 'notifications' || typeof value.notificationId !== 'string') return false;
  if (value.op === 'clear') return true;
  const o = value.options;
  return value.op === 'create' && isObj(o) && o.type === 'basic' && typeof o.iconUrl === 'string' && typeof o.title === 'string' && typeof o.message === 'string';
}

/** A message from the document to the worker: a fetch or a call. */
export function isDocumentCall(value: unknown): value is FetchRequest | WorkerCall {
  return isFetchRequest(value) || isWorkerCall(value);
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
