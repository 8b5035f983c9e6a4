import type { DayBar, Uptime } from '@/lib/model';
import type { Translate } from '@/lib/i18n';
import { duration, levelLabel } from '@/lib/format';
import { day, percent, percentAttr } from '@/lib/ui/uptime-format';
import { useUi } from './UiContext';

const DAY_MS = 86_400_000;

/** Is an official figure older than a day (then its date is shown)? */
function oldOfficial(uptime: Uptime, now: number): boolean {
  return uptime.source === 'official' && typeof uptime.asOf === 'number' && now - uptime.asOf > DAY_MS;
}

/** Where the figure comes from, in a few words: shown on every strip, compact ones included. */
export function sourceLabel(uptime: Uptime, t: Translate, locale: string, now: number): string {
  if (uptime.source === 'official') return oldOfficial(uptime, now) ? t('uptimeLabelOfficialAsOf', day(uptime.asOf! - 1, locale)) : t('uptimeLabelOfficial');
  if (uptime.source === 'incidents') return t('uptimeLabelIncidents');
  return uptime.since ? t('uptimeLabelObserved', day(uptime.since, locale)) : t('uptimeLabelObservedNoDate');
}

/** The longer sentence under a provider's strip: source, coverage, and what the figure is. */
function sourceDetail(uptime: Uptime, t: Translate, locale: string, now: number): string[] {
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(uptime.coversDays);
  const key = { official: 'uptimeSourceOfficial', incidents: 'uptimeSourceIncidents', observed: 'uptimeSourceObserved' }[uptime.source];
  const parts = [t(key, days)];
  if (oldOfficial(uptime, now)) parts.push(t('uptimeAsOf', day(uptime.asOf! - 1, locale)));
  if (uptime.since && uptime.source !== 'observed') parts.push(t('uptimeSinceDate', day(uptime.since, locale)));
  const lines = [parts.join(' · ')];
  const basis = uptime.basis;
  if (basis?.method === 'mean' && basis.components > 0) {
    const about = [t('uptimeAverage', String(basis.components))];
    const { worst30, worst90 } = basis;
    // A component the page rates but its summary does not list (incident.io's summary stops at 25).
    const name = (w: { id: string; name: string }) => w.name || t('uptimeUnlisted');
    if (worst30 && worst90 && worst30.id === worst90.id) about.push(t('uptimeLowestBoth', [name(worst90), percent(worst30.percent, locale), percent(worst90.percent, locale)]));
    else {
      if (worst90) about.push(t('uptimeLowest90', [name(worst90), percent(worst90.percent, locale)]));
      if (worst30) about.push(t('uptimeLowest30', [name(worst30), percent(worst30.percent, locale)]));
    }
    lines.push(about.join(' · '));
  } else if (basis?.method === 'own') lines.push(t('uptimeOwn'));
  if (uptime.uncounted) lines.push(t('uptimeUncounted', String(uptime.uncounted)));
  return lines;
}

/** A duration from seconds, as the status pages round it (any outage is at least a minute). */
function seconds(s: number, locale: string): string {
  return duration(s > 0 && s < 60 ? 60_000 : s * 1000, locale);
}

/** A bar's tooltip: "2026-10-08 · Outage · 54m major outage · 2h 10m partial outage · <event>". */
export function dayTitle(d: DayBar, t: Translate, locale: string): string {
  if (d.noData) return [d.date, t('uptimeNoData'), ...d.incidents].join(' · ');
  const parts = [d.date, levelLabel(d.level, t)];
  if (d.majorSeconds !== undefined || d.partialSeconds !== undefined) {
    if (d.majorSeconds) parts.push(t('uptimeMajorFor', seconds(d.majorSeconds, locale)));
    if (d.partialSeconds) parts.push(t('uptimePartialFor', seconds(d.partialSeconds, locale)));
    if (d.degradedSeconds) parts.push(t('uptimeDegradedPerfFor', seconds(d.degradedSeconds, locale)));
  } else {
    if (d.outageMinutes) parts.push(t('uptimeOutageFor', duration(d.outageMinutes * 60_000, locale)));
    if (d.degradedMinutes) parts.push(t('uptimeDegradedFor', duration(d.degradedMinutes * 60_000, locale)));
  }
  return [...parts, ...d.incidents].join(' · ');
}

/** One bar of the strip: a day, or a run of consecutive plain days drawn as one bar. */
interface Bar {
  key: string;
  cls: string;
  title: string;
  days: number;
}

const plain = (d: DayBar) => !d.noData && d.incidents.length === 0 && !d.outageMinutes && !d.degradedMinutes && !d.majorSeconds && !d.partialSeconds && !d.degradedSeconds;

/**
 * The strip's bars: a day with anything to tell is a bar of its own; consecutive plain days (same
 * level, nothing else) are one bar spanning them, drawn with the same day marks by CSS — a mostly
 * green 90-day strip is a handful of elements instead of 90 (the dashboard draws one per component).
 */
export function stripBars(days: readonly DayBar[], t: Translate, locale: string): Bar[] {
  const bars: (Bar & { level: string; from: string })[] = [];
  for (const d of days) {
    const cls = `uptime__bar uptime__bar--${d.noData ? 'nodata' : d.level}`;
    const last = bars.at(-1);
    if (plain(d) && last && last.days > 0 && last.level === d.level && last.key.startsWith('run:')) {
      last.days++;
      last.title = [`${last.from} – ${d.date}`, levelLabel(d.level, t)].join(' · ');
      continue;
    }
    bars.push({ key: plain(d) ? `run:${d.date}` : d.date, cls, title: dayTitle(d, t, locale), days: 1, level: d.level, from: d.date });
  }
  return bars.map(({ key, cls, title, days: n }) => ({ key, cls: n > 1 ? `${cls} uptime__bar--run` : cls, title, days: n }));
}

/**
 * 30/90-day uptime with a 90-day bar strip, always saying where the figure comes from. Carries the
 * test contract: `data-uptime-source`, `data-uptime-days`, `data-uptime-30`/`-90` (the figures
 * shown, absent when a window is not covered) and, for a component, `data-component-id`.
 */
export function UptimeStrip({
  uptime,
  title,
  compact = false,
  componentId,
  now = Date.now(),
}: {
  uptime: Uptime;
  title: string;
  compact?: boolean;
  componentId?: string;
  now?: number;
}) {
  const { t, locale } = useUi();
  const problemDays = uptime.days.filter((d) => !d.noData && (d.level === 'outage' || d.level === 'degraded'));
  const label = sourceLabel(uptime, t, locale, now);
  const since = uptime.percentSince !== null && uptime.percentSince !== undefined && uptime.since ? t('uptimeSinceFigure', [day(uptime.since, locale), percent(uptime.percentSince, locale)]) : null;
  return (
    <div
      class={`uptime${compact ? ' uptime--compact' : ''}`}
      data-uptime-source={uptime.source}
      data-uptime-days={uptime.coversDays}
      data-uptime-30={percentAttr(uptime.percent30d)}
      data-uptime-90={percentAttr(uptime.percent90d)}
      data-component-id={componentId}
    >
      <p class="uptime__head">
        <span class="uptime__title">{title}</span>
        <span class={`uptime__label uptime__label--${uptime.source}`}>{label}</span>
        <span class="uptime__figures">
          {t('uptime30', percent(uptime.percent30d, locale))} · {t('uptime90', percent(uptime.percent90d, locale))}
          {since && ` · ${since}`}
        </span>
      </p>
      <div class="uptime__bars" role="img" aria-label={`${title}: ${t('uptimeSummary', [String(problemDays.length), String(uptime.days.length)])}. ${label}`}>
        {stripBars(uptime.days, t, locale).map((b) => (
          <span key={b.key} class={b.cls} title={b.title} aria-hidden="true" data-days={b.days} style={b.days > 1 ? `grid-column: span ${b.days}; --n: ${b.days}` : undefined} />
        ))}
      </div>
      {!compact &&
        sourceDetail(uptime, t, locale, now).map((line, i) => (
          <p key={i} class={i === 0 ? 'uptime__source' : 'uptime__basis'}>
            {line}
          </p>
        ))}
    </div>
  );
}
