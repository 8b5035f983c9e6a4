import { useEffect, useMemo } from 'preact/hooks';
import { effect } from '@preact/signals';
import type { UiPorts } from '@/lib/ui/browser-ports';
import { createDashboardState } from '@/lib/ui/dashboard-state';
import { createHistoryState } from '@/lib/ui/history-state';
import { startViewRuntime } from '@/lib/ui/view-runtime';
import { pageTitle } from '@/lib/ui/page-title';
import { faviconUrl } from '@/lib/ui/favicon';
import { withInterval, withNotifications, withStarToggled, withWhenBack } from '@/lib/ui/settings-actions';
import { DashboardView } from './DashboardView';
import { HistoryPanel } from './HistoryPanel';
import { NotificationSettings } from './NotificationSettings';
import { UiContext } from './UiContext';

/** The dashboard as an app: state, history, settings actions, tab title and favicon, and the view. */
export function DashboardApp({ ports, doc = document }: { ports: UiPorts; doc?: Document }) {
  const app = useMemo(() => {
    const state = createDashboardState(ports.store, {}, ports.now());
    const runtime = startViewRuntime(state, ports);
    return { state, runtime, histories: createHistoryState(state) };
  }, [ports]);
  const { state, runtime, histories } = app;
  const save = runtime.actions.save;
  useEffect(() => {
    const stopTitle = effect(() => {
      const { title, level } = pageTitle(state.views.value, ports.t);
      doc.title = title;
      doc.getElementById('favicon')?.setAttribute('href', faviconUrl(level));
    });
    return () => {
      stopTitle();
      runtime.stop();
    };
  }, [app]);
  const settings = () => state.settings.value;
  return (
    <UiContext.Provider value={{ t: ports.t, locale: ports.locale }}>
      <DashboardView
        state={state}
        onRefresh={runtime.actions.refresh}
        onCopy={runtime.actions.copy}
        onInterval={(value) => void save(withInterval(settings(), value))}
        onToggleStar={(provider, id) => void save(withStarToggled(settings(), provider, id))}
        onWhenBack={(provider, on) => void save(withWhenBack(settings(), provider, on))}
        renderExtras={(id) => {
          const view = state.views.value.find((v) => v.info.id === id);
          const history = histories.value[id];
          return view && history ? <HistoryPanel history={history} components={view.status?.components ?? []} pageUrl={view.info.pageUrl} now={state.now.value} /> : null;
        }}
        renderSettingsExtras={() => (
          <NotificationSettings
            settings={state.settings.value.notifications}
            providers={state.views.value.map((v) => v.info)}
            onChange={(next) => void save(withNotifications(settings(), next))}
          />
        )}
      />
    </UiContext.Provider>
  );
}
