import { describe, expect, it } from 'vitest';
import { EMPTY_HEALTH, isRenderableStatus, overallLevel, resolveProvider, type Health } from '../../lib/status';
import { PROVIDER_INFO } from '../../lib/providers/catalog';
import type { FetchError } from '../../lib/model';
import type { Level } from '../../lib/levels';
import { makeStatus } from './helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const claude = PROVIDER_INFO.find((p) => p.id === 'anthropic')!;
const err: FetchError = { kind: 'http', message: 'status.claude.com answered HTTP 500', httpStatus: 500, at: NOW - 1000 };

function health(over: Partial<Health>): Health {
  return { ...EMPTY_HEALTH, ...over };
}

describe('resolveProvider', () => {
  it('with nothing stored: unknown and loading', () => {
    const v = resolveProvider(claude, null, null, 60, NOW);
    expect(v).toMatchObject({ level: 'unknown', status: null, stale: false, loading: true, error: null, okAt: null, checkedAt: null, retryAt: null });
    expect(v.info).toBe(claude);
  });

  it('fresh data shows its own level', () => {
    const snap = makeStatus('anthropic', 'degraded', { fetchedAt: NOW - 5_000 });
    const v = resolveProvider(claude, snap, health({ okAt: NOW - 5_000, checkedAt: NOW - 5_000 }), 60, NOW);
    expect(v).toMatchObject({ level: 'degraded', stale: false, loading: false, okAt: NOW - 5_000, checkedAt: NOW - 5_000 });
    expect(v.status).toBe(snap);
  });

  it.each([
    [5, 90_000],
    [10, 90_000],
    [30, 90_000],
    [60, 180_000],
    [300, 900_000],
  ])('interval %d s: stale after %d ms → unknown while the data stays', (interval, limit) => {
    const snap = makeStatus('anthropic', 'outage', { fetchedAt: 0 });
    const atLimit = resolveProvider(claude, snap, health({ okAt: NOW - limit }), interval, NOW);
    expect(atLimit.stale).toBe(false);
    expect(atLimit.level).toBe('outage');
    const past = resolveProvider(claude, snap, health({ okAt: NOW - limit - 1 }), interval, NOW);
    expect(past.stale).toBe(true);
    expect(past.level).toBe('unknown');
    expect(past.status).toBe(snap);
    expect(past.status?.level).toBe('outage');
    expect(past.okAt).toBe(NOW - limit - 1);
  });

  it('without health (worker restart) uses the snapshot time for staleness', () => {
    const fresh = makeStatus('anthropic', 'operational', { fetchedAt: NOW - 60_000 });
    expect(resolveProvider(claude, fresh, undefined, 60, NOW)).toMatchObject({ level: 'operational', stale: false, okAt: NOW - 60_000 });
    const old = makeStatus('anthropic', 'operational', { fetchedAt: NOW - 181_000 });
    expect(resolveProvider(claude, old, undefined, 60, NOW)).toMatchObject({ level: 'unknown', stale: true });
  });

  it('a failure keeps showing the last good level until it goes stale, with the error and retry time', () => {
    const snap = makeStatus('anthropic', 'operational', { fetchedAt: NOW - 100_000 });
    const h = health({ okAt: NOW - 100_000, checkedAt: NOW - 1000, error: err, failures: 2, backoffUntil: NOW + 30_000, retryAfterUntil: NOW + 120_000 });
    const v = resolveProvider(claude, snap, h, 60, NOW);
    expect(v).toMatchObject({ level: 'operational', stale: false, error: err, retryAt: NOW + 120_000, loading: false });
    const later = resolveProvider(claude, snap, h, 60, NOW + 90_000);
    expect(later).toMatchObject({ level: 'unknown', stale: true, error: err });
  });

  it('retryAt is the later of backoff and Retry-After, null without an error', () => {
    expect(resolveProvider(claude, null, health({ error: err, backoffUntil: NOW + 50_000, retryAfterUntil: null }), 60, NOW).retryAt).toBe(NOW + 50_000);
    expect(resolveProvider(claude, null, health({ error: err, backoffUntil: NOW + 50_000, retryAfterUntil: NOW + 10_000 }), 60, NOW).retryAt).toBe(NOW + 50_000);
    expect(resolveProvider(claude, null, health({ error: err }), 60, NOW).retryAt).toBeNull();
    expect(resolveProvider(claude, null, health({ backoffUntil: NOW + 50_000 }), 60, NOW).retryAt).toBeNull();
  });

  it('an error with no data is not loading and shows unknown', () => {
    expect(resolveProvider(claude, null, health({ error: err, checkedAt: NOW }), 60, NOW)).toMatchObject({ level: 'unknown', loading: false, error: err });
  });

  it("ignores a snapshot that belongs to another provider or is malformed", () => {
    const other = makeStatus('openai', 'outage', { fetchedAt: NOW });
    expect(resolveProvider(claude, other, null, 60, NOW)).toMatchObject({ status: null, level: 'unknown', loading: true });
    const broken = { ...makeStatus('anthropic', 'outage', { fetchedAt: NOW }), components: null } as unknown as ReturnType<typeof makeStatus>;
    expect(resolveProvider(claude, broken, null, 60, NOW).status).toBeNull();
  });
});

describe('isRenderableStatus', () => {
  it('accepts a well-formed snapshot of the right provider', () => {
    expect(isRenderableStatus(makeStatus('cursor'), 'cursor')).toBe(true);
  });

  it.each([
    ['null', null],
    ['string', 'x'],
    ['other provider', makeStatus('openai')],
    ['bad level', { ...makeStatus('cursor'), level: 'major_outage' }],
    ['no incidents', { ...makeStatus('cursor'), incidents: undefined }],
    ['no maintenances', { ...makeStatus('cursor'), maintenances: {} }],
    ['fetchedAt string', { ...makeStatus('cursor'), fetchedAt: '0' }],
  ])('rejects %s', (_name, value) => {
    expect(isRenderableStatus(value, 'cursor')).toBe(false);
  });
});

describe('overallLevel (badge order)', () => {
  const v = (...levels: Level[]) => levels.map((level) => ({ level, focusLevel: level }));
  it.each([
    [v('operational', 'operational', 'operational'), 'operational'],
    [v('operational', 'maintenance', 'operational'), 'maintenance'],
    [v('maintenance', 'unknown', 'operational'), 'unknown'],
    [v('unknown', 'degraded', 'operational'), 'degraded'],
    [v('degraded', 'outage', 'unknown'), 'outage'],
  ] as const)('%j → %s', (views, expected) => {
    expect(overallLevel(views)).toBe(expected);
  });
});
