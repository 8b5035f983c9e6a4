/**
 * What every view runs besides drawing: a one-second clock for relative times, the live-lane
 * ticker, and the actions behind the toolbar buttons.
 */
import type { DashboardState } from './dashboard-state';
import type { UiPorts } from './browser-ports';
import { startLiveTicks } from './live-ticks';
import { computed } from '@preact/signals-core';
import type { Settings } from '../settings';
import { statusMarkdown } from './copy-status';

/** Actions a view's buttons call. */
export interface ViewActions {
  refresh(): Promise<unknown>;
  copy(): Promise<void>;
  /** Hands new settings to the background, the only writer. */
  save(settings: Settings): Promise<unknown>;
}

/** Starts the clock and ticker; returns the actions and a stop function (called when the app unmounts). */
export function startViewRuntime(state: DashboardState, ports: UiPorts): { actions: ViewActions; stop: () => void } {
  const clock = setInterval(() => {
    state.now.value = ports.now();
  }, 1000);
  const stopTicks = startLiveTicks({
    intervalSec: computed(() => state.settings.value.intervalSec),
    send: () => {
      ports.send({ type: 'tick' }).catch(() => undefined);
    },
    doc: document,
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
  });
  return {
    actions: {
      refresh: () => ports.send({ type: 'refresh' }),
      copy: () => navigator.clipboard.writeText(statusMarkdown(state.views.value, ports.t, ports.now(), ports.locale)),
      save: (settings) => ports.send({ type: 'save-settings', settings }),
    },
    stop: () => {
      clearInterval(clock);
      stopTicks();
    },
  };
}
