import { afterEach, describe, expect, it, vi } from 'vitest';
import { onFirstUse, PARTS_GLOBAL, publishedParts, readStatusEarly } from '../../../lib/background/lazy-parts';
import type { WorkerParts } from '../../../lib/background/parts';
import { localParts as workerParts } from '../../../lib/background/local-parts';
import { PLATFORMS, catalogEntry, CATALOG, type ProviderInfo } from '../../../lib/providers/catalog';
import { statusRequest } from '../../../lib/providers/status-request';
import { HEAD_START_MS } from '../../../lib/providers/http';
import { FIX, fakeFetch, jsonFixture, makeResponse, summaryUrl } from '../helpers';

const T0 = Date.parse('2026-10-10T12:00:00Z');

describe('where the large half comes from', () => {
  it('Chrome: made on the first call, then the same one', () => {
    const make = vi.fn(() => workerParts);
    const get = onFirstUse(make);
    expect(make).not.toHaveBeenCalled();
    expect(get()).toBe(workerParts);
    expect(get()).toBe(workerParts);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it("Firefox: what the event page's second script published", () => {
    const scope: Record<string, unknown> = {};
    const get = publishedParts(scope, 'event-page-parts.js');
    expect(() => get()).toThrow('event-page-parts.js did not load');
    scope[PARTS_GLOBAL] = workerParts;
    expect(get()).toBe(workerParts);
  });
});

describe('readStatusEarly', () => {
  it('sends the status request before the adapters are loaded, and the adapter reads that answer', async () => {
    const events: string[] = [];
    const fetch = fakeFetch({ [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicOk) });
    const spying = ((url: string, init?: RequestInit) => {
      events.push(`request ${url}`);
      return fetch(url, init);
    }) as typeof fetch;
    const parts = () => {
      events.push('parts loaded');
      return workerParts;
    };
    const read = readStatusEarly(parts);
    const outcome = await read(catalogEntry('anthropic')!, { fetch: spying, now: () => T0, etag: null });
    expect(outcome.ok && !outcome.notModified && outcome.status.level).toBe('operational');
    expect(events).toEqual([`request ${summaryUrl('anthropic')}`, 'parts loaded']);
    expect(fetch.count()).toBe(1);
  });

  // Until then the browser is left to the requests: in Chrome, loading the large half opens the
  // parsing document, which the browser's main thread would make before routing the requests.
  describe('goes on to the large half once the answer is in or the requests have had their head start', () => {
    afterEach(() => void vi.useRealTimers());

    function pending() {
      let answer!: (response: Response) => void;
      const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
      const loaded = vi.fn(() => workerParts);
      const read = readStatusEarly(loaded)(catalogEntry('anthropic')!, { fetch: fetch as never, now: () => T0, etag: null });
      return { answer: (r: Response) => answer(r), fetch, loaded, read };
    }

    it('the answer first: at once', async () => {
      vi.useFakeTimers();
      const p = pending();
      expect(p.fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(5);
      expect(p.loaded).not.toHaveBeenCalled();
      p.answer(makeResponse(jsonFixture(FIX.anthropicOk)));
      await vi.advanceTimersByTimeAsync(0);
      expect(p.loaded).toHaveBeenCalledTimes(1);
      expect(await p.read).toMatchObject({ ok: true });
      expect(p.fetch).toHaveBeenCalledTimes(1);
    });

    it('no answer yet: after HEAD_START_MS, and the adapter still reads the request already sent', async () => {
      vi.useFakeTimers();
      const p = pending();
      await vi.advanceTimersByTimeAsync(HEAD_START_MS - 1);
      expect(p.loaded).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(p.loaded).toHaveBeenCalledTimes(1);
      p.answer(makeResponse(jsonFixture(FIX.anthropicOk)));
      expect(await p.read).toMatchObject({ ok: true });
      expect(p.fetch).toHaveBeenCalledTimes(1);
    });
  });

  it('revalidates with the stored ETag where the platform does (a 304 keeps the data)', async () => {
    const fetch = fakeFetch({ [summaryUrl('anthropic')]: (_u, init) => makeResponse(new Headers(init?.headers).get('if-none-match') === '"e1"' ? { status: 304, headers: { etag: '"e1"' } } : { status: 500 }) });
    const outcome = await readStatusEarly(() => workerParts)(catalogEntry('anthropic')!, { fetch, now: () => T0, etag: '"e1"' });
    expect(outcome).toMatchObject({ ok: true, notModified: true });
    expect(fetch.count()).toBe(1);
  });

  // One request per service per poll: every adapter must read the answer already sent rather than
  // ask again, on the success path (real captures in the adapters' own tests) and on failure here.
  it.each(PLATFORMS)('%s: the adapter asks for no status URL a second time', async (platform) => {
    const info: ProviderInfo = CATALOG.find((e) => e.platform === platform) ?? { id: 'custom:status.example.dev', name: 'Example', vendor: 'Example', pageUrl: 'https://status.example.dev', platform };
    const { url } = statusRequest(info);
    const fetch = fakeFetch({ [url]: { status: 503 } });
    const outcome = await readStatusEarly(() => workerParts)(info, { fetch, now: () => T0, etag: '"stored"' });
    expect(outcome.ok).toBe(false);
    expect(fetch.count(url)).toBe(1);
    expect(fetch.count()).toBe(1);
  });

  it('a status read with no adapter loaded fails that service only', async () => {
    const broken = (() => {
      throw new Error('event-page-parts.js did not load');
    }) as () => WorkerParts;
    await expect(readStatusEarly(broken)(catalogEntry('cursor')!, { fetch: fakeFetch(), now: () => T0 })).rejects.toThrow('did not load');
  });
});
