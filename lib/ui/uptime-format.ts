/** Formatting only the dashboard's uptime sections need (kept out of the popup bundle). */

/** A percentage with up to 3 decimals ("99.92 %"). */
export function percent(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3, minimumFractionDigits: 2 }).format(value / 100);
}
