import { render } from 'preact';
import { effect } from '@preact/signals';
import { DashboardView } from '@/components/DashboardView';
import { HistoryPanel } from '@/components/HistoryPanel';
import { NotificationSettings } from '@/components/NotificationSettings';
import { UiContext } from '@/components/UiContext';
import { createDashboardState } from '@/lib/ui/dashboard-state';
import { browserPorts } from '@/lib/ui/browser-ports';
import { startViewRuntime } from '@/lib/ui/view-runtime';
import { FULL_READERS } from '@/lib/ui/view-sanitize';
import { faviconUrl } from '@/lib/ui/favicon';
import { createHistoryState } from '@/lib/ui/history-state';
import { withInterval, withNotifications, withStarToggled, withWhenBack } from '@/lib/ui/settings-actions';
import { levelLabel } from '@/lib/format';
import { PROVIDER_INFO } from '@/lib/providers/catalog';
import { KEYS, SETTINGS_VERSION } from '@/lib/storage-keys';
import type { Settings } from '@/lib/settings';
import '@/components/styles.css';

const ports = browserPorts();
const state = createDashboardState(ports.store, FULL_READERS);
const { actions } = startViewRuntime(state, ports);
const histories = createHistoryState(state);
const save = (next: Settings) => void ports.store.set(KEYS.settings, next, SETTINGS_VERSION);
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
      onInterval={(value) => save(withInterval(state.settings.value, value))}
      onToggleStar={(provider, id) => save(withStarToggled(state.settings.value, provider, id))}
      onWhenBack={(provider, on) => save(withWhenBack(state.settings.value, provider, on))}
      renderExtras={(id) => {
        const view = state.views.value.find((v) => v.info.id === id)!;
        return <HistoryPanel history={histories.value[id]!} components={view.status?.components ?? []} pageUrl={view.info.pageUrl} now={state.now.value} />;
      }}
      renderSettingsExtras={() => (
        <NotificationSettings
          settings={state.settings.value.notifications}
          providers={PROVIDER_INFO}
          onChange={(next) => save(withNotifications(state.settings.value, next))}
        />
      )}
    />
  </UiContext.Provider>,
  document.getElementById('app')!,
);
