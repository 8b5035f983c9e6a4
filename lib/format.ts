/** Formatting shared by the badge and the views: level labels, relative times, durations. */
import { levelSeverity, type Level } from './levels';
import type { Translate } from './i18n';
import type { FetchError } from './model';
import type { ProviderView } from './status';

const LEVEL_KEY: Record<Level, string> = {
  operational: 'levelOperational',
  degraded: 'levelDegraded',
  outage: 'levelOutage',
  maintenance: 'levelMaintenance',
  unknown: 'levelUnknown',
};

/** The text label of a level ("Operational", "정상 작동"…). */
export function levelLabel(level: Level, t: Translate): string {
  return t(LEVEL_KEY[level]);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "3 seconds ago", "in 2 minutes", "3초 전" — with `Intl.RelativeTimeFormat`. */
export function relativeTime(at: number, now: number, locale: string): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  if (abs < 1_000) return rtf.format(0, 'second');
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === 'second') return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, 'second');
}

/** A duration like "2 h 5 min" / "2시간 5분", localized through `Intl.NumberFormat` units. */
export function duration(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const fmt = (value: number, unit: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(value);
  if (minutes < 60) return fmt(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${fmt(hours, 'hour')} ${fmt(minutes % 60, 'minute')}` : fmt(hours, 'hour');
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${fmt(days, 'day')} ${fmt(hours % 24, 'hour')}` : fmt(days, 'day');
}

/** A date and time in the user's locale, short. */
export function dateTime(iso: string | number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The short, human reason of a fetch error ("Server error (HTTP 503)"). */
export function errorReason(error: FetchError, t: Translate): string {
  const kind = t(`errorKind_${error.kind.replace('-', '_')}`);
  return error.httpStatus && error.httpStatus !== 200 ? `${kind} (HTTP ${error.httpStatus})` : kind;
}

/** Names of the components at the provider's worst problem level, at most `max` ("IDE, CLI"). */
export function worstComponentNames(view: Pick<ProviderView, 'status'>, max = 2): string {
  const problems = (view.status?.components ?? []).filter((c) => c.level === 'outage' || c.level === 'degraded' || c.level === 'unknown');
  if (!problems.length) return '';
  const worst = Math.max(...problems.map((c) => levelSeverity(c.level)));
  const names = problems.filter((c) => levelSeverity(c.level) === worst).map((c) => c.name);
  return names.length > max ? `${names.slice(0, max).join(', ')} +${names.length - max}` : names.join(', ');
}

/**
 * One provider in one line, stating the provider's own state — never the starred subset alone:
 * "Cursor: Outage (IDE) · your components: Operational · Checked 3 seconds ago", or after a failed
 * check "Claude: Unknown · check failed (Server error (HTTP 500)) · data from 5 minutes ago".
 */
export function providerLine(view: ProviderView, t: Translate, now: number, locale: string): string {
  const parts: string[] = [];
  if (view.loading) parts.push(t('stateChecking'));
  else {
    const names = view.level !== 'operational' && view.level !== 'maintenance' ? worstComponentNames(view) : '';
    parts.push(names ? `${levelLabel(view.level, t)} (${names})` : levelLabel(view.level, t));
    if (view.focusLevel !== view.level && !view.stale) parts.push(t('yourComponents', levelLabel(view.focusLevel, t)));
  }
  if (view.error) {
    parts.push(t('checkFailed', errorReason(view.error, t)));
    if (view.okAt !== null) parts.push(t('dataFrom', relativeTime(view.okAt, now, locale)));
  } else if (view.okAt !== null) parts.push(t('checkedAgo', relativeTime(view.okAt, now, locale)));
  else if (!view.loading) parts.push(t('notCheckedYet'));
  return `${view.info.name}: ${parts.join(' · ')}`;
}
