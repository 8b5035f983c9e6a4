import { useEffect, useMemo } from 'preact/hooks';
import { effect } from '@preact/signals';
import type { UiPorts } from '@/lib/ui/browser-ports';
import { createDashboardState, type HistoryReaders } from '@/lib/ui/dashboard-state';
import { historyRecord, pollRecord } from '@/lib/records/live';
import { observedRecord, officialUptimeRecord } from '@/lib/records/past';
import { createHistoryState } from '@/lib/ui/history-state';
import { startViewRuntime } from '@/lib/ui/view-runtime';
import { pageTitle } from '@/lib/ui/page-title';
import { faviconUrl } from '@/lib/ui/favicon';
import { withInterval, withMoved, withNotifications, withStarToggled, withWhenBack } from '@/lib/ui/settings-actions';
import { createServiceActions } from '@/lib/ui/services';
import { DashboardView } from './DashboardView';
import { HistoryPanel } from './HistoryPanel';
import { Pure } from './Pure';
import { NotificationSettings } from './NotificationSettings';
import { ServicesSettings } from './ServicesSettings';
import { UiContext } from './UiContext';

/** A stable empty list: a service without a snapshot keeps the same `components` between ticks. */
const NO_COMPONENTS: readonly never[] = [];

/** What the dashboard reads besides the live records: every history record with its full reader. */
export const DASHBOARD_RECORDS: HistoryReaders = { history: historyRecord.read, officialUptime: officialUptimeRecord, observed: observedRecord, poll: pollRecord };

/** The dashboard as an app: state, history, settings actions, tab title and favicon, and the view. */
export function DashboardApp({ ports, doc = document }: { ports: UiPorts; doc?: Document }) {
  const app = useMemo(() => {
    const state = createDashboardState(ports.store, DASHBOARD_RECORDS, ports.now());
    const runtime = startViewRuntime(state, ports);
    const services = createServiceActions(ports, () => state.settings.value, runtime.actions.save);
    return { state, runtime, services, histories: createHistoryState(state) };
  }, [ports]);
  const { state, runtime, histories, services } = app;
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
  // Drawn once with the stored data, not first as "Checking…" everywhere: the whole page's first
  // render takes about as long as those answers, and would delay the render that shows them.
  // Watching `ready` here asks for them. History, uptime and the lane footer follow as their records answer.
  if (!state.ready.value) return null;
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
        onGrant={(provider) => {
          const view = state.views.value.find((v) => v.info.id === provider);
          if (view) services.grant(view.info);
        }}
        renderExtras={(id) => {
          const view = state.views.value.find((v) => v.info.id === id);
          const history = histories.value[id];
          if (!view || !history) return null;
          // Minute by minute, like the history views themselves (lib/ui/history-state.ts).
          const minute = Math.floor(state.now.value / 60_000) * 60_000;
          const components = view.status?.components ?? NO_COMPONENTS;
          return (
            <Pure deps={[history, components, view.info.pageUrl, minute]}>
              {() => <HistoryPanel history={history} components={components} pageUrl={view.info.pageUrl} now={minute} />}
            </Pure>
          );
        }}
        renderSettingsExtras={() => {
          // Read here, in the view's render: the settings redraw only when these change, not every second.
          const current = state.settings.value;
          const error = services.error.value;
          const add = services.add.value;
          const shown = state.views.value.map((v) => v.info);
          return (
            <Pure deps={[current, error, add]}>
              {() => (
                <>
                  <ServicesSettings
                    shown={shown}
                    custom={current.custom}
                    error={error}
                    add={add}
                    onToggle={services.toggle}
                    onMove={(id, by) => void save(withMoved(settings(), id, by))}
                    onPreview={services.preview}
                    onAdd={services.confirmAdd}
                    onCancelAdd={services.cancelAdd}
                    onRemove={services.remove}
                  />
                  <NotificationSettings
                    settings={current.notifications}
                    providers={shown}
                    onChange={(next) => void save(withNotifications(settings(), next))}
                  />
                </>
              )}
            </Pure>
          );
        }}
      />
    </UiContext.Provider>
  );
}
