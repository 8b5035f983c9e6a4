import { describe, expect, it } from 'vitest';
import { createHistoryState } from '../../../lib/ui/history-state';
import { createDashboardState } from '../../../lib/ui/dashboard-state';
import type { ViewStore } from '../../../lib/ui/view-store';
import type { Incident } from '../../../lib/model';
import { makeStatus } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const MIN = 60_000;

/** A store that never answers: these tests drive the signals directly. */
const silentStore = {
  get: () => new Promise(() => undefined),
  watch: () => () => undefined,
  set: async () => undefined,
} as unknown as ViewStore;

function incident(id: string, start: number, end: number | null): Incident {
  return {
    id,
    title: `Incident ${id}`,
    status: end === null ? 'investigating' : 'resolved',
    impact: 'critical',
    createdAt: new Date(start).toISOString(),
    startedAt: new Date(start).toISOString(),
    resolvedAt: end === null ? null : new Date(end).toISOString(),
    updatedAt: new Date(start).toISOString(),
    url: '',
    latestUpdate: '',
    componentIds: ['api'],
    componentNames: ['API'],
    phases: [],
  };
}

describe('createHistoryState', () => {
  it('has one entry per provider', () => {
    const state = createDashboardState(silentStore, {}, NOW);
    const h = createHistoryState(state);
    expect(Object.keys(h.value)).toEqual(['openai', 'anthropic', 'cursor']);
    expect(h.value.openai).toEqual({ uptime: null, components: {}, timeline: [] });
  });

  // Regression test (was a bug: see the commit that fixed it).
  it('does not recompute on clock ticks within the same minute', () => {
    const state = createDashboardState(silentStore, {}, NOW + 1_000);
    const h = createHistoryState(state);
    const first = h.value;
    state.now.value = NOW + 30_000;
    expect(h.value).toBe(first);
    state.now.value = NOW + MIN; // same minute, rounded up
    expect(h.value).toBe(first);
  });

  it('recomputes when the minute changes', () => {
    const state = createDashboardState(silentStore, {}, NOW + 1_000);
    const h = createHistoryState(state);
    const first = h.value;
    state.now.value = NOW + MIN + 1;
    expect(h.value).not.toBe(first);
  });

  it('rounds the clock up: an incident resolved earlier in the current minute is in the timeline', () => {
    const state = createDashboardState(silentStore, {}, NOW + 10_000);
    state.history.value = { anthropic: { incidents: [incident('a', NOW - 3_600_000, NOW + 5_000)], fetchedAt: NOW, activeKey: '' } };
    const h = createHistoryState(state);
    expect(h.value.anthropic!.timeline.map((i) => i.id)).toEqual(['a']);
    expect(h.value.anthropic!.uptime?.source).toBe('incidents');
    expect(h.value.anthropic!.uptime?.days.at(-1)?.outageMinutes).toBe(60);
  });

  it('recomputes when stored data changes', () => {
    const state = createDashboardState(silentStore, {}, NOW);
    const h = createHistoryState(state);
    expect(h.value.cursor!.uptime).toBeNull();
    state.observed.value = { since: NOW - 10 * MIN, providers: { cursor: [{ at: NOW - 10 * MIN, level: 'outage' }] }, components: {} };
    expect(h.value.cursor!.uptime?.source).toBe('observed');
    // Observed for 10 minutes only: no 30- or 90-day figure, the figure "since" today.
    expect(h.value.cursor!.uptime?.percent90d).toBeNull();
    expect(h.value.cursor!.uptime?.percentSince).toBe(0);
    state.snapshots.value = { openai: makeStatus('openai', 'outage', { fetchedAt: NOW, incidents: [incident('now', NOW - 30 * MIN, null)] }) };
    state.history.value = { openai: { incidents: [incident('past', NOW - 2 * 86_400_000, NOW - 2 * 86_400_000 + MIN)], fetchedAt: NOW, activeKey: '' } };
    expect(h.value.openai!.timeline.map((i) => i.id)).toEqual(['past']);
    expect(h.value.openai!.uptime?.days.at(-1)?.outageMinutes).toBe(30);
  });
});
