import type { ProviderHistoryView } from '@/lib/ui/history-view';
import type { ComponentStatus } from '@/lib/model';
import { UptimeStrip } from './UptimeStrip';
import { Timeline } from './Timeline';
import { useUi } from './UiContext';

/**
 * The dashboard's history sections of one provider: uptime (overall, and per component in a
 * folded section whose strips are in the DOM even while it is closed) and the timeline.
 */
export function HistoryPanel({ history, components, pageUrl, now }: { history: ProviderHistoryView; components: readonly ComponentStatus[]; pageUrl: string; now: number }) {
  const { t } = useUi();
  const perComponent = components.filter((c) => history.components[c.id]);
  return (
    <div class="history">
      {history.uptime ? <UptimeStrip uptime={history.uptime} title={t('uptimeTitle')} now={now} /> : <p class="incidents__none">{t('uptimeNone')}</p>}
      {perComponent.length > 0 && (
        <details class="components__ok">
          <summary>{t('uptimeByComponent', String(perComponent.length))}</summary>
          <ul class="uptime__components">
            {perComponent.map((c) => (
              <li key={c.id}>
                <UptimeStrip uptime={history.components[c.id]!} title={c.name} componentId={c.id} now={now} compact />
              </li>
            ))}
          </ul>
        </details>
      )}
      <Timeline incidents={history.timeline} pageUrl={pageUrl} now={now} />
    </div>
  );
}
