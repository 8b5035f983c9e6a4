import type { ProviderHistoryView } from '@/lib/ui/history-view';
import type { ComponentStatus } from '@/lib/model';
import { percent } from '@/lib/ui/uptime-format';
import { UptimeStrip } from './UptimeStrip';
import { Timeline } from './Timeline';
import { useUi } from './UiContext';

/** The dashboard's history sections of one provider: uptime (overall and per component) and timeline. */
export function HistoryPanel({ history, components, pageUrl, now }: { history: ProviderHistoryView; components: readonly ComponentStatus[]; pageUrl: string; now: number }) {
  const { t, locale } = useUi();
  const perComponent = components.filter((c) => history.components[c.id]);
  return (
    <div class="history">
      {history.uptime ? <UptimeStrip uptime={history.uptime} title={t('uptimeTitle')} /> : <p class="incidents__none">{t('uptimeNone')}</p>}
      {perComponent.length > 0 && (
        <details class="components__ok">
          <summary>{t('uptimeByComponent', String(perComponent.length))}</summary>
          <ul class="uptime__components">
            {perComponent.map((c) => (
              <li key={c.id} data-uptime-component-id={c.id}>
                <UptimeStrip uptime={history.components[c.id]!} title={c.name} compact />
                <span class="sr-only">{percent(history.components[c.id]!.percent90d, locale)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <Timeline incidents={history.timeline} pageUrl={pageUrl} now={now} />
    </div>
  );
}
