// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyRecord } from '../../../lib/records/live';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { startPopupState, type PopupState } from '../../../lib/ui/popup-state';
import { readRecentHistory } from '../../../lib/ui/recent-incidents';
import { fakePorts, KEYS } from '../fake-ports';

const NOW = Date.parse('2026-09-22T12:00:00Z');
const HISTORY = { ...historyRecord, read: readRecentHistory };

function snapshot(id: string, level: string) {
  return { providerId: id, name: id, pageUrl: `https://status.${id}.test`, level, description: '', components: [], incidents: [], maintenances: [], uptime: null, sourceUpdatedAt: null, fetchedAt: NOW - 5_000, error: null, stale: false, via: 'api' };
}

/** A store whose `get` answers only when the test says so, key by key. */
function gatedPorts(initial: Parameters<typeof fakePorts>[0]) {
  const f = fakePorts(initial, NOW);
  const gates = new Map<string, () => void>();
  const get = f.ports.store.get;
  f.ports.store.get = (def) => new Promise((resolve) => gates.set(def.key, () => void get(def).then(resolve)));
  return { ...f, open: (key: string) => gates.get(key)!() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('startPopupState', () => {
  it('draws "checking" at once, then nothing half-read: the next state comes when every first read answered', async () => {
    const f = gatedPorts({ [KEYS.snapshots]: { anthropic: snapshot('anthropic', 'degraded') } });
    const states: PopupState[] = [];
    const popup = startPopupState(f.ports, HISTORY, (s) => states.push(s));
    expect(states).toHaveLength(1);
    expect(states[0]!.views.map((v) => v.loading)).toEqual([true, true, true]);
    expect(states[0]!.overall).toBe('unknown');
    f.open(KEYS.settings);
    f.open(KEYS.health);
    f.open(KEYS.history);
    await flush();
    expect(states).toHaveLength(1);
    f.open(KEYS.snapshots);
    await flush();
    expect(states).toHaveLength(2);
    const claude = states[1]!.views.find((v) => v.info.id === 'anthropic')!;
    expect(claude.level).toBe('degraded');
    // The other two have no data yet: unknown, never green (and the header's worst is Claude's).
    expect(states[1]!.views.filter((v) => v.info.id !== 'anthropic').map((v) => v.level)).toEqual(['unknown', 'unknown']);
    expect(states[1]!.overall).toBe('degraded');
    popup.stop();
  });

  it('does not wait for the history record: its lines follow when it answers (null until then, and after a failed read)', async () => {
    const f = gatedPorts({ [KEYS.snapshots]: { anthropic: snapshot('anthropic', 'degraded') } });
    const states: PopupState[] = [];
    const popup = startPopupState(f.ports, HISTORY, (s) => states.push(s));
    for (const key of [KEYS.settings, KEYS.health, KEYS.snapshots]) f.open(key);
    await flush();
    expect(states).toHaveLength(2);
    expect(states[1]!.views.find((v) => v.info.id === 'anthropic')!.level).toBe('degraded');
    expect(states[1]!.history).toBeNull();
    f.open(KEYS.history);
    await flush();
    expect(states.at(-1)!.history).toEqual({});
    popup.stop();

    const failing = fakePorts({}, NOW);
    const get = failing.ports.store.get;
    failing.ports.store.get = (def) => (def.key === KEYS.history ? Promise.reject(new Error('gone')) : get(def));
    const after: PopupState[] = [];
    const again = startPopupState(failing.ports, HISTORY, (s) => after.push(s));
    await flush();
    expect(after.length).toBeGreaterThan(1);
    expect(after.at(-1)!.history).toBeNull();
    again.stop();
  });

  it('follows the worker writing: a changed snapshot is a new state; a change seen before the first read answers wins', async () => {
    const f = gatedPorts({ [KEYS.snapshots]: { anthropic: snapshot('anthropic', 'degraded') } });
    const states: PopupState[] = [];
    const popup = startPopupState(f.ports, HISTORY, (s) => states.push(s));
    f.change(KEYS.snapshots, { anthropic: snapshot('anthropic', 'outage') });
    for (const key of [KEYS.settings, KEYS.health, KEYS.history, KEYS.snapshots]) f.open(key);
    await flush();
    // The old value the first read returned does not overwrite the newer one.
    expect(states.at(-1)!.views.find((v) => v.info.id === 'anthropic')!.level).toBe('outage');
    popup.stop();
  });

  it('ticks the live lane per the stored interval, and stop() ends the clock, the ticks and every watch', async () => {
    vi.useFakeTimers();
    const f = fakePorts({ [KEYS.settings]: { ...DEFAULT_SETTINGS, intervalSec: 60 } }, NOW);
    const states: PopupState[] = [];
    const popup = startPopupState(f.ports, HISTORY, (s) => states.push(s));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(f.sent.filter((m) => m.type === 'tick')).toHaveLength(0);
    f.change(KEYS.settings, { ...DEFAULT_SETTINGS, intervalSec: 5 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(f.sent.filter((m) => m.type === 'tick').length).toBeGreaterThanOrEqual(3);
    expect(f.watching()).toHaveLength(4);
    popup.stop();
    const sent = f.sent.length;
    const drawn = states.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(f.sent).toHaveLength(sent);
    expect(states).toHaveLength(drawn);
    expect(f.watching()).toEqual([]);
  });

  it('"Copy status" copies what is drawn; "Refresh now" asks the background', async () => {
    const f = fakePorts({ [KEYS.snapshots]: { anthropic: snapshot('anthropic', 'degraded') } }, NOW);
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const popup = startPopupState(f.ports, HISTORY, () => undefined);
    await flush();
    await popup.actions.copy();
    expect(writeText.mock.calls[0]![0]).toMatch(/Claude\*\*: Degraded/);
    await popup.actions.refresh();
    expect(f.sent).toContainEqual({ type: 'refresh' });
    popup.stop();
    vi.unstubAllGlobals();
  });
});
