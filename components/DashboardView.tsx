import type { DashboardState } from '@/lib/ui/dashboard-state';
import type { IntervalSec } from '@/lib/settings';
import type { ProviderId } from '@/lib/model';
import type { ComponentChildren } from 'preact';
import { ProviderPanel } from './ProviderPanel';
import { Toolbar } from './Toolbar';
import { LaneFooter } from './LaneFooter';
import { LiveAnnouncer } from './LiveAnnouncer';
import { SettingsForm } from './SettingsForm';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { StatusLabel } from './StatusLabel';
import { useUi } from './UiContext';
import { levelLabel } from '@/lib/format';

/** Props of `DashboardView`. */
export interface DashboardViewProps {
  state: DashboardState;
  onRefresh: () => Promise<unknown>;
  onCopy: () => Promise<void>;
  onInterval: (value: IntervalSec) => void;
  onToggleStar?: (provider: ProviderId, componentId: string) => void;
  onWhenBack?: (provider: ProviderId, on: boolean) => void;
  /** Asks again for a service's host permission. */
  onGrant?: (provider: ProviderId) => void;
  /** Extra per-provider sections (uptime, timeline). */
  renderExtras?: (provider: ProviderId) => ComponentChildren;
  /** Extra settings sections (notifications), rendered with the current signals. */
  renderSettingsExtras?: () => ComponentChildren;
}

/** The full-tab dashboard: a grid of every watched service (stacked on narrow screens) and the settings. */
export function DashboardView({ state, onRefresh, onCopy, onInterval, onToggleStar, onWhenBack, onGrant, renderExtras, renderSettingsExtras }: DashboardViewProps) {
  const { t } = useUi();
  const views = state.views.value;
  const now = state.now.value;
  const settings = state.settings.value;
  return (
    <div class="dashboard">
      <header class="dashboard__header">
        <div>
          <h1 class="dashboard__title">{t('dashboardHeading')}</h1>
          <p class="dashboard__subtitle">{t('dashboardSubtitle')}</p>
        </div>
        <div class="dashboard__overall">
          <StatusLabel level={state.overall.value} loading={views.length > 0 && views.every((v) => v.loading)} />
          {state.focus.value !== state.overall.value && !views.every((v) => v.loading) && (
            <p class="panel__yours">{t('yourComponentsOk', levelLabel(state.focus.value, t))}</p>
          )}
        </div>
        <Toolbar onRefresh={onRefresh} onCopy={onCopy} />
      </header>
      <main class="board board--full">
        {views.map((view) => (
          <PanelErrorBoundary provider={view.info.id} key={view.info.id}>
            <ProviderPanel
              view={view}
              now={now}
              variant="full"
              starred={settings.starred[view.info.id]}
              onToggleStar={onToggleStar ? (id) => onToggleStar(view.info.id, id) : undefined}
              whenBack={settings.notifications.whenBack[view.info.id] === true}
              whenBackBlocked={!settings.notifications.enabled}
              onWhenBack={onWhenBack ? (on) => onWhenBack(view.info.id, on) : undefined}
              onGrant={onGrant && view.noAccess ? () => onGrant(view.info.id) : undefined}
            >
              {renderExtras?.(view.info.id)}
            </ProviderPanel>
          </PanelErrorBoundary>
        ))}
      </main>
      <footer class="dashboard__footer">
        <div class="dashboard__settings">
          <SettingsForm intervalSec={settings.intervalSec} onInterval={onInterval} />
          {renderSettingsExtras?.()}
        </div>
        <LaneFooter lane={state.lane.value} intervalSec={settings.intervalSec} lastCheckAt={state.pollState.value.lastDoneAt} now={now} />
      </footer>
      <LiveAnnouncer views={views} />
    </div>
  );
}
