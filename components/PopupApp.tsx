import { useEffect, useMemo } from 'preact/hooks';
import { useSignals } from '@/lib/ui/use-signals';
import type { UiPorts } from '@/lib/ui/browser-ports';
import { createDashboardState } from '@/lib/ui/dashboard-state';
import { readRecentHistory } from '@/lib/ui/recent-incidents';
import { startViewRuntime } from '@/lib/ui/view-runtime';
import { PopupView } from './PopupView';
import { UiContext } from './UiContext';

/** The popup as an app: state over the ports' store, the clock and ticks, and the view. */
export function PopupApp({ ports }: { ports: UiPorts }) {
  const { state, runtime } = useMemo(() => {
    const state = createDashboardState(ports.store, { history: readRecentHistory }, ports.now());
    return { state, runtime: startViewRuntime(state, ports) };
  }, [ports]);
  useEffect(() => runtime.stop, [runtime]);
  // Everything the popup draws (it does not load the Preact signals integration).
  useSignals(() => {
    void state.views.value;
    void state.overall.value;
    void state.focus.value;
    void state.history.value;
    void state.settings.value;
  });
  return (
    <UiContext.Provider value={{ t: ports.t, locale: ports.locale }}>
      <PopupView
        state={state}
        onRefresh={runtime.actions.refresh}
        onCopy={runtime.actions.copy}
        onOpenDashboard={() => void ports.openDashboard().then(ports.close)}
      />
    </UiContext.Provider>
  );
}
