import type { PopupState } from '@/lib/ui/popup-state';
import type { ProviderView } from '@/lib/status';
import { levelSeverity } from '@/lib/levels';
import { ProviderPanel } from './ProviderPanel';
import { Toolbar } from './Toolbar';
import { LiveAnnouncer } from './LiveAnnouncer';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { PopupHeader } from './PopupHeader';
import { HistorySummary } from './HistorySummary';
import { StatusLabel } from './StatusLabel';
import { recentIncidents } from '@/lib/ui/recent-incidents';

/** Props of `PopupView`. */
export interface PopupViewProps {
  state: PopupState;
  onRefresh: () => Promise<unknown>;
  onCopy: () => Promise<void>;
  onOpenDashboard: () => void;
}

/** Up to this many services, every one gets a compact panel (the three defaults' view). */
const ALL_PANELS_UP_TO = 3;

const healthy = (v: ProviderView) => !v.loading && v.level === 'operational';

/**
 * The popup: services in trouble first as compact panels, then — when more than three are watched —
 * the healthy ones as one-line rows, so it stays quick to scan (the lane is shown on the dashboard).
 */
export function PopupView({ state, onRefresh, onCopy, onOpenDashboard }: PopupViewProps) {
  const { views, now } = state;
  const many = views.length > ALL_PANELS_UP_TO;
  // Stable sort: the user's order within the same severity.
  const ordered = many ? [...views].sort((a, b) => Number(healthy(a)) - Number(healthy(b)) || levelSeverity(b.level) - levelSeverity(a.level)) : views;
  const panels = many ? ordered.filter((v) => !healthy(v)) : ordered;
  const rows = many ? ordered.filter(healthy) : [];
  const loading = views.length > 0 && views.every((v) => v.loading);
  return (
    <main class="popup">
      <PopupHeader level={state.overall} focus={state.focus} loading={loading} />
      <Toolbar onRefresh={onRefresh} onCopy={onCopy} onOpenDashboard={onOpenDashboard} />
      <div class="board board--compact">
        {panels.map((view) => (
          <PanelErrorBoundary provider={view.info.id} key={view.info.id}>
            <ProviderPanel view={view} now={now} variant="compact" starred={state.settings.starred[view.info.id]} onGrant={view.noAccess ? onOpenDashboard : undefined}>
              {state.history && <HistorySummary {...recentIncidents(view.status, state.history[view.info.id], now)} now={now} />}
            </ProviderPanel>
          </PanelErrorBoundary>
        ))}
      </div>
      {rows.length > 0 && (
        <ul class="popup-rows">
          {rows.map((view) => (
            <li class="popup-row" key={view.info.id} data-provider={view.info.id} data-status={view.level}>
              <span class="popup-row__name">{view.info.name}</span>
              <StatusLabel level={view.level} />
            </li>
          ))}
        </ul>
      )}
      <LiveAnnouncer views={views} />
    </main>
  );
}
