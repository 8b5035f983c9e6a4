import type { DashboardState } from '@/lib/ui/dashboard-state';
import { ProviderPanel } from './ProviderPanel';
import { Toolbar } from './Toolbar';
import { LiveAnnouncer } from './LiveAnnouncer';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { PopupHeader } from './PopupHeader';
import { HistorySummary } from './HistorySummary';
import { recentIncidents } from '@/lib/ui/recent-incidents';

/** Props of `PopupView`. */
export interface PopupViewProps {
  state: DashboardState;
  onRefresh: () => Promise<unknown>;
  onCopy: () => Promise<void>;
  onOpenDashboard: () => void;
}

/** The popup: three compact panels and actions (the refresh lane is shown on the dashboard). */
export function PopupView({ state, onRefresh, onCopy, onOpenDashboard }: PopupViewProps) {
  const views = state.views.value;
  const now = state.now.value;
  return (
    <main class="popup">
      <PopupHeader level={state.overall.value} loading={views.every((v) => v.loading)} />
      <Toolbar onRefresh={onRefresh} onCopy={onCopy} onOpenDashboard={onOpenDashboard} />
      <div class="board board--compact">
        {views.map((view) => (
          <PanelErrorBoundary provider={view.info.id} key={view.info.id}>
            <ProviderPanel view={view} now={now} variant="compact" starred={state.settings.value.starred[view.info.id]}>
              <HistorySummary {...recentIncidents(view.status, state.history.value[view.info.id], now)} now={now} />
            </ProviderPanel>
          </PanelErrorBoundary>
        ))}
      </div>
      <LiveAnnouncer views={views} />
    </main>
  );
}
