import { describe, expect, it } from 'vitest';
import { FETCH_TIMEOUT_MS, MAX_BODY_BYTES, fetchError, getJson, httpGet, parseRetryAfter } from '../../../lib/providers/http';
import { FIX, ctx, fakeFetch, hangingFetch, html, json, jsonFixture, loadFixture, makeResponse } from '../helpers';

const URL_ = 'https://status.claude.com/api/v2/summary.json';
const NOW = Date.parse('2026-10-10T12:00:00Z');

function streamOf(totalBytes: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; state: { pulled: number; cancelled: boolean } } {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= totalBytes) return controller.close();
      const n = Math.min(chunk, totalBytes - state.pulled);
      state.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('constants', () => {
  it('times out after 8 s and caps bodies at 2 MB', () => {
    expect(FETCH_TIMEOUT_MS).toBe(8_000);
    expect(MAX_BODY_BYTES).toBe(2 * 1024 * 1024);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 30 ', 30],
    ['0', 0],
    ['Sat, 10 Oct 2026 12:02:00 GMT', 120],
    ['Sat, 10 Oct 2026 12:00:00 GMT', 0],
    ['Sat, 10 Oct 2026 11:00:00 GMT', 0],
  ])('%j → %d s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('rounds a partial second of an HTTP date up', () => {
    expect(parseRetryAfter('Sat, 10 Oct 2026 12:00:01 GMT', NOW - 500)).toBe(2);
  });

  it.each([null, '', 'soon', 'not a date'])('%j → null', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

describe('fetchError', () => {
  it('builds a typed error', () => {
    expect(fetchError('timeout', 'm', 5)).toEqual({ kind: 'timeout', message: 'm', httpStatus: null, at: 5 });
    expect(fetchError('http', 'm', 5, 502)).toEqual({ kind: 'http', message: 'm', httpStatus: 502, at: 5 });
  });
});

describe('httpGet', () => {
  it('sends GET without credentials, with accept, a signal and no If-None-Match by default', async () => {
    const fetch = fakeFetch({ [URL_]: json({ ok: true }, { headers: { etag: 'W/"abc"' } }) });
    const r = await httpGet(URL_, ctx(fetch, NOW));
    expect(r).toEqual({ ok: true, notModified: false, body: '{"ok":true}', contentType: 'application/json; charset=utf-8', etag: 'W/"abc"', bytes: 11 });
    expect(fetch.calls).toHaveLength(1);
    const call = fetch.calls[0]!;
    expect(call.init?.credentials).toBe('omit');
    expect(call.init?.method).toBe('GET');
    expect(call.init?.signal).toBeInstanceOf(AbortSignal);
    expect(call.headers.accept).toBe('application/json');
    expect(call.headers['if-none-match']).toBeUndefined();
  });

  it('uses the accept type it is given', async () => {
    const fetch = fakeFetch({ 'https://status.cursor.com/': html('<p>x</p>') });
    await httpGet('https://status.cursor.com/', ctx(fetch, NOW), 'text/html');
    expect(fetch.calls[0]!.headers.accept).toBe('text/html');
  });

  it('lower-cases the content type and reports missing etag as null', async () => {
    const fetch = fakeFetch({ [URL_]: { headers: { 'content-type': 'Application/JSON' }, body: '{}' } });
    const r = await httpGet(URL_, ctx(fetch, NOW));
    expect(r).toMatchObject({ ok: true, contentType: 'application/json', etag: null });
  });

  it('sends If-None-Match when an etag is given and reports 304 as not modified', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 304, headers: { etag: '"v2"' } } });
    const r = await httpGet(URL_, ctx(fetch, NOW, { etag: '"v1"' }));
    expect(fetch.calls[0]!.headers['if-none-match']).toBe('"v1"');
    expect(r).toEqual({ ok: true, notModified: true, etag: '"v2"', bytes: 0 });
  });

  it('keeps the sent etag when a 304 carries none', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 304 } });
    expect(await httpGet(URL_, ctx(fetch, NOW, { etag: '"v1"' }))).toEqual({ ok: true, notModified: true, etag: '"v1"', bytes: 0 });
  });

  it('HTTP 500 → http error with the status and host, no Retry-After', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 500, body: 'oops' } });
    const r = await httpGet(URL_, ctx(fetch, NOW));
    expect(r).toEqual({
      ok: false,
      error: { kind: 'http', message: 'status.claude.com answered HTTP 500', httpStatus: 500, at: NOW },
      retryAfterSec: null,
    });
  });

  it('HTTP 503 honours Retry-After too', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 503, headers: { 'retry-after': '45' } } });
    expect(await httpGet(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'http', httpStatus: 503 }, retryAfterSec: 45 });
  });

  it('HTTP 429 with Retry-After in seconds → rate-limited', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 429, headers: { 'retry-after': '120' }, body: 'slow down' } });
    const r = await httpGet(URL_, ctx(fetch, NOW));
    expect(r).toEqual({
      ok: false,
      error: { kind: 'rate-limited', message: 'status.claude.com is rate limiting requests (HTTP 429)', httpStatus: 429, at: NOW },
      retryAfterSec: 120,
    });
  });

  it('HTTP 429 with Retry-After as an HTTP date', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 429, headers: { 'retry-after': 'Sat, 10 Oct 2026 12:05:00 GMT' } } });
    expect(await httpGet(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'rate-limited' }, retryAfterSec: 300 });
  });

  it('HTTP 429 without Retry-After', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 429 } });
    expect(await httpGet(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'rate-limited' }, retryAfterSec: null });
  });

  it.each([403, 405])('HTTP %d → challenge', async (status) => {
    const fetch = fakeFetch({ [URL_]: html('<title>Just a moment...</title>', { status }) });
    expect(await httpGet(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'challenge', httpStatus: status } });
  });

  it('HTTP 404 → http', async () => {
    const fetch = fakeFetch({});
    expect(await httpGet(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'http', httpStatus: 404 } });
  });

  it('a fetch that never answers times out (and is aborted)', async () => {
    let signal: AbortSignal | undefined;
    const started = Date.now();
    const r = await httpGet(URL_, ctx((url, init) => ((signal = init?.signal ?? undefined), hangingFetch(url, init)), NOW, { timeoutMs: 20 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r).toEqual({
      ok: false,
      error: { kind: 'timeout', message: 'status.claude.com did not answer within 0 s', httpStatus: null, at: NOW },
      retryAfterSec: null,
    });
    expect(signal?.aborted).toBe(true);
  });

  it('a rejected fetch → network error with the reason', async () => {
    const r = await httpGet(URL_, ctx(() => Promise.reject(new TypeError('fetch failed')), NOW));
    expect(r).toEqual({
      ok: false,
      error: { kind: 'network', message: "Couldn't reach status.claude.com (fetch failed)", httpStatus: null, at: NOW },
      retryAfterSec: null,
    });
  });

  it('a rejection without a message → network error without parentheses', async () => {
    const r = await httpGet(URL_, ctx(() => Promise.reject(new Error('')), NOW));
    expect(r).toMatchObject({ ok: false, error: { kind: 'network', message: "Couldn't reach status.claude.com" } });
  });

  it('refuses a body whose declared length is over the cap, without reading it', async () => {
    const { stream, state } = streamOf(MAX_BODY_BYTES + 1);
    const fetch = fakeFetch({ [URL_]: () => makeResponse({ headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) }, body: stream }) });
    const r = await httpGet(URL_, ctx(fetch, NOW));
    expect(r).toMatchObject({ ok: false, error: { kind: 'too-large', httpStatus: 200, message: 'status.claude.com sent a response over 2 MB' }, retryAfterSec: null });
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops reading an undeclared body once it passes the cap', async () => {
    const { stream, state } = streamOf(MAX_BODY_BYTES * 4);
    const fetch = fakeFetch({ [URL_]: () => makeResponse({ headers: { 'content-type': 'application/json' }, body: stream }) });
    const r = await httpGet(URL_, ctx(fetch, NOW));
    expect(r).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(MAX_BODY_BYTES * 2);
  });

  it('accepts a body of exactly the cap', async () => {
    const { stream } = streamOf(MAX_BODY_BYTES);
    const fetch = fakeFetch({ [URL_]: () => makeResponse({ headers: { 'content-type': 'application/json' }, body: stream }) });
    const r = await httpGet(URL_, ctx(fetch, NOW));
    expect(r).toMatchObject({ ok: true, notModified: false, bytes: MAX_BODY_BYTES });
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"t":"16∶55 – 19∶16"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const fetch = fakeFetch({ [URL_]: () => makeResponse({ headers: { 'content-type': 'application/json' }, body: stream }) });
    expect(await httpGet(URL_, ctx(fetch, NOW))).toMatchObject({ ok: true, body: '{"t":"16∶55 – 19∶16"}' });
  });
});

describe('getJson', () => {
  it('parses a real summary', async () => {
    const fetch = fakeFetch({ [URL_]: jsonFixture(FIX.anthropicOk, { headers: { etag: 'W/"e1"' } }) });
    const r = await getJson(URL_, ctx(fetch, NOW));
    expect(r.ok && !r.notModified && r.etag).toBe('W/"e1"');
    expect(r.ok && !r.notModified && (r.json as { page: { id: string } }).page.id).toBe('tymt9n04zgry');
  });

  it('passes 304 through', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 304 } });
    expect(await getJson(URL_, ctx(fetch, NOW, { etag: '"x"' }))).toEqual({ ok: true, notModified: true, etag: '"x"', bytes: 0 });
  });

  it('HTML 200 with text/html → not-json, keeping the body for the HTML fallback', async () => {
    const page = loadFixture(FIX.challengePage);
    const fetch = fakeFetch({ [URL_]: html(page) });
    const r = await getJson(URL_, ctx(fetch, NOW));
    expect(r).toEqual({
      ok: false,
      error: { kind: 'not-json', message: 'status.claude.com sent a web page instead of status data (likely a bot check)', httpStatus: 200, at: NOW },
      retryAfterSec: null,
      body: page,
    });
  });

  it('HTML body served as application/json → not-json', async () => {
    const fetch = fakeFetch({ [URL_]: json('\n  <!DOCTYPE html><html><body>Login</body></html>') });
    expect(await getJson(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'not-json' } });
  });

  it('HTML content type with a JSON-looking body → still not-json', async () => {
    const fetch = fakeFetch({ [URL_]: html('{"status":{"indicator":"none"}}') });
    expect(await getJson(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'not-json' } });
  });

  it('truncated JSON → bad-json', async () => {
    const full = loadFixture(FIX.anthropicOk);
    const fetch = fakeFetch({ [URL_]: json(full.slice(0, Math.floor(full.length / 2))) });
    expect(await getJson(URL_, ctx(fetch, NOW))).toEqual({
      ok: false,
      error: { kind: 'bad-json', message: 'status.claude.com sent incomplete or invalid JSON', httpStatus: 200, at: NOW },
      retryAfterSec: null,
    });
  });

  it('an empty body → bad-json', async () => {
    const fetch = fakeFetch({ [URL_]: json('') });
    expect(await getJson(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'bad-json' } });
  });

  it('passes HTTP failures through unchanged', async () => {
    const fetch = fakeFetch({ [URL_]: { status: 429, headers: { 'retry-after': '7' } } });
    expect(await getJson(URL_, ctx(fetch, NOW))).toMatchObject({ ok: false, error: { kind: 'rate-limited' }, retryAfterSec: 7 });
  });
});
