/**
 * What every view runs besides drawing: a one-second clock for relative times, the live-lane
 * ticker, and the actions behind the toolbar buttons.
 */
import type { DashboardState } from './dashboard-state';
import type { UiPorts } from './browser-ports';
import { startLiveTicks } from './live-ticks';
import { statusMarkdown } from './copy-status';
import { computed } from '@preact/signals';

/** Actions a view's buttons call. */
export interface ViewActions {
  refresh(): Promise<unknown>;
  copy(): Promise<void>;
}

/** Starts the clock and ticker; returns the actions and a stop function. */
export function startViewRuntime(state: DashboardState, ports: UiPorts): { actions: ViewActions; stop: () => void } {
  const clock = setInterval(() => {
    state.now.value = Date.now();
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
      copy: () => navigator.clipboard.writeText(statusMarkdown(state.views.value, ports.t, Date.now(), ports.locale)),
    },
    stop: () => {
      clearInterval(clock);
      stopTicks();
    },
  };
}
