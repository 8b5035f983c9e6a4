import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_COMPONENTS,
  MAX_COMPONENT_TRANSITIONS,
  MAX_PROVIDER_TRANSITIONS,
  pruneTransitions,
  recordObserved,
  updateObserved,
  type ObservedView,
} from '../../../lib/background/observed';
import { load, type Observed, type Transition } from '../../../lib/storage';
import { readObserved as sanitizeObserved } from '../../../lib/records';

const EMPTY_OBSERVED: Observed = { since: null, providers: {}, components: {} };
import type { ComponentStatus, Level, ProviderId } from '../../../lib/model';
import { unknownSpans, uptimeFromObserved } from '../../../lib/uptime';
import { providerHistory } from '../../../lib/ui/history-view';
import { makeStatus } from '../helpers';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.parse('2026-09-15T12:00:00Z');

function component(id: string, level: Level): ComponentStatus {
  return { id, name: id, group: null, rawStatus: level, level, description: '' };
}

function view(id: ProviderId, level: Level, components: Array<[string, Level]> = [], stale = false): ObservedView {
  return {
    info: { id },
    level: stale ? 'unknown' : level,
    stale,
    status: makeStatus(id, level, { components: components.map(([cid, l]) => component(cid, l)) }),
  };
}

describe('recordObserved', () => {
  it('first call: sets since and records each provider and component', () => {
    const { observed, changed } = recordObserved(EMPTY_OBSERVED, [view('openai', 'degraded', [['api', 'degraded'], ['chat', 'operational']]), view('cursor', 'operational')], T0);
    expect(changed).toBe(true);
    expect(observed.since).toBe(T0);
    expect(observed.providers).toEqual({ openai: [{ at: T0, level: 'degraded' }], cursor: [{ at: T0, level: 'operational' }] });
    expect(observed.components.openai).toEqual({ api: [{ at: T0, level: 'degraded' }], chat: [{ at: T0, level: 'operational' }] });
    expect(observed.components.cursor).toEqual({});
    expect(EMPTY_OBSERVED).toEqual({ since: null, providers: {}, components: {} }); // input untouched
  });

  it('appends only when the level changed', () => {
    const first = recordObserved(EMPTY_OBSERVED, [view('openai', 'operational', [['api', 'operational']])], T0).observed;
    const same = recordObserved(first, [view('openai', 'operational', [['api', 'operational']])], T0 + MIN);
    expect(same.changed).toBe(false);
    expect(same.observed).toBe(first);
    const next = recordObserved(first, [view('openai', 'outage', [['api', 'outage']])], T0 + 2 * MIN);
    expect(next.changed).toBe(true);
    expect(next.observed.since).toBe(T0);
    expect(next.observed.providers.openai).toEqual([
      { at: T0, level: 'operational' },
      { at: T0 + 2 * MIN, level: 'outage' },
    ]);
    expect(next.observed.components.openai?.api).toHaveLength(2);
  });

  it('a stale provider records unknown for itself and its components; no data yet records the provider only', () => {
    const first = recordObserved(EMPTY_OBSERVED, [view('openai', 'operational', [['api', 'operational']])], T0).observed;
    const stale = recordObserved(first, [view('openai', 'operational', [['api', 'operational']], true)], T0 + MIN).observed;
    expect(stale.providers.openai?.at(-1)).toEqual({ at: T0 + MIN, level: 'unknown' });
    expect(stale.components.openai?.api?.at(-1)).toEqual({ at: T0 + MIN, level: 'unknown' });
    const loading = recordObserved(EMPTY_OBSERVED, [{ info: { id: 'cursor' }, level: 'unknown', stale: false, status: null }], T0).observed;
    expect(loading.providers.cursor).toEqual([{ at: T0, level: 'unknown' }]);
    expect(loading.components.cursor).toBeUndefined();
  });

  it('drops transitions older than 90 days but keeps the last one before the cut-off', () => {
    const list: Transition[] = [
      { at: T0 - 100 * DAY, level: 'operational' },
      { at: T0 - 95 * DAY, level: 'outage' },
      { at: T0 - 91 * DAY, level: 'degraded' },
      { at: T0 - 10 * DAY, level: 'operational' },
    ];
    expect(pruneTransitions(list, T0, 500)).toEqual(list.slice(2));
    const observed: Observed = { since: T0 - 120 * DAY, providers: { openai: list }, components: {} };
    const r = recordObserved(observed, [view('openai', 'operational')], T0);
    expect(r.changed).toBe(true); // pruning alone is a change worth writing
    expect(r.observed.providers.openai).toEqual(list.slice(2));
    // the kept transition gives the level at the window start
    const u = uptimeFromObserved(r.observed.providers.openai!, r.observed.since, T0);
    expect(u.days[0]!.level).toBe('degraded');
    expect(u.coversDays).toBe(90);
  });

  it('is bounded: MAX_PROVIDER_TRANSITIONS per provider, MAX_COMPONENT_TRANSITIONS per component, MAX_COMPONENTS components', () => {
    const many: Transition[] = Array.from({ length: 600 }, (_, i) => ({ at: T0 - (600 - i) * MIN, level: i % 2 ? 'degraded' : 'operational' }));
    const components = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`old${i}`, [{ at: T0 - DAY, level: 'operational' as Level }]]));
    components.busy = many.slice();
    const observed: Observed = { since: T0 - DAY, providers: { openai: many }, components: { openai: components } };
    const current: Array<[string, Level]> = [['busy', 'outage'], ...Array.from({ length: 110 }, (_, i): [string, Level] => [`c${i}`, 'operational'])];
    const r = recordObserved(observed, [view('openai', 'outage', current)], T0);
    expect(r.observed.providers.openai).toHaveLength(MAX_PROVIDER_TRANSITIONS);
    expect(r.observed.providers.openai?.at(-1)).toEqual({ at: T0, level: 'outage' });
    const kept = r.observed.components.openai!;
    expect(Object.keys(kept)).toHaveLength(MAX_COMPONENTS);
    expect(kept.busy).toHaveLength(MAX_COMPONENT_TRANSITIONS);
    expect(kept.busy?.at(-1)).toEqual({ at: T0, level: 'outage' });
    // components in the current snapshot come first; vanished ones are dropped before them
    expect(kept[`c${MAX_COMPONENTS - 2}`]).toBeDefined();
    expect(kept.old0).toBeUndefined();
  });

  it('keeps a vanished component while its record is recent, drops it once it is all older than 90 days', () => {
    const observed: Observed = {
      since: T0 - 200 * DAY,
      providers: { openai: [{ at: T0 - 200 * DAY, level: 'operational' }] },
      components: { openai: { recent: [{ at: T0 - DAY, level: 'outage' }], ancient: [{ at: T0 - 100 * DAY, level: 'operational' }] } },
    };
    const r = recordObserved(observed, [view('openai', 'operational', [['live', 'operational']])], T0);
    expect(Object.keys(r.observed.components.openai!).sort()).toEqual(['live', 'recent']);
  });
});

describe('sanitizeObserved', () => {
  it('drops unreadable parts', () => {
    expect(sanitizeObserved(null)).toEqual(EMPTY_OBSERVED);
    expect(sanitizeObserved('junk')).toEqual(EMPTY_OBSERVED);
    const raw = {
      since: 5,
      providers: { openai: [{ at: 2, level: 'outage' }, { at: 1, level: 'operational' }, { at: 'x', level: 'outage' }, { at: 3, level: 'weird' }], 'Not an id!': [] },
      components: { openai: { a: [{ at: 1, level: 'degraded' }], b: 'junk' } },
    };
    expect(sanitizeObserved(raw)).toEqual({
      since: 5,
      providers: { openai: [{ at: 1, level: 'operational' }, { at: 2, level: 'outage' }] },
      components: { openai: { a: [{ at: 1, level: 'degraded' }] } },
    });
  });
});

describe('time with no check at all is no data', () => {
  it('a gap longer than gapMs after the last check becomes unknown, excluded from uptime', () => {
    const views = [view('cursor', 'operational', [['ide', 'operational']])];
    const first = recordObserved(EMPTY_OBSERVED, views, T0, 15 * MIN).observed;
    expect(first.seenAt).toBe(T0);
    // Browser closed for 2 hours, then the same level is seen again.
    const back = recordObserved(first, views, T0 + 120 * MIN, 15 * MIN).observed;
    expect(back.providers.cursor).toEqual([
      { at: T0, level: 'operational' },
      { at: T0 + 1, level: 'unknown' },
      { at: T0 + 120 * MIN, level: 'operational' },
    ]);
    // The gap is recorded once, on the provider; the component's figure takes it from there.
    expect(back.components.cursor!.ide!.map((t) => t.level)).toEqual(['operational']);
    expect(unknownSpans(back.providers.cursor, T0 + 120 * MIN)).toEqual([{ start: T0 + 1, end: T0 + 120 * MIN }]);
    // …and its figure is the one the old per-component `unknown` transition gave.
    const at = T0 + 130 * MIN;
    const snapshot = makeStatus('cursor', 'operational', { components: [{ id: 'ide', name: 'IDE', group: null, rawStatus: 'operational', level: 'operational', description: '' }] });
    const shown = providerHistory('cursor', snapshot, undefined, undefined, back, at).components.ide;
    const before = uptimeFromObserved([{ at: T0, level: 'operational' }, { at: T0 + 1, level: 'unknown' }, { at: T0 + 120 * MIN, level: 'operational' }], back.since, at);
    expect(shown).toEqual(before);
    // Checks a minute apart leave no gap and write nothing new.
    const steady = recordObserved(back, views, T0 + 121 * MIN, 15 * MIN);
    expect(steady.changed).toBe(false);
  });

  it('seenAt is refreshed at most every few minutes, so unchanged polls rarely write', () => {
    const views = [view('cursor', 'operational')];
    const first = recordObserved(EMPTY_OBSERVED, views, T0, 15 * MIN).observed;
    expect(recordObserved(first, views, T0 + 5 * MIN, 15 * MIN).changed).toBe(false);
    const refreshed = recordObserved(first, views, T0 + 11 * MIN, 15 * MIN);
    expect(refreshed.changed).toBe(true);
    expect(refreshed.observed.seenAt).toBe(T0 + 11 * MIN);
    expect(refreshed.observed.providers.cursor).toEqual([{ at: T0, level: 'operational' }]);
  });
});

describe('updateObserved', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('writes the observed record only when something changed', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const writes = () => set.mock.calls.filter(([items]) => 'observed' in (items as object)).length;
    const views = [view('anthropic', 'operational', [['api', 'operational']])];
    const first = await updateObserved(views, T0, MIN);
    expect(first.since).toBe(T0);
    expect(writes()).toBe(1);
    await updateObserved(views, T0 + MIN, MIN);
    expect(writes()).toBe(1);
    await updateObserved([view('anthropic', 'degraded', [['api', 'degraded']])], T0 + 2 * MIN, MIN);
    expect(writes()).toBe(2);
    // Stored packed (lib/records/compact.ts); read back through the record's reader.
    const stored = sanitizeObserved(await load('observed'));
    expect(stored.providers.anthropic).toEqual([
      { at: T0, level: 'operational' },
      { at: T0 + 2 * MIN, level: 'degraded' },
    ]);
  });

  it('recovers from unreadable stored data', async () => {
    await fakeBrowser.storage.local.set({ observed: 'garbage' });
    const r = await updateObserved([view('cursor', 'operational')], T0, MIN);
    expect(r.providers.cursor).toEqual([{ at: T0, level: 'operational' }]);
  });
});
