import type { Uptime } from '@/lib/model';
import { duration, levelLabel } from '@/lib/format';
import { percent } from '@/lib/ui/uptime-format';
import { useUi } from './UiContext';

const SOURCE_KEY = { official: 'uptimeSourceOfficial', incidents: 'uptimeSourceIncidents', observed: 'uptimeSourceObserved' } as const;

/** 30/90-day uptime with a 90-day bar strip, always saying where the figure comes from. */
export function UptimeStrip({ uptime, title, compact = false }: { uptime: Uptime; title: string; compact?: boolean }) {
  const { t, locale } = useUi();
  const problemDays = uptime.days.filter((d) => d.level === 'outage' || d.level === 'degraded');
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(uptime.coversDays);
  const source = t(SOURCE_KEY[uptime.source], days);
  return (
    <div class={`uptime${compact ? ' uptime--compact' : ''}`} data-uptime-source={uptime.source} data-uptime-days={uptime.coversDays}>
      <p class="uptime__head">
        <span class="uptime__title">{title}</span>
        <span class="uptime__figures">
          {t('uptime30', percent(uptime.percent30d, locale))} · {t('uptime90', percent(uptime.percent90d, locale))}
        </span>
      </p>
      <div class="uptime__bars" role="img" aria-label={`${title}: ${t('uptimeSummary', [String(problemDays.length), String(uptime.days.length)])}. ${source}`}>
        {uptime.days.map((d) => {
          const parts = [d.date, levelLabel(d.level, t)];
          if (d.outageMinutes) parts.push(t('uptimeOutageFor', duration(d.outageMinutes * 60_000, locale)));
          if (d.degradedMinutes) parts.push(t('uptimeDegradedFor', duration(d.degradedMinutes * 60_000, locale)));
          return <span key={d.date} class={`uptime__bar uptime__bar--${d.level}`} title={[parts.join(' · '), ...d.incidents].join('\n')} aria-hidden="true" />;
        })}
      </div>
      {!compact && <p class="uptime__source">{source}</p>}
    </div>
  );
}
