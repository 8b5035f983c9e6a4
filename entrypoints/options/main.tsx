import { render } from 'preact';
import { effect } from '@preact/signals';
import { DashboardView } from '@/components/DashboardView';
import { UiContext } from '@/components/UiContext';
import { createDashboardState } from '@/lib/ui/dashboard-state';
import { browserPorts } from '@/lib/ui/browser-ports';
import { startViewRuntime } from '@/lib/ui/view-runtime';
import { faviconUrl } from '@/lib/ui/favicon';
import { levelLabel } from '@/lib/format';
import { KEYS, SETTINGS_VERSION } from '@/lib/storage-keys';
import '@/components/styles.css';

const ports = browserPorts();
const state = createDashboardState(ports.store);
const { actions } = startViewRuntime(state, ports);
document.documentElement.lang = ports.locale;

effect(() => {
  const level = state.overall.value;
  const loading = state.views.value.every((v) => v.loading);
  document.title = loading ? ports.t('extName') : ports.t('overallTitle', levelLabel(level, ports.t));
  document.getElementById('favicon')?.setAttribute('href', faviconUrl(loading ? 'unknown' : level));
});

render(
  <UiContext.Provider value={{ t: ports.t, locale: ports.locale }}>
    <DashboardView
      state={state}
      onRefresh={actions.refresh}
      onCopy={actions.copy}
      onInterval={(intervalSec) => void ports.store.set(KEYS.settings, { ...state.settings.value, intervalSec }, SETTINGS_VERSION)}
    />
  </UiContext.Provider>,
  document.getElementById('app')!,
);
