/**
 * The worker and its parsing document, each side real, joined the way Chrome joins them: messages
 * that cross as JSON, a document that answers only while it is open.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWorkerParts, type BackgroundDeps } from '../../../lib/background/parts';
import { createPoller, type AfterPollContext } from '../../../lib/background/poll';
import type { NotificationOptions, NotificationsApi } from '../../../lib/background/notify';
import { translateFor } from '../../../lib/i18n';
import { workerAreas } from '../../../lib/parsing/calls';
import { RECORDS } from '../../../lib/records';
import { useStorage, type AreaApi } from '../../../lib/storage';
import { localParts, localReaders } from '../../../lib/background/local-parts';
import { readStatusEarly } from '../../../lib/background/lazy-parts';
import { parserLink, type LinkDeps, type ParserDocument } from '../../../lib/parsing/link';
import { serveParsing, type ServeDeps } from '../../../lib/parsing/serve';
import type { ParseRequest } from '../../../lib/parsing/wire';
import { catalogEntry, PLATFORMS } from '../../../lib/providers/catalog';
import { ADAPTERS } from '../../../lib/providers/registry';
import { publishesUptime } from '../../../lib/providers/status-request';
import type { FetchLike } from '../../../lib/providers/http';
import { def, FIX, fakeFetch, hangingFetch, html, incidentsUrl, jsonFixture, loadFixture, messages, summaryUrl, translator } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const across = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const GONE = 'Could not establish connection. Receiving end does not exist.';

/** A worker linked to a document; `served` counts the reads the document made. */
function linked(
  options: { idleCloseMs?: number; readTimeoutMs?: number; send?: (request: ParseRequest, real: LinkDeps['send']) => Promise<unknown>; notifications?: NotificationsApi; storage?: LinkDeps['storage'] } = {},
) {
  const state = { open: false, opens: 0, closes: 0, served: 0 };
  const document: ParserDocument = {
    open: () => {
      state.opens++;
      state.open = true;
      return Promise.resolve();
    },
    close: () => {
      state.closes++;
      state.open = false;
      return Promise.resolve();
    },
  };
  const send: LinkDeps['send'] = async (request) => {
    if (!state.open) throw new Error(GONE);
    const answer = serve(across(request));
    if (answer) state.served++;
    return across(await answer);
  };
  const link = parserLink({
    document,
    send: options.send ? (r) => options.send!(r, send) : send,
    idleCloseMs: options.idleCloseMs ?? 60_000,
    readTimeoutMs: options.readTimeoutMs,
    storage: options.storage ?? fakeBrowser.storage,
    notifications: options.notifications ?? { create: () => Promise.resolve(''), clear: () => Promise.resolve(true) },
  });
  const serve = serveParsing({
    ...localReaders,
    translate: (language) => translateFor(language, (locale) => Promise.resolve(messages(locale))),
    now: () => NOW,
    send: async (m) => across(await link.answer(across(m))),
  });
  return { link, parts: createWorkerParts(link), state };
}

const ctx = (fetch: FetchLike, extra: object = {}) => ({ fetch, now: () => NOW, ...extra });

/** A poll that polled nothing: enough for the steps' own bookkeeping. */
const EMPTY_POLL = { providers: [], views: [], succeeded: [], failed: [], now: NOW } as unknown as AfterPollContext;

/** What the worker hands the link for the steps: only what the link sends along is real. */
const workerDeps = () => ({ fetch: fakeFetch(), now: () => NOW, locale: 'en', session: () => Promise.resolve(1) }) as unknown as BackgroundDeps;

/** The worker's request for the steps after `EMPTY_POLL`, from worker `worker` in UI language `locale`. */
const afterPollJob = (worker: string, locale: string): ParseRequest => ({ type: 'parse', id: `${worker}-${locale}`, op: 'after-poll', afterPoll: { ctx: EMPTY_POLL, locale, session: 1, worker } });

/** The document's side alone, with the steps and the messages files replaced. */
const serveWith = (afterPoll: ServeDeps['afterPoll'], translate: ServeDeps['translate'] = () => Promise.resolve(translator('en'))) =>
  serveParsing({ ...localReaders, afterPoll, translate, send: () => Promise.resolve(undefined), now: () => NOW });

afterEach(() => {
  vi.useRealTimers();
});

describe('reading through the parsing document', () => {
  it('reads the same status, history and uptime as the adapters in the worker would, from real captures', async () => {
    const routes = {
      [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicMinor, { headers: { etag: '"s1"' } }),
      [incidentsUrl('anthropic')]: jsonFixture(FIX.anthropicIncidents),
      'https://status.claude.com/': html(loadFixture('statuspage-html/page-5b4dcn321xtp-2021.html'), { headers: { etag: 'W/"p1"' } }),
      [summaryUrl('cursor')]: jsonFixture(FIX.cursorGrokComponent),
      'https://status.cursor.com/': html(loadFixture(FIX.cursorGrokHtml)),
    };
    const { parts } = linked();
    for (const id of ['anthropic', 'cursor'] as const) {
      const local = await localParts.readStatus(catalogEntry(id)!, ctx(fakeFetch(routes)));
      const remoteFetch = fakeFetch(routes);
      expect(await parts.readStatus(catalogEntry(id)!, ctx(remoteFetch))).toEqual(across(local));
      expect(remoteFetch.count()).toBe((await localParts.readStatus(catalogEntry(id)!, ctx(fakeFetch(routes)))).requests);
    }
    const anthropic = def('anthropic');
    const { link } = linked();
    const history = await link.adapters.statuspage.fetchHistory(anthropic, ctx(fakeFetch(routes)));
    expect(history).toEqual(across(await ADAPTERS.statuspage.fetchHistory(anthropic, ctx(fakeFetch(routes)))));
    expect(history.ok && history.incidents.length).toBeGreaterThan(0);
    const uptime = await link.adapters.statuspage.fetchUptime!(anthropic, ctx(fakeFetch(routes)));
    expect(uptime).toEqual(across(await ADAPTERS.statuspage.fetchUptime!(anthropic, ctx(fakeFetch(routes)))));
    expect(uptime.ok).toBe(true);
  });

  it('the document reads the answer to the request the worker sent early: one request per service', async () => {
    const fetch = fakeFetch({ [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicOk, { headers: { etag: '"e1"' } }) });
    const { parts } = linked();
    const outcome = await readStatusEarly(() => parts)(catalogEntry('anthropic')!, ctx(fetch, { etag: null }));
    expect(outcome).toMatchObject({ ok: true, notModified: false, etag: '"e1"', status: { level: 'operational' } });
    expect(fetch.count()).toBe(1);
    // Revalidated with the stored ETag: the 304 sent early is the answer.
    const again = fakeFetch({ [summaryUrl('anthropic')]: { status: 304, headers: { etag: '"e1"' } } });
    expect(await readStatusEarly(() => parts)(catalogEntry('anthropic')!, ctx(again, { etag: '"e1"' }))).toMatchObject({ ok: true, notModified: true });
    expect(again.count()).toBe(1);
    expect(again.calls[0]!.headers['if-none-match']).toBe('"e1"');
  });

  it('detects a pasted page as the worker would', async () => {
    const routes = { 'https://status.claude.com/api/v2/summary.json': jsonFixture(FIX.anthropicOk) };
    const { parts } = linked();
    const local = await localParts.detect('https://status.claude.com', ctx(fakeFetch(routes)));
    expect(local).toMatchObject({ ok: true, platform: 'statuspage', catalogId: 'anthropic' });
    expect(await parts.detect('https://status.claude.com', ctx(fakeFetch(routes)))).toEqual(across(local));
    expect(await parts.detect(42, ctx(fakeFetch()))).toEqual({ ok: false, messageKey: 'addServiceErrorInvalidUrl' });
  });

  it('bad answers stay typed failures of that service: HTML for JSON, a 429, a body over the cap, a request that never ends', async () => {
    const { parts } = linked();
    const challenge = fakeFetch({ [summaryUrl('openai')]: html(loadFixture(FIX.challengePage)) });
    expect(await parts.readStatus(catalogEntry('openai')!, ctx(challenge))).toMatchObject({ ok: false, error: { kind: 'not-json' } });
    const limited = fakeFetch({ [summaryUrl('openai')]: { status: 429, headers: { 'retry-after': '90' } } });
    expect(await parts.readStatus(catalogEntry('openai')!, ctx(limited))).toMatchObject({ ok: false, error: { kind: 'rate-limited' }, retryAfterSec: 90 });
    const huge = fakeFetch({ [summaryUrl('openai')]: { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) }, body: '{}' } });
    expect(await parts.readStatus(catalogEntry('openai')!, ctx(huge))).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(await parts.readStatus(catalogEntry('openai')!, ctx(hangingFetch, { timeoutMs: 30 }))).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('a read whose document fails or never answers is a failed read of that service, never a throw; the others are read', async () => {
    const routes: Record<string, ReturnType<typeof jsonFixture>> = { [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicOk), [summaryUrl('cursor')]: jsonFixture(FIX.cursorOk) };
    const throwing = linked({ send: (request, real) => (request.info?.id === 'anthropic' ? Promise.resolve({ ok: false, message: 'boom' }) : real(request)) });
    expect(await throwing.parts.readStatus(catalogEntry('anthropic')!, ctx(fakeFetch(routes)))).toMatchObject({ ok: false, error: { kind: 'wrong-shape', message: expect.stringContaining('status.claude.com') as string }, requests: 0 });
    expect(await throwing.parts.readStatus(catalogEntry('cursor')!, ctx(fakeFetch(routes)))).toMatchObject({ ok: true, status: { level: 'operational' } });

    const silent = linked({ readTimeoutMs: 30, send: (request, real) => (request.info?.id === 'anthropic' ? new Promise(() => undefined) : real(request)) });
    expect(await silent.parts.readStatus(catalogEntry('anthropic')!, ctx(fakeFetch(routes)))).toMatchObject({ ok: false, error: { kind: 'wrong-shape', message: expect.stringContaining('too long') as string } });
    expect(await silent.link.adapters.statuspage.fetchHistory(def('cursor'), ctx(fakeFetch(routes)))).toMatchObject({ ok: false });
    expect(await silent.parts.detect('https://status.claude.com', ctx(fakeFetch(routes)))).toMatchObject({ ok: true });
  });

  it('a document that went away (closed, crashed) is opened again and asked once more', async () => {
    const w = linked();
    const fetch = fakeFetch({ [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicOk) });
    await w.parts.readStatus(catalogEntry('anthropic')!, ctx(fetch));
    expect(w.state.opens).toBe(1);
    w.state.open = false; // closed behind the worker's back
    expect(await w.parts.readStatus(catalogEntry('anthropic')!, ctx(fetch))).toMatchObject({ ok: true });
    expect(w.state.opens).toBe(2);
    expect(w.state.served).toBe(2);
  });

  it('opens the document once for reads at the same time, and closes it when they have stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const w = linked({ idleCloseMs: 1000 });
    const fetch = fakeFetch({ [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicOk), [summaryUrl('openai')]: jsonFixture(FIX.openaiOk) });
    await Promise.all([w.parts.readStatus(catalogEntry('anthropic')!, ctx(fetch)), w.parts.readStatus(catalogEntry('openai')!, ctx(fetch))]);
    expect(w.state.opens).toBe(1);
    await vi.advanceTimersByTimeAsync(900);
    // A read before the close keeps it open, and moves the close to a second after it.
    await w.parts.readStatus(catalogEntry('openai')!, ctx(fetch));
    await vi.advanceTimersByTimeAsync(900);
    expect(w.state.closes).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(w.state.closes).toBe(1);
    expect(w.state.open).toBe(false);
    await w.parts.readStatus(catalogEntry('openai')!, ctx(fetch));
    expect(w.state.opens).toBe(2);
  });

  it('the worker fetches for the document only within a running read', async () => {
    const { link } = linked();
    expect(await link.answer({ type: 'parser-fetch', id: 'made-up', url: 'https://status.claude.com/', init: {} })).toEqual({ ok: false, message: 'no such read' });
    expect(link.answer({ type: 'refresh' })).toBeUndefined();
  });

  it('asks for uptime only where the platform publishes it, as the adapters say', () => {
    const { link } = linked();
    for (const platform of PLATFORMS) {
      expect(publishesUptime(platform), platform).toBe(typeof ADAPTERS[platform].fetchUptime === 'function');
      expect(typeof link.adapters[platform].fetchUptime === 'function', platform).toBe(publishesUptime(platform));
    }
  });
});

describe('the steps after a poll, in the document', () => {
  const routes = {
    [summaryUrl('openai')]: jsonFixture(FIX.openaiOk),
    [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicMinor),
    [incidentsUrl('anthropic')]: jsonFixture(FIX.anthropicIncidents),
    'https://status.claude.com/': html(loadFixture('statuspage-html/page-5b4dcn321xtp-2021.html')),
    [summaryUrl('cursor')]: jsonFixture(FIX.cursorOutage),
  };

  /** Storage areas that count the calls made on them. */
  function counted(calls: string[]): LinkDeps['storage'] {
    const area = (name: 'local' | 'session'): AreaApi => ({
      get: (keys) => (calls.push(`${name}.get`), fakeBrowser.storage[name].get(keys)),
      set: (items) => (calls.push(`${name}.set`), fakeBrowser.storage[name].set(items)),
    });
    return { local: area('local'), session: area('session') };
  }

  /**
   * A poll, then its steps twice (a problem is notified once seen twice), run in the document (`remote`) or here;
   * what ends up stored, and the notifications shown.
   */
  async function steps(remote: boolean, locale: 'en' | 'ko') {
    fakeBrowser.reset();
    // Cursor was operational earlier in this browser session: its outage, seen twice, is announced.
    const baseline = { notifiedLevel: 'operational', pending: null, lastNotifiedAt: null, announced: null, session: 7, providerLevel: 'operational' };
    await fakeBrowser.storage.local.set({ notifyState: { cursor: baseline }, notifyState$: { v: 2 } });
    const shown: [string, NotificationOptions][] = [];
    const notifications: NotificationsApi = {
      create: (id, options) => (shown.push([id, options]), Promise.resolve(id)),
      clear: () => Promise.resolve(true),
    };
    const calls: string[] = [];
    const w = linked({ notifications, storage: counted(calls) });
    const fetch = fakeFetch(routes);
    let polled: AfterPollContext | undefined;
    await createPoller({ fetch, now: () => NOW, random: () => 0.5, readStatus: localParts.readStatus, afterPoll: (c) => ((polled = c), Promise.resolve()) }).poll('refresh');
    const deps: BackgroundDeps = {
      fetch,
      now: () => NOW,
      random: () => 0.5,
      t: translator(locale),
      locale: locale === 'ko' ? 'ko-KR' : 'en-US',
      notifications,
      action: { setBadgeText: () => Promise.resolve(), setBadgeBackgroundColor: () => Promise.resolve(), setTitle: () => Promise.resolve() } as never,
      session: () => Promise.resolve(7),
      failures: new Map(),
    };
    if (remote) useStorage({ records: RECORDS, areas: workerAreas(async (m) => across(await w.link.answer(across(m)))) });
    try {
      for (const at of [NOW, NOW + 120_000]) await (remote ? w.parts : localParts).afterPoll({ ...deps, now: () => at }, { ...polled!, now: at });
    } finally {
      useStorage({ records: RECORDS, areas: fakeBrowser.storage });
    }
    return { stored: await fakeBrowser.storage.local.get(null), shown, calls, served: w.state.served };
  }

  it('store and notify through the worker what they store and show when run beside the adapters, in the browser language', async () => {
    for (const locale of ['en', 'ko'] as const) {
      const here = await steps(false, locale);
      const there = await steps(true, locale);
      expect(there.stored).toEqual(here.stored);
      expect(Object.keys(there.stored)).toEqual(expect.arrayContaining(['history', 'observed', 'notifyState']));
      expect(there.shown).toEqual(here.shown);
      expect(there.shown.map(([id]) => id)).toEqual(['ai-status-cursor']);
      expect(there.shown[0]![1].title).toBe(translator(locale)('notifyProblemTitle', ['Cursor', translator(locale)('levelOutage')]));
      // Made there: both rounds were reads of the document, every record crossed to the worker.
      expect(there.served).toBe(2);
      expect(there.calls).toEqual(expect.arrayContaining(['local.get', 'local.set']));
      expect(here.calls).toEqual([]);
    }
  });

  it('remember failed sources for one worker\'s life, as in the worker: a new worker asks again at once', async () => {
    // The worker's side: one id for its life, sent with every job; a new worker, a new id.
    const ids: string[] = [];
    const answered = (request: ParseRequest) => (request.afterPoll && ids.push(request.afterPoll.worker), Promise.resolve({ ok: true, value: null }));
    const deps = workerDeps();
    const first = linked({ send: answered });
    await first.parts.afterPoll(deps, EMPTY_POLL);
    await first.parts.afterPoll(deps, EMPTY_POLL);
    await linked({ send: answered }).parts.afterPoll(deps, EMPTY_POLL);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    // The document's side: the same memory for the same worker, a fresh one for the next.
    const memories: Array<Map<string, number> | undefined> = [];
    const serve = serveWith((d) => Promise.resolve(void memories.push(d.failures)));
    for (const worker of ['a', 'a', 'b']) {
      expect(await serve(afterPollJob(worker, 'en'))).toEqual({ ok: true, value: null });
    }
    expect(memories[0]).toBeInstanceOf(Map);
    expect(memories[1]).toBe(memories[0]);
    expect(memories[2]).not.toBe(memories[0]);
  });

  it('read each language\'s messages once, not at every poll; a failed read is read again next time', async () => {
    const reads: string[] = [];
    let broken = true;
    const serve = serveWith(
      () => Promise.resolve(),
      (language) => (reads.push(language), broken ? ((broken = false), Promise.reject(new Error('gone'))) : Promise.resolve(translator('en'))),
    );
    expect(await serve(afterPollJob('w', 'en-US'))).toEqual({ ok: false, message: 'gone' });
    for (const locale of ['en-US', 'en-US', 'ko-KR', 'en-US']) expect(await serve(afterPollJob('w', locale))).toEqual({ ok: true, value: null });
    expect(reads).toEqual(['en-US', 'en-US', 'ko-KR']);
  });

  it('a document that cannot run them rejects, so the worker can paint the badge anyway', async () => {
    const w = linked({ send: (request, real) => (request.op === 'after-poll' ? Promise.resolve({ ok: false, message: 'boom' }) : real(request)) });
    const deps = workerDeps();
    await expect(w.parts.afterPoll(deps, EMPTY_POLL)).rejects.toThrow('boom');
  });
});
