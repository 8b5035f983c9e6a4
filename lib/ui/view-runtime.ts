/**
 * What every view runs besides drawing: a one-second clock for relative times, the live-lane
 * ticker, and the actions behind the toolbar buttons.
 */
import type { DashboardState } from './dashboard-state';
import type { UiPorts } from './browser-ports';
import { startViewTicks } from './live-ticks';
import { computed } from '@preact/signals-core';
import type { Settings } from '../settings';
import { toolbarActions, type ToolbarActions } from './copy-status';

/** Actions a view's buttons call. */
export interface ViewActions extends ToolbarActions {
  /** Hands new settings to the background, the only writer. */
  save(settings: Settings): Promise<unknown>;
}

/** Starts the clock and ticker; returns the actions and a stop function (called when the app unmounts). */
export function startViewRuntime(state: DashboardState, ports: UiPorts): { actions: ViewActions; stop: () => void } {
  const clock = setInterval(() => {
    state.now.value = ports.now();
  }, 1000);
  const stopTicks = startViewTicks(
    ports.send,
    computed(() => state.settings.value.intervalSec),
  );
  return {
    actions: {
      ...toolbarActions(ports, () => state.views.value),
      save: (settings) => ports.send({ type: 'save-settings', settings }),
    },
    stop: () => {
      clearInterval(clock);
      stopTicks();
    },
  };
}
