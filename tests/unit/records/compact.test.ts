import { describe, expect, it } from 'vitest';
import type { DayBar, Incident } from '../../../lib/model';
import { packDays, packTransitions, TitleTable, unpackDays, unpackTransitions } from '../../../lib/records/compact';
import { packIncident, unpackIncident } from '../../../lib/records/compact-incident';

const day = (date: string, extra: Partial<DayBar> = {}): DayBar => ({ date, level: 'operational', outageMinutes: 0, degradedMinutes: 0, incidents: [], ...extra });
const dates = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10));
const stored = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('packDays / unpackDays', () => {
  it('keeps only the days that are not plain, and gives back exactly what was packed', () => {
    const days = dates(90).map((d, i) => (i === 10 ? day(d, { level: 'outage', outageMinutes: 30, incidents: ['API down'] }) : i === 89 ? { ...day(d, { level: 'unknown' }), noData: true } : day(d)));
    const packed = packDays(days);
    expect(packed).toMatchObject({ from: '2026-09-01', n: 90 });
    expect(Object.keys((packed as { x: object }).x)).toEqual(['10', '89']);
    expect(unpackDays(stored(packed))).toEqual(days);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(days).length / 10);
  });

  it('Statuspage strips (zero seconds on every day) keep their seconds fields; a mixed strip lists the odd ones', () => {
    const withSeconds = dates(30).map((d, i) => day(d, { majorSeconds: 0, partialSeconds: i === 3 ? 60 : 0, degradedSeconds: 0, ...(i === 3 ? { level: 'degraded' as const, degradedMinutes: 1 } : {}) }));
    const mixed = [...withSeconds.slice(0, 29), day(dates(30)[29]!)];
    for (const days of [withSeconds, mixed]) expect(unpackDays(stored(packDays(days)))).toEqual(days);
    expect(packDays(withSeconds)).toMatchObject({ s: 1 });
  });

  it('incident titles go to a shared table', () => {
    const titles = new TitleTable();
    const a = dates(3).map((d, i) => day(d, i === 1 ? { level: 'degraded', incidents: ['Errors', 'Latency'] } : {}));
    const b = dates(3).map((d, i) => day(d, i === 1 ? { level: 'degraded', incidents: ['Latency'] } : {}));
    const pa = stored(packDays(a, titles));
    const pb = stored(packDays(b, titles));
    expect(titles.list).toEqual(['Errors', 'Latency']);
    expect(unpackDays(pa, titles.list)).toEqual(a);
    expect(unpackDays(pb, titles.list)).toEqual(b);
  });

  it('leaves what it cannot pack, or does not recognise, as it is', () => {
    const gap = [day('2026-09-01'), day('2026-09-03')];
    expect(packDays(gap)).toEqual(gap);
    expect(packDays([])).toEqual([]);
    for (const raw of ['junk', null, { from: 'x', n: 3, x: {} }, { from: '2026-09-01', n: 1e6, x: {} }]) expect(unpackDays(raw)).toBe(raw);
  });
});

describe('packTransitions / unpackTransitions', () => {
  it('round-trips every level in ~10 characters a transition', () => {
    const list = (['operational', 'degraded', 'outage', 'maintenance', 'unknown'] as const).map((level, i) => ({ at: 1_789_000_000_000 + i * 60_000, level }));
    const packed = packTransitions(list);
    expect(packed.length).toBeLessThan(list.length * 11);
    expect(unpackTransitions(packed)).toEqual(list);
    expect(unpackTransitions(packTransitions([]))).toEqual([]);
  });

  it('garbled strings are not transitions', () => {
    for (const raw of ['junk', 'mu2mdmo0o  mu2mg79cd', 'MU2o', 'mu2-o']) expect(unpackTransitions(raw)).toBe(raw);
  });
});

describe('packIncident / unpackIncident', () => {
  it('stores component changes as triples and reads both forms', () => {
    const incident = { id: 'i', componentChanges: [{ id: 'a', status: 'partial_outage', at: '2026-09-15T09:48:23.229Z' }] } as unknown as Incident;
    const packed = stored(packIncident(incident));
    expect((packed as { componentChanges: unknown }).componentChanges).toEqual([['a', 'partial_outage', '2026-09-15T09:48:23.229Z']]);
    expect(unpackIncident(packed)).toEqual(incident);
    expect(unpackIncident(incident)).toEqual(incident);
    expect(unpackIncident({ componentChanges: [['a', 1, 'x'], null, 'junk'] })).toEqual({ componentChanges: [] });
  });
});
