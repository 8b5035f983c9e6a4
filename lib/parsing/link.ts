/**
 * Chrome's worker side of the parsing document (docs/ARCHITECTURE.md, "The parsing document").
 * The adapters (zod schemas, HTML and Markdown parsing) are not in the worker: every script a
 * service worker may load is handed to it again at each start, and that alone made a wake slower
 * than the target. Here each adapter is a stand-in that asks the document to make the read; the
 * document's requests come back here, so the network, its timeouts and the early first request
 * stay in the worker. The steps after a poll run there too (their code and records are most of
 * what the worker would otherwise carry), their storage and notifications the worker's
 * (`calls.ts`). The document exists while reads run and closes when they have stopped.
 */
import type { BackgroundDeps } from '../background/parts';
import type { AfterPollContext } from '../background/poll';
import type { DetectReply } from '../messages';
import { PLATFORMS, type Platform } from '../providers/catalog';
import { fetchError, MAX_PAGE_BYTES, FETCH_TIMEOUT_MS, type FetchContext, type FetchLike } from '../providers/http';
import { publishesUptime } from '../providers/status-request';
import type { Adapter, ProviderDefinition } from '../providers/types';
import { answerCall, type CallApis } from './calls';
import { failure, isFetchRequest, isWorkerCall, toWire, valueOf, type FetchAnswer, type ParseAnswers, type ParseOp, type ParseRequest } from './wire';

/** The document's life, as the browser offers it (`chrome.offscreen` in the worker's wiring). */
export interface ParserDocument {
  /** Resolves once the document is there to answer (made now, or made already). */
  open(): Promise<void>;
  /** Closes it; resolves also when there was none. */
  close(): Promise<void>;
}

/** What the link needs from the browser: the document, and the APIs its calls are made with. */
export interface LinkDeps extends CallApis {
  document: ParserDocument;
  /** Sends a message to the extension's pages (the document answers reads): `runtime.sendMessage`. */
  send: (message: ParseRequest) => Promise<unknown>;
  /** The longest one read may take, its requests included, before it counts as failed. */
  readTimeoutMs?: number;
  /** How long the document stays open after the last read ended. */
  idleCloseMs?: number;
}

/** The worker's parsing, through the document: adapters per platform, page detection, and the document's fetches. */
export interface ParserLink {
  adapters: Readonly<Record<Platform, Adapter>>;
  detect(url: unknown, ctx: { fetch: FetchLike; now: () => number; timeoutMs?: number }): Promise<DetectReply>;
  /** Runs the steps after a poll in the document; rejects when they could not run there. */
  afterPoll(deps: BackgroundDeps, ctx: AfterPollContext): Promise<void>;
  /** Answers a document's fetch (only for a running read) or call (`calls.ts`); undefined for any other message. */
  answer(message: unknown): Promise<unknown> | undefined;
}

/** A read's longest time: a Statuspage read with its HTML fallback is two requests of up to 8 s each, plus parsing. */
export const READ_TIMEOUT_MS = 4 * FETCH_TIMEOUT_MS;
/**
 * Open a little after the last read (a poll's history and uptime reads follow its status reads),
 * then closed: polls are a minute or more apart, and Chrome ends an idle worker after 30 s,
 * whose timer would go with it.
 */
export const IDLE_CLOSE_MS = 10_000;
/**
 * The longest the steps after a poll may take: each service's history and uptime reads, several at
 * once, each within its own limits (they fail soft). Past it the worker paints the badge anyway.
 */
export const AFTER_POLL_TIMEOUT_MS = 2 * 60_000;
/** Headroom over the document's own timer, which fires first and reports the timeout itself. */
const FETCH_GRACE_MS = 2_000;

const NO_DOCUMENT = /receiving end does not exist|message port closed|no (?:matching )?(?:listener|receiver)/i;

/** Links the worker to its parsing document. */
export function parserLink(deps: LinkDeps): ParserLink {
  const running = new Map<string, FetchContext>();
  let idle: ReturnType<typeof setTimeout> | undefined;
  let opening: Promise<void> | null = null;
  let counter = 0;
  // Made once per worker start (the link is made on first use and lives as long as the worker);
  // each read's id is this and a count.
  const life = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  const open = () => {
    clearTimeout(idle);
    opening ??= deps.document.open().catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  const released = () => {
    if (running.size > 0) return;
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (running.size > 0) return;
      opening = null;
      void deps.document.close().catch(() => undefined);
    }, deps.idleCloseMs ?? IDLE_CLOSE_MS);
  };

  /** Asks the document for one read; a document that went away (closed, crashed) is opened again once. */
  async function call<K extends ParseOp>(op: K, ctx: FetchContext, fields: Pick<ParseRequest, 'info' | 'url' | 'afterPoll'>, timeoutMs = deps.readTimeoutMs ?? READ_TIMEOUT_MS): Promise<ParseAnswers[K]> {
    const id = `${life}-${(counter++).toString(36)}`;
    running.set(id, ctx);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const [, sent] = await Promise.all([open(), ctx.sent?.result]);
      const request: ParseRequest = {
        type: 'parse',
        id,
        op,
        ...fields,
        etag: ctx.etag ?? null,
        ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}),
        ...(ctx.sent && sent ? { sent: { key: ctx.sent.key, result: sent } } : {}),
      };
      const ask = async (): Promise<unknown> => {
        try {
          return await deps.send(request);
        } catch (error) {
          if (!(error instanceof Error) || !NO_DOCUMENT.test(error.message)) throw error;
          opening = null;
          await open();
          return deps.send(request);
        }
      };
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('it took too long')), timeoutMs);
      });
      return valueOf(await Promise.race([ask(), timeout]), 'the document') as ParseAnswers[K];
    } finally {
      clearTimeout(timer);
      running.delete(id);
      released();
    }
  }

  /** An adapter's read through the document; a failed exchange is a failed read, never a throw. */
  function read<K extends 'status' | 'history' | 'uptime'>(op: K) {
    return async (def: ProviderDefinition, ctx: FetchContext): Promise<ParseAnswers[K]> => {
      const { adapter: _adapter, ...info } = def;
      try {
        return await call(op, ctx, { info });
      } catch (error) {
        const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
        const failed = fetchError('wrong-shape', `AI Status could not read ${new URL(def.pageUrl).host}: its reader stopped${reason}`, ctx.now());
        return (op === 'status' ? { ok: false, error: failed, retryAfterSec: null, requests: 0 } : { ok: false, error: failed, requests: 0 }) as ParseAnswers[K];
      }
    };
  }

  const adapterOf = (platform: Platform): Adapter => ({
    platform,
    fetchStatus: read('status'),
    fetchHistory: read('history'),
    ...(publishesUptime(platform) ? { fetchUptime: read('uptime') } : {}),
  });

  function answerFetch(message: unknown): Promise<FetchAnswer> | undefined {
    if (!isFetchRequest(message)) return undefined;
    const ctx = running.get(message.id);
    // Only a running read's requests: the document cannot make the worker fetch at other times.
    if (!ctx) return Promise.resolve({ ok: false, message: 'no such read' });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), (ctx.timeoutMs ?? FETCH_TIMEOUT_MS) + FETCH_GRACE_MS);
    return ctx
      .fetch(message.url, { ...message.init, signal: controller.signal })
      .then((response) => toWire(response, MAX_PAGE_BYTES))
      .then(
        (response): FetchAnswer => ({ ok: true, response }),
        (error: unknown): FetchAnswer => failure(error),
      )
      .finally(() => clearTimeout(timer));
  }

  return {
    adapters: Object.fromEntries(PLATFORMS.map((p) => [p, adapterOf(p)])) as Record<Platform, Adapter>,
    async afterPoll(background, ctx) {
      const job = { ctx, locale: background.locale, session: await background.session(), worker: life };
      await call('after-poll', { fetch: background.fetch, now: background.now }, { afterPoll: job }, AFTER_POLL_TIMEOUT_MS);
    },
    async detect(url, ctx) {
      try {
        // Checked there (`detect` in lib/background/detect.ts), with the rest of the detection.
        return await call('detect', ctx, { url: url as string });
      } catch {
        return { ok: false, messageKey: 'addServiceErrorUnreachable' };
      }
    },
    answer: (message) => (isWorkerCall(message) ? answerCall(message, deps) : answerFetch(message)),
  };
}
