import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPoller, sameStatus, type AfterPollContext, type PollReason } from '../../../lib/background/poll';
import { PROVIDERS } from '../../../lib/providers/registry';
import { PROVIDER_INFO } from '../../../lib/providers/catalog';
import { HEAD_START_MS } from '../../../lib/providers/http';
import type { ProviderDefinition } from '../../../lib/providers/types';
import { DEFAULT_SETTINGS, type IntervalSec } from '../../../lib/settings';
import { load, save, type Snapshots } from '../../../lib/storage';
import { resolveProvider, type Health } from '../../../lib/status';
import type { ProviderId, ServiceStatus } from '../../../lib/model';
import { FIX, fakeFetch, html, jsonFixture, loadFixture, makeResponse, makeStatus, pageUrl, summaryUrl, type FakeFetch, type Route } from '../helpers';

const T0 = Date.parse('2026-10-10T12:00:00Z');
const CLAUDE_ETAG = 'W/"claude-1"';
const info = (id: ProviderId) => PROVIDER_INFO.find((p) => p.id === id)!;

/** Claude answers 304 to its own ETag, like status.claude.com. */
function claudeWithEtag(file: string = FIX.anthropicOk): Route {
  return (_url, init) => {
    const inm = new Headers(init?.headers).get('if-none-match');
    if (inm === CLAUDE_ETAG) return makeResponse({ status: 304, headers: { etag: CLAUDE_ETAG } });
    return makeResponse(jsonFixture(file, { headers: { etag: CLAUDE_ETAG, 'cache-control': 'max-age=10' } }));
  };
}

function healthyRoutes(): Record<string, Route> {
  return {
    [summaryUrl('openai')]: jsonFixture(FIX.openaiOk),
    [summaryUrl('anthropic')]: claudeWithEtag(),
    [summaryUrl('cursor')]: jsonFixture(FIX.cursorOk),
  };
}

interface Harness {
  fetch: FakeFetch;
  poll: (reason: PollReason) => ReturnType<ReturnType<typeof createPoller>['poll']>;
  advance: (ms: number) => void;
  now: () => number;
  after: AfterPollContext[];
}

function setup(routes: Record<string, Route> = healthyRoutes(), providers: readonly ProviderDefinition[] = PROVIDERS, random = 0.5): Harness {
  let clock = T0;
  const fetch = fakeFetch(routes);
  const after: AfterPollContext[] = [];
  const poller = createPoller({
    readStatus: (info, ctx) => {
      const def = providers.find((p) => p.id === info.id)!;
      return def.adapter.fetchStatus(def, ctx);
    },
    fetch,
    now: () => clock,
    random: () => random,
    afterPoll: async (ctx) => void after.push(ctx),
  });
  return { fetch, poll: (r) => poller.poll(r), advance: (ms) => void (clock += ms), now: () => clock, after };
}

async function snapshots(): Promise<Snapshots> {
  return load('snapshots');
}

async function health(id: ProviderId): Promise<Health> {
  return (await load('health'))[id]!;
}

async function setInterval_(intervalSec: IntervalSec): Promise<void> {
  await save('settings', { ...structuredClone(DEFAULT_SETTINGS), intervalSec });
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await setInterval_(60);
});

describe('a poll', () => {
  it('fetches one summary per provider and stores the normalized snapshots', async () => {
    const h = setup();
    expect(await h.poll('alarm')).toEqual({ result: 'polled', changed: true });
    expect(h.fetch.calls.map((c) => c.url).sort()).toEqual([summaryUrl('anthropic'), summaryUrl('cursor'), summaryUrl('openai')].sort());
    expect(h.fetch.calls.every((c) => c.init?.credentials === 'omit')).toBe(true);
    const s = await snapshots();
    expect(Object.keys(s).sort()).toEqual(['anthropic', 'cursor', 'openai']);
    expect(s.openai).toMatchObject({ providerId: 'openai', level: 'operational', fetchedAt: T0 });
    expect(s.openai!.components).toHaveLength(25);
    expect(s.cursor!.components).toHaveLength(8);
    expect(await health('anthropic')).toEqual({ checkedAt: T0, okAt: T0, error: null, failures: 0, backoffUntil: null, retryAfterUntil: null, etag: CLAUDE_ETAG });
    expect(await health('openai')).toMatchObject({ okAt: T0, etag: null, error: null });
    expect(await load('poll')).toEqual({ lastPollAt: T0, lastDoneAt: T0 });
    expect(h.after).toHaveLength(1);
    expect(h.after[0]!.succeeded.sort()).toEqual(['anthropic', 'cursor', 'openai']);
    expect(h.after[0]!.failed).toEqual([]);
    expect(h.after[0]!.before).toEqual({});
  });

  it('an unchanged second poll makes 0 storage.local writes (304 for Claude, same data for the others)', async () => {
    const h = setup();
    await h.poll('alarm');
    const snapBefore = await snapshots();
    h.advance(60_000);
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    const sessionSet = vi.spyOn(fakeBrowser.storage.session, 'set');
    expect(await h.poll('alarm')).toEqual({ result: 'polled', changed: false });
    expect(localSet).not.toHaveBeenCalled();
    expect(sessionSet).toHaveBeenCalled(); // health and poll bookkeeping live in session storage
    expect(h.fetch.count()).toBe(6);
    const claudeCalls = h.fetch.calls.filter((c) => c.url === summaryUrl('anthropic'));
    expect(claudeCalls[0]!.headers['if-none-match']).toBeUndefined();
    expect(claudeCalls[1]!.headers['if-none-match']).toBe(CLAUDE_ETAG);
    expect(await snapshots()).toEqual(snapBefore);
    // "last checked" moved on even though nothing was written to local storage
    expect(await health('anthropic')).toMatchObject({ okAt: T0 + 60_000, checkedAt: T0 + 60_000, etag: CLAUDE_ETAG });
    expect(await health('cursor')).toMatchObject({ okAt: T0 + 60_000 });
  });

  it('writes storage.local once, with the new snapshot, when the data changed', async () => {
    const h = setup();
    await h.poll('alarm');
    h.fetch.routes.set(summaryUrl('cursor'), jsonFixture(FIX.cursorOutage));
    h.advance(60_000);
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await h.poll('alarm')).toEqual({ result: 'polled', changed: true });
    expect(localSet).toHaveBeenCalledTimes(1);
    expect(Object.keys(localSet.mock.calls[0]![0] as object)).toEqual(['snapshots']);
    const s = await snapshots();
    expect(s.cursor).toMatchObject({ level: 'outage', fetchedAt: T0 + 60_000 });
    expect(s.openai!.fetchedAt).toBe(T0); // unchanged providers keep their snapshot
  });

  it('a failure keeps the last good snapshot and records the error in health', async () => {
    const h = setup();
    await h.poll('alarm');
    const good = (await snapshots()).cursor!;
    h.fetch.routes.set(summaryUrl('cursor'), { status: 500, body: 'Internal Server Error' });
    h.advance(60_000);
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await h.poll('alarm')).toEqual({ result: 'polled', changed: false });
    expect(localSet).not.toHaveBeenCalled();
    expect((await snapshots()).cursor).toEqual(good);
    const hc = await health('cursor');
    expect(hc).toMatchObject({
      okAt: T0,
      checkedAt: T0 + 60_000,
      failures: 1,
      error: { kind: 'http', httpStatus: 500, message: 'status.cursor.com answered HTTP 500', at: T0 + 60_000 },
      retryAfterUntil: null,
    });
    expect(hc.backoffUntil).toBe(T0 + 60_000 + 45_000); // 1st failure: base 60 s × jitter 0.75
    // the others are unaffected
    expect(await health('openai')).toMatchObject({ error: null, failures: 0, okAt: T0 + 60_000 });
    expect(h.after.at(-1)!.failed).toEqual(['cursor']);
    expect(h.after.at(-1)!.succeeded.sort()).toEqual(['anthropic', 'openai']);
  });

  it.each([
    ['timeout-like network error', () => Promise.reject(new TypeError('fetch failed')), 'network'],
    ['HTML instead of JSON', html('<!doctype html><title>Sign in</title>'), 'not-json'],
    ['truncated JSON', { headers: { 'content-type': 'application/json' }, body: loadFixture(FIX.cursorOk).slice(0, 300) }, 'bad-json'],
    ['wrong shape', { headers: { 'content-type': 'application/json' }, body: '{"foo":1}' }, 'wrong-shape'],
    ['429', { status: 429 }, 'rate-limited'],
  ] as [string, Route, string][])('%s never wipes good data', async (_name, route, kind) => {
    const h = setup();
    await h.poll('alarm');
    const before = await snapshots();
    // The Cursor page answers nothing useful either, so the HTML fallback cannot help.
    h.fetch.routes.set(summaryUrl('cursor'), route);
    h.fetch.routes.set(pageUrl('cursor'), html(loadFixture(FIX.challengePage)));
    h.advance(60_000);
    await h.poll('refresh');
    expect(await snapshots()).toEqual(before);
    expect((await health('cursor')).error?.kind).toBe(kind);
  });

  it('a first-ever failure stores no snapshot for that provider, only the error', async () => {
    const h = setup({ ...healthyRoutes(), [summaryUrl('openai')]: { status: 503 } });
    await h.poll('startup');
    const s = await snapshots();
    expect(s.openai).toBeUndefined();
    expect(s.anthropic?.level).toBe('operational');
    expect(await health('openai')).toMatchObject({ okAt: null, failures: 1, error: { kind: 'http', httpStatus: 503 } });
    expect(resolveProvider(info('openai'), s.openai, await health('openai'), 60, h.now())).toMatchObject({ level: 'unknown', loading: false });
  });

  it('an adapter that throws is isolated from the others', async () => {
    const broken: ProviderDefinition = {
      ...PROVIDERS[2]!,
      adapter: { ...PROVIDERS[2]!.adapter, fetchStatus: () => Promise.reject(new Error('boom')) },
    };
    const h = setup(healthyRoutes(), [PROVIDERS[0]!, PROVIDERS[1]!, broken]);
    expect(await h.poll('alarm')).toEqual({ result: 'polled', changed: true });
    expect(await health('cursor')).toMatchObject({ failures: 1, error: { kind: 'wrong-shape', message: 'Unexpected error: boom' } });
    expect(Object.keys(await snapshots()).sort()).toEqual(['anthropic', 'openai']);
  });

  it('reads Claude and Cursor from the HTML page when the API is challenged', async () => {
    const h = setup({
      ...healthyRoutes(),
      [summaryUrl('anthropic')]: html(loadFixture(FIX.challengePage), { status: 403 }),
      [pageUrl('anthropic')]: html(loadFixture(FIX.cursorPage)),
    });
    await h.poll('alarm');
    const s = await snapshots();
    expect(s.anthropic).toMatchObject({ via: 'html', level: 'degraded' });
    expect(await health('anthropic')).toMatchObject({ error: null, etag: null, okAt: T0 });
  });

  it('asks again without its ETag when the data the ETag validates is gone', async () => {
    // The snapshots are read while the requests are out: the stored ETag leaves first.
    await save('health', { anthropic: { checkedAt: T0 - 1, okAt: T0 - 1, error: null, failures: 0, backoffUntil: null, retryAfterUntil: null, etag: CLAUDE_ETAG } });
    const h = setup();
    await h.poll('alarm');
    const calls = h.fetch.calls.filter((c) => c.url === summaryUrl('anthropic'));
    expect(calls.map((c) => c.headers['if-none-match'])).toEqual([CLAUDE_ETAG, undefined]);
    expect((await snapshots()).anthropic?.level).toBe('operational');
    expect(await health('anthropic')).toMatchObject({ okAt: T0, error: null, etag: CLAUDE_ETAG });
  });

  /**
   * Logs each storage call from now on, with how many requests had been sent when it was made (the
   * fake fetch records a request when it is called).
   */
  function logStorage(h: Harness): { call: string; sent: number }[] {
    const log: { call: string; sent: number }[] = [];
    const sentBefore = h.fetch.calls.length;
    for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session]) {
      const get = area.get.bind(area) as (keys: unknown) => Promise<Record<string, unknown>>;
      const set = area.set.bind(area) as (items: Record<string, unknown>) => Promise<void>;
      vi.spyOn(area, 'get').mockImplementation(((keys: unknown) => {
        log.push({ call: `get ${[keys].flat().join(',')}`, sent: h.fetch.calls.length - sentBefore });
        return get(keys);
      }) as typeof area.get);
      vi.spyOn(area, 'set').mockImplementation(((items: Record<string, unknown>) => {
        log.push({ call: `set ${Object.keys(items).join(',')}`, sent: h.fetch.calls.length - sentBefore });
        return set(items);
      }) as typeof area.set);
    }
    return log;
  }

  it('sends every request before it reads the snapshots or marks the poll as started', async () => {
    const h = setup();
    await h.poll('alarm'); // stored data, so the next poll sends its ETag
    h.advance(60_000);
    const sentBefore = h.fetch.calls.length;
    const log = logStorage(h);
    expect((await h.poll('alarm')).result).toBe('polled');
    expect(h.fetch.calls.length - sentBefore).toBe(3);
    expect(log.find((l) => l.call.startsWith('get snapshots'))?.sent).toBe(3);
    expect(log.find((l) => l.call.startsWith('set poll'))?.sent).toBe(3);
    // Before the requests: one read per area (settings; poll state with health).
    expect(log.filter((l) => l.sent === 0).map((l) => l.call)).toEqual(['get settings,settings$', 'get poll,poll$,health,health$']);
  });

  // The browser's main thread routes the requests and also answers storage: until they have had
  // their head start, or a read is done (its answer is in), it is asked for nothing else.
  describe('reads the snapshots and marks the poll once the requests have had their head start', () => {
    afterEach(() => void vi.useRealTimers());

    /** Every service answers only when `release` is called; Cursor alone when `cursorAtOnce`. */
    function held(cursorAtOnce: boolean) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const later = (file: string): Route => async () => {
        await gate;
        return makeResponse(jsonFixture(file));
      };
      const h = setup({
        [summaryUrl('openai')]: later(FIX.openaiOk),
        [summaryUrl('anthropic')]: later(FIX.anthropicOk),
        [summaryUrl('cursor')]: cursorAtOnce ? jsonFixture(FIX.cursorOk) : later(FIX.cursorOk),
      });
      return { h, release };
    }
    const deferred = (log: { call: string }[]) => log.filter((l) => l.call.startsWith('get snapshots') || l.call.startsWith('set poll')).map((l) => l.call.split(',')[0]);

    it('no answer yet: after HEAD_START_MS', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { h, release } = held(false);
      const log = logStorage(h);
      const polling = h.poll('alarm');
      await vi.advanceTimersByTimeAsync(HEAD_START_MS - 1);
      expect(h.fetch.calls).toHaveLength(3);
      expect(deferred(log)).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(deferred(log)).toEqual(['get snapshots', 'set poll']);
      release();
      expect((await polling).result).toBe('polled');
      expect(Object.keys(await snapshots()).sort()).toEqual(['anthropic', 'cursor', 'openai']);
    });

    it('a read done first: at once', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { h, release } = held(true);
      const log = logStorage(h);
      const polling = h.poll('alarm');
      await vi.advanceTimersByTimeAsync(0);
      expect(deferred(log)).toEqual(['get snapshots', 'set poll']);
      release();
      expect((await polling).result).toBe('polled');
    });

    it('no request sent at all (every service backing off): at once, not after HEAD_START_MS', async () => {
      const h = setup({ [summaryUrl('openai')]: { status: 502 }, [summaryUrl('anthropic')]: { status: 502 }, [summaryUrl('cursor')]: { status: 502 } });
      await h.poll('alarm'); // failure 1 → 45 s
      h.advance(60_000);
      await h.poll('alarm'); // failure 2 → 90 s, until 150 s
      h.advance(60_000);
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const sent = h.fetch.calls.length;
      const log = logStorage(h);
      const polling = h.poll('alarm');
      await vi.advanceTimersByTimeAsync(0);
      expect(h.fetch.calls.length).toBe(sent);
      // The whole poll is done without a timer: read, marked as started, marked as done.
      expect(deferred(log)).toEqual(['get snapshots', 'set poll', 'set poll']);
      expect((await polling).result).toBe('polled');
    });
  });

  it('sends one request per service when the data its ETag validates is stored', async () => {
    const h = setup();
    await h.poll('alarm');
    h.advance(60_000);
    await h.poll('alarm');
    expect(h.fetch.calls.filter((c) => c.url === summaryUrl('anthropic')).map((c) => c.headers['if-none-match'])).toEqual([undefined, CLAUDE_ETAG]);
  });
});

describe('backoff and Retry-After', () => {
  it('backoff grows with consecutive failures and skips scheduled polls until it ends', async () => {
    const h = setup({ ...healthyRoutes(), [summaryUrl('cursor')]: { status: 502 } });
    const cursorCalls = () => h.fetch.count(summaryUrl('cursor'));

    await h.poll('alarm'); // failure 1 → 45 s
    expect(await health('cursor')).toMatchObject({ failures: 1, backoffUntil: T0 + 45_000 });

    h.advance(60_000);
    await h.poll('alarm'); // failure 2 → 90 s
    expect(cursorCalls()).toBe(2);
    expect(await health('cursor')).toMatchObject({ failures: 2, backoffUntil: T0 + 60_000 + 90_000 });

    h.advance(60_000);
    await h.poll('alarm'); // still backing off: not requested
    expect(cursorCalls()).toBe(2);
    expect(h.fetch.count(summaryUrl('openai'))).toBe(3);
    expect(await health('cursor')).toMatchObject({ failures: 2 });
    expect(h.after.at(-1)!.failed).toEqual([]);

    h.advance(60_000);
    await h.poll('alarm'); // failure 3 → 180 s
    expect(cursorCalls()).toBe(3);
    const h3 = await health('cursor');
    expect(h3.failures).toBe(3);
    expect(h3.backoffUntil! - h3.checkedAt!).toBe(180_000);
  });

  it('a success resets the failure count and backoff', async () => {
    const h = setup({ ...healthyRoutes(), [summaryUrl('cursor')]: [{ status: 500 }, jsonFixture(FIX.cursorOk)] });
    await h.poll('alarm');
    expect((await health('cursor')).failures).toBe(1);
    h.advance(60_000);
    await h.poll('alarm');
    expect(await health('cursor')).toMatchObject({ failures: 0, error: null, backoffUntil: null, retryAfterUntil: null, okAt: T0 + 60_000 });
    expect((await snapshots()).cursor?.level).toBe('operational');
  });

  it('honours Retry-After (longer than the backoff) even on "Refresh now"', async () => {
    const h = setup({ ...healthyRoutes(), [summaryUrl('anthropic')]: { status: 429, headers: { 'retry-after': '600' } } });
    await h.poll('alarm');
    expect(await health('anthropic')).toMatchObject({
      failures: 1,
      error: { kind: 'rate-limited', httpStatus: 429 },
      backoffUntil: T0 + 600_000,
      retryAfterUntil: T0 + 600_000,
    });
    h.advance(60_000);
    await h.poll('alarm');
    h.advance(1_000);
    await h.poll('refresh');
    expect(h.fetch.count(summaryUrl('anthropic'))).toBe(1);
    expect(h.fetch.count(summaryUrl('openai'))).toBe(3);
    h.advance(600_000);
    await h.poll('alarm');
    expect(h.fetch.count(summaryUrl('anthropic'))).toBe(2);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const h = setup({ ...healthyRoutes(), [summaryUrl('cursor')]: { status: 503, headers: { 'retry-after': new Date(T0 + 300_000).toUTCString() } } });
    await h.poll('alarm');
    expect(await health('cursor')).toMatchObject({ retryAfterUntil: T0 + 300_000, backoffUntil: T0 + 300_000 });
  });

  it('a short Retry-After does not shorten our own backoff', async () => {
    const h = setup({ ...healthyRoutes(), [summaryUrl('cursor')]: { status: 503, headers: { 'retry-after': '5' } } });
    await h.poll('alarm');
    expect(await health('cursor')).toMatchObject({ retryAfterUntil: T0 + 5_000, backoffUntil: T0 + 45_000 });
  });

  it('"Refresh now" skips our backoff', async () => {
    const h = setup({ ...healthyRoutes(), [summaryUrl('cursor')]: [{ status: 500 }, jsonFixture(FIX.cursorOk)] });
    await h.poll('alarm');
    expect((await health('cursor')).backoffUntil).toBe(T0 + 45_000);
    h.advance(2_000);
    expect(await h.poll('refresh')).toEqual({ result: 'polled', changed: true });
    expect(h.fetch.count(summaryUrl('cursor'))).toBe(2);
    expect(await health('cursor')).toMatchObject({ failures: 0, error: null });
  });

  it('backoff uses the alarm period (30 s floor) as its base for fast intervals', async () => {
    await setInterval_(5);
    const h = setup({ ...healthyRoutes(), [summaryUrl('cursor')]: { status: 500 } }, PROVIDERS, 0);
    await h.poll('alarm');
    expect((await health('cursor')).backoffUntil).toBe(T0 + 15_000);
  });
});

describe('interval gate and single flight', () => {
  it('skips ticks and alarms closer than the interval; "Refresh now" always polls', async () => {
    const h = setup();
    expect((await h.poll('alarm')).result).toBe('polled');
    h.advance(30_000);
    expect(await h.poll('tick')).toEqual({ result: 'skipped', changed: false });
    h.advance(28_000); // 58 s
    expect((await h.poll('alarm')).result).toBe('skipped');
    expect(h.fetch.count()).toBe(3);
    h.advance(1_000); // 59 s: within the 1 s slack
    expect((await h.poll('tick')).result).toBe('polled');
    expect(h.fetch.count()).toBe(6);
    h.advance(1_000);
    expect((await h.poll('refresh')).result).toBe('polled');
    expect(h.fetch.count()).toBe(9);
  });

  it('with a 5 s interval, ticks 5 s apart poll and ticks 3 s apart do not', async () => {
    await setInterval_(5);
    const h = setup();
    await h.poll('tick');
    h.advance(3_000);
    expect((await h.poll('tick')).result).toBe('skipped');
    h.advance(2_000);
    expect((await h.poll('tick')).result).toBe('polled');
    expect(h.fetch.count()).toBe(6);
  });

  it('a startup poll is not gated', async () => {
    const h = setup();
    await h.poll('alarm');
    h.advance(1_000);
    expect((await h.poll('startup')).result).toBe('polled');
  });

  it('two concurrent polls make one fetch round', async () => {
    const h = setup();
    const [a, b] = await Promise.all([h.poll('alarm'), h.poll('tick')]);
    expect(a).toEqual({ result: 'polled', changed: true });
    expect(b).toEqual({ result: 'busy', changed: true });
    expect(h.fetch.count()).toBe(3);
  });

  it('"Refresh now" during a poll runs one more poll after it, coalescing repeated clicks', async () => {
    const h = setup();
    const results = await Promise.all([h.poll('alarm'), h.poll('refresh'), h.poll('refresh')]);
    expect(results.map((r) => r.result)).toEqual(['polled', 'polled', 'polled']);
    expect(h.fetch.count()).toBe(6);
  });
});

describe('staleness (design §2)', () => {
  it('after 3 × the period without success the provider shows unknown while its data stays', async () => {
    const h = setup();
    await h.poll('alarm');
    h.fetch.routes.set(summaryUrl('cursor'), () => Promise.reject(new TypeError('fetch failed')));
    const view = async () => resolveProvider(info('cursor'), (await snapshots()).cursor, await health('cursor'), 60, h.now());

    for (let i = 0; i < 3; i++) {
      h.advance(60_000);
      await h.poll('refresh');
    }
    // exactly 180 s since the last success: not stale yet
    expect(await view()).toMatchObject({ level: 'operational', stale: false, error: { kind: 'network' } });
    h.advance(1);
    const v = await view();
    expect(v).toMatchObject({ level: 'unknown', stale: true, okAt: T0, error: { kind: 'network' } });
    expect(v.status?.level).toBe('operational');
    expect(v.status?.components).toHaveLength(8);
  });

  it('a 5 s interval goes stale after 90 s, not 15 s', async () => {
    await setInterval_(5);
    const h = setup();
    await h.poll('alarm');
    const s = (await snapshots()).openai;
    const hl = await health('openai');
    expect(resolveProvider(info('openai'), s, hl, 5, T0 + 89_000).stale).toBe(false);
    expect(resolveProvider(info('openai'), s, hl, 5, T0 + 90_001)).toMatchObject({ stale: true, level: 'unknown' });
  });
});

describe('sameStatus', () => {
  it('ignores fetchedAt only', () => {
    const a = makeStatus('cursor', 'operational', { fetchedAt: 1 });
    expect(sameStatus(a, { ...a, fetchedAt: 2 })).toBe(true);
    expect(sameStatus(a, { ...a, level: 'degraded' })).toBe(false);
    expect(sameStatus(a, { ...a, description: 'x' })).toBe(false);
    expect(sameStatus(undefined, a)).toBe(false);
  });

  it('a snapshot read back from storage equals a fresh normalization of the same data', async () => {
    const h = setup();
    await h.poll('alarm');
    const stored = (await snapshots()) as Record<ProviderId, ServiceStatus>;
    const again = setup();
    again.advance(120_000);
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    await again.poll('refresh');
    expect(localSet).not.toHaveBeenCalled();
    expect(sameStatus(stored.cursor, { ...stored.cursor!, fetchedAt: 0 })).toBe(true);
  });
});

describe('sameStatus', () => {
  it('ignores the key order browser storage hands objects back in', () => {
    const s = makeStatus('cursor', 'degraded', { components: [{ id: 'a', name: 'A', group: null, rawStatus: 'partial_outage', level: 'degraded', description: '' }] });
    const sorted = JSON.parse(JSON.stringify(s, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));
    expect(Object.keys(sorted)[0]).toBe('components');
    expect(sameStatus(sorted, { ...s, fetchedAt: 99 })).toBe(true);
    expect(sameStatus(sorted, { ...s, level: 'outage' })).toBe(false);
  });
});
