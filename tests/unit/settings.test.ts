import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_INTERVAL,
  DEFAULT_SETTINGS,
  INTERVALS,
  MIN_ALARM_SEC,
  alarmPeriodSec,
  isInterval,
  isLiveInterval,
  migrateSettingsV1,
  nearestInterval,
  sanitizeSettings,
  activeServices,
  staleAfterMs,
  type Settings,
  type SettingsV1,
} from '../../lib/settings';
import { load } from '../../lib/storage';
import { RECORDS } from '../../lib/records';

const SETTINGS_VERSION = RECORDS.settings.version;

const ALL_ON = { openai: true, anthropic: true, cursor: true };
const ALL_OFF = { openai: false, anthropic: false, cursor: false };

describe('defaults', () => {
  it('offers 5 s, 10 s, 30 s, 1 min, 5 min and defaults to 1 min', () => {
    expect([...INTERVALS]).toEqual([5, 10, 30, 60, 300]);
    expect(DEFAULT_INTERVAL).toBe(60);
    expect(DEFAULT_SETTINGS.intervalSec).toBe(60);
  });

  it('has every provider switched on for notifications, off for "when back", nothing starred', () => {
    expect(DEFAULT_SETTINGS.notifications).toEqual({ enabled: true, minLevel: 'outage', providers: ALL_ON, whenBack: ALL_OFF });
    expect(DEFAULT_SETTINGS.starred).toEqual({ openai: [], anthropic: [], cursor: [] });
  });
});

describe('interval helpers', () => {
  it('isInterval accepts only offered values', () => {
    for (const i of INTERVALS) expect(isInterval(i)).toBe(true);
    for (const v of [0, 1, 15, 45, 61, 600, '60', null, NaN]) expect(isInterval(v)).toBe(false);
  });

  it.each([
    [4, 5],
    [7, 5],
    [8, 10],
    [20, 10],
    [25, 30],
    [45, 60], // tie between 30 and 60 keeps the default
    [90, 60],
    [200, 300],
    [3600, 300],
    [-10, 5],
    [0, 5],
  ])('nearestInterval(%d) = %d', (value, expected) => {
    expect(nearestInterval(value)).toBe(expected);
  });

  it.each([NaN, Infinity, '30', null, undefined, {}])('nearestInterval(%j) falls back to the default', (value) => {
    expect(nearestInterval(value)).toBe(60);
  });

  it('alarm period is max(interval, 30 s)', () => {
    expect(MIN_ALARM_SEC).toBe(30);
    expect(INTERVALS.map(alarmPeriodSec)).toEqual([30, 30, 30, 60, 300]);
  });

  it('only 5 s and 10 s use the live lane', () => {
    expect(INTERVALS.map(isLiveInterval)).toEqual([true, true, false, false, false]);
  });

  it('stale after 3 × max(interval, 30 s), at least 90 s', () => {
    expect(staleAfterMs(5)).toBe(90_000);
    expect(staleAfterMs(10)).toBe(90_000);
    expect(staleAfterMs(30)).toBe(90_000);
    expect(staleAfterMs(60)).toBe(180_000);
    expect(staleAfterMs(300)).toBe(900_000);
  });
});

describe('migrateSettingsV1 (v1 → v2)', () => {
  it('keeps the interval and the notify switch, adds the new defaults', () => {
    const v2 = migrateSettingsV1({ intervalSec: 10, notify: false });
    expect(v2).toMatchObject({
      intervalSec: 10,
      notifications: { enabled: false, minLevel: 'outage', providers: ALL_ON, whenBack: ALL_OFF },
      starred: { openai: [], anthropic: [], cursor: [] },
    });
  });

  it('keeps notify: true', () => {
    expect(migrateSettingsV1({ intervalSec: 300, notify: true }).notifications.enabled).toBe(true);
    expect(migrateSettingsV1({ intervalSec: 300, notify: true }).intervalSec).toBe(300);
  });

  it('maps a v1 interval that is no longer offered to the nearest one', () => {
    expect(migrateSettingsV1({ intervalSec: 120 }).intervalSec).toBe(60);
    expect(migrateSettingsV1({ intervalSec: 15 }).intervalSec).toBe(10);
    expect(migrateSettingsV1({ intervalSec: 240 }).intervalSec).toBe(300);
  });

  it('defaults the switch when v1 had none', () => {
    expect(migrateSettingsV1({ intervalSec: 30 }).notifications.enabled).toBe(true);
  });

  it.each([null, undefined, 'garbage' as unknown as SettingsV1, 42 as unknown as SettingsV1])('%j → defaults', (old) => {
    expect(migrateSettingsV1(old)).toEqual(DEFAULT_SETTINGS);
  });

  it('preserves a value that is already v2-shaped (never resets it)', () => {
    const v2: Settings = {
      intervalSec: 5,
      services: ['openai', 'anthropic', 'cursor'],
      custom: [],
      notifications: {
        enabled: false,
        minLevel: 'degraded',
        providers: { openai: false, anthropic: true, cursor: false },
        whenBack: { openai: true, anthropic: false, cursor: true },
      },
      starred: { openai: ['01JMXBRMFE6N2NNT7DG6XZQ6PW'], anthropic: ['k8w3r06qmzrp', 'yyzkbfz2thpt'], cursor: [] },
    };
    expect(migrateSettingsV1(structuredClone(v2) as unknown as SettingsV1)).toEqual(v2);
  });

  it('does not share nested objects with the defaults', () => {
    const a = migrateSettingsV1({ intervalSec: 30 });
    a.notifications.providers.openai = false;
    a.starred.cursor!.push('x');
    expect(DEFAULT_SETTINGS.notifications.providers.openai).toBe(true);
    expect(DEFAULT_SETTINGS.starred.cursor).toEqual([]);
  });
});

describe('sanitizeSettings', () => {
  it('keeps every valid field', () => {
    const raw = {
      intervalSec: 30,
      notifications: { enabled: false, minLevel: 'degraded', providers: { openai: false }, whenBack: { cursor: true } },
      starred: { anthropic: ['a', 'b'] },
    };
    expect(sanitizeSettings(raw)).toEqual({
      intervalSec: 30,
      services: ['openai', 'anthropic', 'cursor'],
      custom: [],
      notifications: {
        enabled: false,
        minLevel: 'degraded',
        providers: { openai: false, anthropic: true, cursor: true },
        whenBack: { openai: false, anthropic: false, cursor: true },
      },
      starred: { openai: [], anthropic: ['a', 'b'], cursor: [] },
    });
  });

  it('defaults each invalid field independently', () => {
    const out = sanitizeSettings({
      intervalSec: 45,
      notifications: { enabled: 'yes', minLevel: 'maintenance', providers: { openai: 'no', anthropic: false }, whenBack: [] },
      starred: { openai: 'x', cursor: [1, 'ok', null, 'ok', 'x'.repeat(129)] },
    });
    expect(out.intervalSec).toBe(60);
    expect(out.notifications.enabled).toBe(true);
    expect(out.notifications.minLevel).toBe('outage');
    expect(out.notifications.providers).toEqual({ openai: true, anthropic: false, cursor: true });
    expect(out.notifications.whenBack).toEqual(ALL_OFF);
    expect(out.starred).toEqual({ openai: [], anthropic: [], cursor: ['ok'] });
  });

  it('caps starred ids at 200', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `c${i}`);
    const out = sanitizeSettings({ starred: { openai: ids } });
    expect(out.starred.openai).toHaveLength(200);
    expect(out.starred.openai![199]).toBe('c199');
  });

  it.each([null, undefined, 'x', 1, [], [DEFAULT_SETTINGS]])('unreadable %j → defaults', (raw) => {
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings storage migration', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('migrates a stored v1 value (no version mark) to the current version, keeping interval and switch', async () => {
    await fakeBrowser.storage.local.set({ settings: { intervalSec: 300, notify: false } });
    await load('settings');
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    expect(stored.settings).toEqual({
      intervalSec: 300,
      services: ['openai', 'anthropic', 'cursor'],
      custom: [],
      notifications: { enabled: false, minLevel: 'outage', providers: ALL_ON, whenBack: ALL_OFF },
      starred: { openai: [], anthropic: [], cursor: [] },
    });
    expect(await load('settings')).toEqual(stored.settings);
  });

  it('keeps a v2-shaped value that lacks its version mark', async () => {
    const v2 = structuredClone(DEFAULT_SETTINGS);
    v2.intervalSec = 10;
    v2.notifications.providers.cursor = false;
    v2.starred.openai = ['01JMXBRMFE6N2NNT7DG6XZQ6PW'];
    await fakeBrowser.storage.local.set({ settings: v2 });
    await load('settings');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(v2);
  });

  it('leaves a current (v3-marked) value alone', async () => {
    const v2 = { ...structuredClone(DEFAULT_SETTINGS), intervalSec: 5 };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 3 } });
    await load('settings');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(v2);
  });
});

describe('services (v3)', () => {
  it('keeps the user order of catalog and added services, drops unknown ids and duplicates', () => {
    const custom = { id: 'custom:status.example.dev', name: ' Example ', vendor: '', pageUrl: 'https://status.example.dev/', platform: 'statuspage', addedAt: 5 };
    const out = sanitizeSettings({ services: ['github', 'nope-not-in-catalog', 'custom:status.example.dev', 'github', 'openai'], custom: [custom] });
    expect(out.services).toEqual(['github', 'custom:status.example.dev', 'openai']);
    expect(out.custom).toEqual([{ ...custom, name: 'Example', pageUrl: 'https://status.example.dev' }]);
    expect(activeServices(out).map((s) => s.id)).toEqual(['github', 'custom:status.example.dev', 'openai']);
  });

  it.each([
    ['http page', { pageUrl: 'http://status.example.dev' }],
    ['id not matching the host', { id: 'custom:other.dev' }],
    ['unknown platform', { platform: 'carrier-pigeon' }],
    ['not a URL', { pageUrl: 'status.example.dev' }],
  ])('refuses an added page with %s', (_name, patch) => {
    const custom = { id: 'custom:status.example.dev', name: 'X', vendor: '', pageUrl: 'https://status.example.dev', platform: 'statuspage', addedAt: 5, ...patch };
    const out = sanitizeSettings({ services: ['custom:status.example.dev', 'cursor'], custom: [custom] });
    expect(out.custom).toEqual([]);
    expect(out.services).toEqual(['cursor']);
  });

  it('keeps per-service choices for services that are not shown (re-enabling restores them)', () => {
    const out = sanitizeSettings({ services: ['cursor'], starred: { github: ['a'] }, notifications: { whenBack: { github: true } } });
    expect(out.starred.github).toEqual(['a']);
    expect(out.notifications.whenBack.github).toBe(true);
  });
});
