/** Formatting only the dashboard's uptime sections need (kept out of the popup bundle). */

/** Two decimals, truncated (as the status pages show them): 99.999 → 99.99. */
function shown(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

/** A percentage with two decimals ("99.87%"), or "—" when there is none. */
export function percent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(shown(value) / 100);
}

/** The shown percentage as a plain number for the test contract (`99.87`, `100`), or undefined. */
export function percentAttr(value: number | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(shown(value));
}

/** A day (`YYYY-MM-DD`, or ms) as a short date in the user's locale, read in UTC. */
export function day(value: string | number, locale: string): string {
  const ms = typeof value === 'number' ? value : Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(ms));
}
