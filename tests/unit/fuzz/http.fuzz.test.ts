/**
 * Fuzz: the HTTP layer every adapter reads through (`getJson` over `httpGet`), with a fake fetch
 * that answers random statuses, headers (lying content-length, odd Retry-After, ETags), bodies
 * (strings, chunked streams, streams that fail midway, oversized), or fails: rejects, throws
 * synchronously, never answers. Every result is a typed success or a typed failure, and where the
 * right answer is unambiguous it is checked (429 → rate-limited, 403/405 → challenge, 304 → not
 * modified, over 2 MB → too-large, HTML → not-json, no answer → timeout, rejected → network).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, getJson, type FetchLike, type JsonResult } from '../../../lib/providers/http';
import { DEFAULT_RUNS, NOW, OVERSIZED, RUNS, TIMEOUT_MS, assertProperty, bodyOf, checkFailure, contentTypeArb, rawBodyArb, summaryArb } from './arbitraries';

const URL_ = 'https://status.claude.com/api/v2/summary.json';
const NULL_BODY = new Set([204, 205, 304]);
const byteLengths = new Map<string, number>();
/** UTF-8 size of a body (memoized: the oversized one is 2 MB). */
const byteLength = (text: string) => byteLengths.get(text) ?? byteLengths.set(text, new TextEncoder().encode(text).length).get(text)!;

type Behaviour =
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: string; delivery: 'string' | 'chunks' | 'failing-stream'; chunk: number }
  | { kind: 'reject'; error: unknown }
  | { kind: 'throw' }
  | { kind: 'hang' };

const headersArb = fc.record(
  {
    'content-type': contentTypeArb,
    'content-length': fc.constantFrom('0', '5', '-1', 'abc', '1e9', String(MAX_BODY_BYTES + 1), '99999999999999999999'),
    etag: fc.constantFrom('"v1"', 'W/"x"', '', '"\u00e9"'),
    'retry-after': fc.constantFrom('0', '30', '-5', '3601', '99999999999999999999', 'soon', ' 120 ', '1e3', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT'),
  },
  { requiredKeys: [] },
);

const behaviourArb: fc.Arbitrary<Behaviour> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant('respond' as const),
      status: fc.oneof({ weight: 6, arbitrary: fc.constant(200) }, { weight: 1, arbitrary: fc.constantFrom(304, 403, 404, 405, 429, 500, 502, 503) }, { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) }),
      headers: headersArb,
      body: fc.oneof({ weight: 50, arbitrary: bodyOf(summaryArb) }, { weight: 50, arbitrary: rawBodyArb }, { weight: 1, arbitrary: fc.constant(OVERSIZED) }),
      delivery: fc.constantFrom('string' as const, 'chunks' as const, 'failing-stream' as const),
      chunk: fc.integer({ min: 1, max: 4096 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reject' as const), error: fc.constantFrom(new TypeError('Failed to fetch'), 'a string', undefined, null, { message: 42 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'throw' as const }) },
  // Each hang waits for the (1 ms) timeout: keep them few.
  { weight: 1, arbitrary: fc.constant({ kind: 'hang' as const }) },
);

function streamOf(text: string, chunk: number, fail: boolean): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (fail && offset > 0) return controller.error(new TypeError('network changed'));
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

function fetchFor(b: Behaviour): FetchLike {
  return (_url, init) => {
    if (b.kind === 'throw') throw new Error('fetch threw synchronously');
    if (b.kind === 'reject') return Promise.reject(b.error);
    if (b.kind === 'hang')
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const body = NULL_BODY.has(b.status) ? null : b.delivery === 'string' ? b.body : streamOf(b.body, b.chunk, b.delivery === 'failing-stream');
    return Promise.resolve(new Response(body, { status: b.status, headers: b.headers }));
  };
}

/** The one right answer, where the behaviour determines it. */
function expected(b: Behaviour): string | null {
  if (b.kind === 'hang') return 'timeout';
  if (b.kind !== 'respond') return 'network';
  if (b.status === 304) return 'not-modified';
  if (b.status === 429) return 'rate-limited';
  if (b.status === 403 || b.status === 405) return 'challenge';
  if (b.status < 200 || b.status > 299) return 'http';
  const declared = Number(b.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return 'too-large'; // refused before reading
  if (NULL_BODY.has(b.status)) return null;
  const size = byteLength(b.body);
  if (b.delivery === 'failing-stream' && size > b.chunk) return 'network'; // fails after the first chunk
  if (size > MAX_BODY_BYTES) return 'too-large';
  return null;
}

function check(r: JsonResult, b: Behaviour): string {
  if (!r || typeof r !== 'object') throw new Error(`result ${String(r)}`);
  let got: string;
  if (!r.ok) {
    checkFailure(r.error);
    if (r.retryAfterSec !== null && !(Number.isInteger(r.retryAfterSec) && r.retryAfterSec >= 0 && r.retryAfterSec <= 3600)) throw new Error(`retryAfterSec ${r.retryAfterSec}`);
    got = r.error.kind;
  } else if (r.notModified) {
    if (r.bytes !== 0) throw new Error('304 with bytes');
    got = 'not-modified';
  } else {
    if (typeof r.body !== 'string' || r.bytes !== r.body.length) throw new Error('body and bytes disagree');
    if (r.body.length > MAX_BODY_BYTES) throw new Error('a body over the cap was accepted'); // characters ≤ bytes
    if (/^\s*</.test(r.body) || r.contentType.includes('html')) throw new Error('HTML accepted as JSON');
    got = 'json';
  }
  const want = expected(b);
  if (want !== null && want !== got) throw new Error(`expected ${want}, got ${got}`);
  if (b.kind === 'respond' && b.status === 200 && want === null && got === 'json') {
    // Parsed JSON is exactly what the body says.
    // (A leading BOM is dropped by the UTF-8 decoder, as in the browser.)
    if (JSON.stringify((r as { json: unknown }).json) !== JSON.stringify(JSON.parse(b.body.replace(/^\ufeff/, '')))) throw new Error('parsed JSON differs from the body');
  }
  return got;
}

describe('fuzz: HTTP layer (getJson / httpGet)', () => {
  it(
    `${RUNS} random responses and failures: a typed result, the right kind where it is unambiguous, never a throw`,
    async () => {
      const kinds = new Map<string, number>();
      await assertProperty(
        fc.asyncProperty(behaviourArb, fc.option(fc.constantFrom('"v1"', 'W/"x"'), { nil: null }), async (b, etag) => {
          const r = await getJson(URL_, { fetch: fetchFor(b), now: () => NOW, etag, timeoutMs: 1 });
          const got = check(r, b);
          kinds.set(got, (kinds.get(got) ?? 0) + 1);
        }),
      );
      // Every branch of the layer was reached.
      if (RUNS >= DEFAULT_RUNS) expect([...kinds.keys()].sort()).toEqual(['bad-json', 'challenge', 'http', 'json', 'network', 'not-json', 'not-modified', 'rate-limited', 'timeout', 'too-large']);
    },
    TIMEOUT_MS,
  );
});
