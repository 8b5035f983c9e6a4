/** Formatting shared by the badge and the views: level labels, relative times, durations. */
import type { Level } from './levels';
import type { Translate } from './i18n';

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
