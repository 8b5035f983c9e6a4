import { render } from 'preact';
import { PopupView } from '@/components/PopupView';
import { UiContext } from '@/components/UiContext';
import { createDashboardState } from '@/lib/ui/dashboard-state';
import { browserPorts } from '@/lib/ui/browser-ports';
import { startViewRuntime } from '@/lib/ui/view-runtime';
import { readRecentHistory } from '@/lib/ui/recent-incidents';
import '@/components/styles.css';

const ports = browserPorts();
const state = createDashboardState(ports.store, { history: readRecentHistory });
const { actions } = startViewRuntime(state, ports);
document.documentElement.lang = ports.locale;

render(
  <UiContext.Provider value={{ t: ports.t, locale: ports.locale }}>
    <PopupView state={state} onRefresh={actions.refresh} onCopy={actions.copy} onOpenDashboard={() => void ports.openDashboard().then(() => window.close())} />
  </UiContext.Provider>,
  document.getElementById('app')!,
);
