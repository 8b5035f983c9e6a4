import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLL_ALARM, ensureAlarm, type AlarmsApi } from '../../../lib/background/schedule';
import { startBackground } from '../../../lib/background/index';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { save } from '../../../lib/storage';
import { localParts as workerParts } from '../../../lib/background/local-parts';
import { FIX, fakeFetch, jsonFixture, messages, summaryUrl } from '../helpers';

const alarms = fakeBrowser.alarms as unknown as AlarmsApi;

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('ensureAlarm', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is named "poll"', () => {
    expect(POLL_ALARM).toBe('poll');
  });

  it.each([
    [5, 0.5],
    [10, 0.5],
    [30, 0.5],
    [60, 1],
    [300, 5],
  ])('interval %d s → periodInMinutes %d (max(interval, 30 s) / 60)', async (interval, minutes) => {
    expect(await ensureAlarm(alarms, interval)).toBe(minutes);
    const alarm = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(alarm?.periodInMinutes).toBe(minutes);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('first fires one period from now', async () => {
    const before = Date.now();
    await ensureAlarm(alarms, 300);
    const alarm = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(before + 5 * 60_000);
    expect(alarm!.scheduledTime).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
  });

  it('leaves an alarm with the right period alone', async () => {
    await ensureAlarm(alarms, 60);
    const first = await fakeBrowser.alarms.get(POLL_ALARM);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await ensureAlarm(alarms, 60);
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toEqual(first);
  });

  it('intervals sharing the 30 s floor do not recreate the alarm', async () => {
    await ensureAlarm(alarms, 5);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await ensureAlarm(alarms, 10);
    await ensureAlarm(alarms, 30);
    expect(create).not.toHaveBeenCalled();
  });

  it('recreates the alarm when the interval changes', async () => {
    await ensureAlarm(alarms, 60);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    expect(await ensureAlarm(alarms, 300)).toBe(5);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(POLL_ALARM, { periodInMinutes: 5, delayInMinutes: 5 });
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(5);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('recreates the alarm after the browser cleared it (Firefox restart)', async () => {
    await ensureAlarm(alarms, 60);
    await fakeBrowser.alarms.clearAll();
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined();
    await ensureAlarm(alarms, 60);
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(1);
  });
});

describe('background wiring (startBackground)', () => {
  /** The three default services answered from real captures, Claude degraded. */
  const claudeDegraded = () =>
    fakeFetch({
      [summaryUrl('openai')]: jsonFixture(FIX.openaiOk),
      [summaryUrl('anthropic')]: jsonFixture(FIX.anthropicMinor),
      [summaryUrl('cursor')]: jsonFixture(FIX.cursorOk),
    });

  beforeEach(async () => {
    fakeBrowser.reset();
    const en = messages('en');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => en[key]?.message ?? '') as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    // Every default host is granted (as at install); the listeners exist in the real browser.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    await save('settings', { ...structuredClone(DEFAULT_SETTINGS), intervalSec: 60 });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('ensures the alarm at start, polls when it fires, and follows interval changes', async () => {
    const fetch = claudeDegraded();
    vi.stubGlobal('fetch', fetch);
    startBackground(() => workerParts);
    await waitFor(async () => (await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes === 1, 'the alarm');
    expect(fetch.count()).toBe(0);

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(fetch.count()).toBe(0);

    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), periodInMinutes: 1, persistAcrossSessions: false });
    await waitFor(() => fetch.count(summaryUrl('cursor')) === 1 && fetch.count(summaryUrl('anthropic')) === 1 && fetch.count(summaryUrl('openai')) === 1, 'one poll');
    await waitFor(async () => (await fakeBrowser.action.getBadgeText({})) === '1', 'the badge');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xf5, 0x9e, 0x0b, 255]);

    await save('settings', { ...structuredClone(DEFAULT_SETTINGS), intervalSec: 300 });
    await waitFor(async () => (await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes === 5, 'the recreated alarm');
  });

  it('a worker woken for a poll paints the badge once: its start-up chores do not paint it again', async () => {
    vi.stubGlobal('fetch', claudeDegraded());
    const paint = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    startBackground(() => workerParts);
    // The event that woke the worker, before the chores (500 ms after start) run.
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), periodInMinutes: 1, persistAcrossSessions: false });
    await waitFor(() => paint.mock.calls.length > 0, 'the badge');
    await waitFor(async () => (await fakeBrowser.alarms.get(POLL_ALARM)) !== undefined, 'the chores (the alarm ensured)');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(paint).toHaveBeenCalledTimes(1);
    expect(paint).toHaveBeenLastCalledWith({ text: '1' });
  });

  it('the steps after the polls of one worker share one memory of failed sources, made at its start', async () => {
    vi.stubGlobal('fetch', claudeDegraded());
    const memories: unknown[] = [];
    startBackground(() => ({ ...workerParts, afterPoll: (deps) => Promise.resolve(void memories.push(deps.failures)) }));
    const refresh = () => new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ type: 'refresh' }, {}, resolve));
    await refresh();
    await refresh();
    expect(memories).toHaveLength(2);
    expect(memories[0]).toBeInstanceOf(Map);
    expect(memories[1]).toBe(memories[0]);
  });

  it('the worker stores only what a poll and the badge need: it polls, paints and runs its chores with those records alone', async () => {
    // A fresh module graph: storage with no records added but the worker's own (as in its script).
    vi.resetModules();
    const { startBackground: start } = await import('../../../lib/background/index');
    const { load } = await import('../../../lib/storage');
    const { localParts } = await import('../../../lib/background/local-parts');
    vi.stubGlobal('fetch', claudeDegraded());
    const steps: string[][] = [];
    // The steps after a poll store their records where they run (the parsing document, an event page).
    start(() => ({ ...localParts, afterPoll: (_deps, ctx) => Promise.resolve(void steps.push(ctx.succeeded)) }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: Date.now(), periodInMinutes: 1, persistAcrossSessions: false });
    await waitFor(async () => (await fakeBrowser.action.getBadgeText({})) === '1', 'the badge');
    expect(steps).toEqual([['openai', 'anthropic', 'cursor']]);
    await waitFor(async () => typeof (await fakeBrowser.storage.session.get('browserSession')).browserSession === 'number', 'the chores (the session id)');
    // A record it does not store is refused loudly, never read as its fallback.
    await expect(load('observed')).rejects.toThrow('not stored by this script');
  });
});
