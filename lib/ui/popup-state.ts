/**
 * The popup's state, without signals: the popup reads four records, derives its views with the same
 * pure functions as the dashboard (`lib/status.ts`), and hands each new state to one callback (its
 * root component re-renders). Keeping `@preact/signals` out of the popup is worth ~2 KB of its
 * gzipped JS, the popup's budget (docs/ARCHITECTURE.md#performance); the dashboard, which keeps
 * signals, gets the same values from `dashboard-state.ts`.
 */
import type { Level } from '../levels';
import { healthRecord, settingsRecord, snapshotsRecord } from '../records/live';
import type { HealthMap, History, RecordDef, Snapshots } from '../records/core';
import type { Settings } from '../settings';
import { overallLevel, ownLevel, resolveViews, type ProviderView } from '../status';
import type { UiPorts } from './browser-ports';
import { toolbarActions, type ToolbarActions } from './copy-status';
import { startViewTicks } from './live-ticks';

/** Everything the popup draws. */
export interface PopupState {
  settings: Settings;
  /**
   * Recent incidents per service (the popup's light reader of the history record); null until
   * that record has answered — its lines are drawn then, never counted from the snapshots alone.
   */
  history: History | null;
  now: number;
  /** One per service the user watches, in their order. */
  views: ProviderView[];
  /** The worst of the providers' own levels. */
  overall: Level;
  /** The badge's level (starred components where any are starred). */
  focus: Level;
}

/** What the popup's buttons call. */
export type PopupActions = ToolbarActions;

interface Stored {
  settings: Settings;
  snapshots: Snapshots;
  health: HealthMap;
  /** Null until the history record has answered (`PopupState.history`). */
  history: History | null;
}

/**
 * Reads and watches the popup's records, runs its clock (relative times, staleness) and the live
 * ticker, and calls `onState` with every new state. Returns the actions and a stop function.
 */
export function startPopupState(ports: UiPorts, readHistory: RecordDef<History>, onState: (state: PopupState) => void): { actions: PopupActions; stop: () => void } {
  const stored: Stored = { settings: settingsRecord.fallback(), snapshots: {}, health: {}, history: null };
  let now = ports.now();
  let state: PopupState | null = null;
  // First "Checking…" everywhere (never green), then nothing until the records every panel's level
  // needs have answered: no half-read state (settings without snapshots…) is ever drawn. The
  // history record, by far the largest, is not waited for: its lines follow when it answers.
  let pending = 3;
  const tickers = new Set<(seconds: number) => void>();
  const publish = (force = false) => {
    if (pending > 0 && !force) return;
    const views = resolveViews(stored.settings, stored.snapshots, stored.health, now);
    state = { settings: stored.settings, history: stored.history, now, views, overall: ownLevel(views), focus: overallLevel(views) };
    onState(state);
  };

  const unwatch: (() => void)[] = [];
  const follow = <K extends keyof Stored>(key: K, def: RecordDef<Stored[K]>) => {
    const take = (raw: unknown) => {
      try {
        stored[key] = def.read(raw);
      } catch {
        stored[key] = def.fallback();
      }
      if (key === 'settings') for (const fn of tickers) fn(stored.settings.intervalSec);
      publish();
    };
    let changed = false;
    unwatch.push(
      ports.store.watch(def as RecordDef<unknown>, (raw) => {
        changed = true;
        take(raw);
      }),
    );
    // A change seen before the first read answers is newer than that answer.
    void ports.store
      .get(def as RecordDef<unknown>)
      .then((raw) => changed || take(raw), () => undefined)
      .finally(() => {
        if (key === 'history') return;
        pending--;
        publish();
      });
  };
  publish(true);
  follow('settings', settingsRecord);
  follow('snapshots', snapshotsRecord);
  follow('health', healthRecord);
  follow('history', readHistory);

  const clock = setInterval(() => {
    now = ports.now();
    publish();
  }, 1000);
  const stopTicks = startViewTicks(ports.send, {
    subscribe(fn) {
      fn(stored.settings.intervalSec);
      tickers.add(fn);
      return () => tickers.delete(fn);
    },
  });
  return {
    actions: toolbarActions(ports, () => state?.views ?? []),
    stop() {
      clearInterval(clock);
      stopTicks();
      for (const fn of unwatch) fn();
    },
  };
}
