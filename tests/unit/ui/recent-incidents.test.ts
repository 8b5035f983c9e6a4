import { describe, expect, it } from 'vitest';
import { recentIncidents } from '../../../lib/ui/recent-incidents';
import type { Incident } from '../../../lib/model';
import type { HistoryEntry } from '../../../lib/storage';
import { makeStatus } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const DAY = 86_400_000;

function incident(id: string, startedAt: number, over: Partial<Incident> = {}): Incident {
  const iso = new Date(startedAt).toISOString();
  return {
    id,
    title: `Incident ${id}`,
    status: 'resolved',
    impact: 'minor',
    createdAt: iso,
    startedAt: iso,
    resolvedAt: new Date(startedAt + 3_600_000).toISOString(),
    updatedAt: iso,
    url: '',
    latestUpdate: '',
    componentIds: [],
    componentNames: [],
    phases: [],
    ...over,
  };
}
const entry = (incidents: Incident[]): HistoryEntry => ({ incidents, fetchedAt: NOW, activeKey: '' });

describe('recentIncidents', () => {
  it('nothing known: zero and no latest', () => {
    expect(recentIncidents(null, undefined, NOW)).toEqual({ count: 0, latest: null });
  });

  it('counts incidents of the last 90 days (boundary included) and picks the newest', () => {
    const h = entry([incident('a', NOW - 90 * DAY), incident('b', NOW - 10 * DAY), incident('c', NOW - 90 * DAY - 1), incident('d', NOW - 3 * DAY)]);
    const r = recentIncidents(null, h, NOW);
    expect(r.count).toBe(3);
    expect(r.latest?.id).toBe('d');
  });

  it('merges the snapshot over the history by id (no double count; the snapshot copy wins)', () => {
    const h = entry([incident('a', NOW - 2 * DAY), incident('b', NOW - DAY, { title: 'old title' })]);
    const snap = makeStatus('anthropic', 'degraded', {
      incidents: [incident('b', NOW - DAY, { title: 'new title', resolvedAt: null }), incident('new', NOW - 60_000, { resolvedAt: null })],
    });
    const r = recentIncidents(snap, h, NOW);
    expect(r.count).toBe(3);
    expect(r.latest?.id).toBe('new');
    const onlyB = recentIncidents(makeStatus('anthropic', 'degraded', { incidents: [incident('b', NOW - DAY, { title: 'new title' })] }), h, NOW);
    expect(onlyB.latest?.title).toBe('new title');
  });

  it('all older than 90 days: zero and no latest', () => {
    expect(recentIncidents(null, entry([incident('x', NOW - 100 * DAY)]), NOW)).toEqual({ count: 0, latest: null });
  });
});
