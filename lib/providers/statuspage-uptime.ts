/**
 * Atlassian Statuspage's own uptime figures (source `official`), read from the page's HTML: every
 * Statuspage page embeds, per showcased component, 90 days of outage seconds, as
 * `window.uptimeData = {…}` (newer pages, followed by `var uptimeData = window.uptimeData;`) or
 * `var uptimeData = {…}` (older pages):
 *
 *     { "<component id>": { component: { code, name, startDate?, isGroup?, group? },
 *                           days: [ { date: "YYYY-MM-DD", outages: { p?: s, m?: s },
 *                                     related_events: [ { name, code } ] } ] } }
 *
 * The page's own figure (`<span id="uptime-percent-<id>">99.87</span> % uptime`) is
 * `floor2(100 × (1 − (m + 0.3 × p) / (D × 86400)))`, m and p summed over the days shown and D the
 * number of those days on or after the component's `startDate` (all of them without one): computed
 * here the same way, and the 30-day figure from the last 30 days with the same weights. Group rows
 * (`isGroup`) carry the page's figure too (from their own days) but are not components of the
 * summary: they are marked `group` and left out of the provider's average. Checked on real pages:
 * docs/UPTIME.md.
 *
 * The literal is extracted without evaluating anything: from the `{` after the assignment, braces
 * are matched outside JSON strings, then the text is `JSON.parse`d and read loosely with zod.
 * Read at most hourly by the caller; conditional (`If-None-Match`) when an ETag was kept; a size cap
 * of 5 MB; fails soft (any problem is an `{ ok: false }` outcome and the caller keeps what it had).
 */
import type { DayBar, Uptime } from '../model';
import { z } from '../zod';
import { aggregateUptime, DAY_MS, noDataDay, statuspagePercent, SHORT_WINDOW_DAYS, WINDOW_DAYS, type ComponentFigure } from '../uptime';
import { fetchError, httpGet, MAX_PAGE_BYTES, NOT_MODIFIED, type FetchContext } from './http';
import { lenientArray } from './statuspage-schema';
import { plainLine } from './text';
import type { ProviderDefinition, UptimeOutcome } from './types';


const ASSIGNMENT = /(?:\bwindow\.uptimeData|\b(?:var|let|const)\s+uptimeData)\s*=\s*\{/g;
const ID = /^[A-Za-z0-9]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/** The `YYYY-MM-DD` a string starts with, when it is a real calendar day; else null. */
export function calendarDay(value: string | null | undefined): string | null {
  const key = value?.match(DATE)?.[0];
  if (!key) return null;
  const ms = Date.parse(`${key}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === key ? key : null;
}

/** Index of the `}` closing the `{` at `open` (braces inside JSON strings ignored), or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

/** The parsed `uptimeData` object literal of a page, or null when the page has none readable. */
export function extractUptimeData(html: string): unknown {
  for (const match of html.matchAll(ASSIGNMENT)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(html, open);
    if (close === -1) continue;
    try {
      return JSON.parse(html.slice(open, close + 1));
    } catch {
      // Not JSON (hand-written JavaScript?): try the next assignment.
    }
  }
  return null;
}

const seconds = z.pipe(
  z.nullish(z.union([z.number(), z.string()])),
  z.transform((v) => {
    const n = typeof v === 'string' ? Number(v) : (v ?? 0);
    return Number.isFinite(n) && n > 0 ? n : 0;
  }),
);

const DaySchema = z.object({
  date: z.string().check(z.refine((v) => calendarDay(v) !== null)),
  outages: z.nullish(z.object({ p: seconds, m: seconds })),
  related_events: lenientArray(z.object({ name: z.nullish(z.string()), code: z.nullish(z.string()) })),
});

/** One `uptimeData` entry, read loosely (unknown keys ignored, bad days dropped). */
export const UptimeDataEntrySchema = z.object({
  component: z.nullish(
    z.object({
      code: z.nullish(z.string()),
      name: z.nullish(z.string()),
      startDate: z.nullish(z.string()),
      isGroup: z.nullish(z.boolean()),
    }),
  ),
  days: lenientArray(DaySchema),
});
export type UptimeDataEntry = z.infer<typeof UptimeDataEntrySchema>;

/** The usable entries of a parsed `uptimeData`, by component id (ids checked, bad entries dropped). */
export function readUptimeData(raw: unknown): Map<string, UptimeDataEntry> {
  const out = new Map<string, UptimeDataEntry>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [id, value] of Object.entries(raw)) {
    if (!ID.test(id)) continue;
    const parsed = UptimeDataEntrySchema.safeParse(value);
    if (parsed.success && parsed.data.days.length > 0) out.set(id, parsed.data);
  }
  return out;
}

function minutes(s: number): number {
  return s > 0 ? Math.max(1, Math.round(s / 60)) : 0;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A component's figures as its page shows them, with its 90 day bars (the page's own calendar). */
export function componentUptime(entry: UptimeDataEntry, now: number): Uptime {
  const byDate = new Map<string, UptimeDataEntry['days'][number]>();
  for (const day of entry.days) byDate.set(calendarDay(day.date)!, day);
  // The page shows 90 days; should it ever send more, the last 90 are its 90-day window.
  const shown = [...byDate.entries()].sort((a, b) => a[0].localeCompare(b[0])).slice(-WINDOW_DAYS);
  const start = calendarDay(entry.component?.startDate);
  const counted = (list: typeof shown) => list.filter(([date]) => !start || date >= start);
  const figure = (list: typeof shown) => {
    const days = counted(list);
    let m = 0;
    let p = 0;
    for (const [, d] of days) {
      m += d.outages?.m ?? 0;
      p += d.outages?.p ?? 0;
    }
    return { percent: statuspagePercent(m, p, days.length), days: days.length };
  };
  const all = figure(shown);
  const last30 = figure(shown.slice(-SHORT_WINDOW_DAYS));
  const bars: DayBar[] = shown.map(([date, d]) => {
    const m = d.outages?.m ?? 0;
    const p = d.outages?.p ?? 0;
    const titles = [...new Set(d.related_events.map((e) => plainLine(e.name)).filter(Boolean))];
    if (start && date < start) return { ...noDataDay(date), incidents: titles };
    return {
      date,
      level: m > 0 ? 'outage' : p > 0 ? 'degraded' : 'operational',
      outageMinutes: minutes(m),
      degradedMinutes: minutes(p),
      incidents: titles,
      majorSeconds: m,
      partialSeconds: p,
      degradedSeconds: 0,
    };
  });
  // A page showing fewer than 90 days: the older ones are no-data.
  while (bars.length < WINDOW_DAYS) bars.unshift(noDataDay(shiftDate(bars[0]?.date ?? new Date(now).toISOString().slice(0, 10), -1)));
  const lastDate = shown.at(-1)?.[0];
  const lastDayEnd = lastDate ? Date.parse(`${lastDate}T00:00:00Z`) + DAY_MS : now;
  return {
    percent90d: all.percent,
    percent30d: last30.percent,
    days: bars,
    source: 'official',
    coversDays: all.days,
    since: start && shown[0] && start > shown[0][0] ? start : null,
    percentSince: null,
    asOf: Math.min(now, lastDayEnd),
    ...(entry.component?.isGroup ? { group: true } : {}),
  };
}

/**
 * Provider-level and per-component `official` uptime from a page's HTML, keyed by the page's
 * component ids (the same ids as the summary's). Null when the page has no `uptimeData`.
 */
export function officialUptimeFromHtml(html: string, now: number): { uptime: Uptime; components: Record<string, Uptime> } | null {
  const entries = readUptimeData(extractUptimeData(html));
  if (entries.size === 0) return null;
  const components: Record<string, Uptime> = {};
  const parts: ComponentFigure[] = [];
  for (const [id, entry] of entries) {
    const uptime = componentUptime(entry, now);
    components[id] = uptime;
    if (!uptime.group) parts.push({ id, name: plainLine(entry.component?.name) || id, uptime });
  }
  if (parts.length === 0) return null;
  return { uptime: aggregateUptime(parts, 'official'), components };
}


/**
 * Reads a Statuspage page's official uptime (`GET <page>/`). With `ctx.etag` (the `etag` of the
 * figures read last time) the request is conditional; an unchanged page is the failure outcome
 * with `httpStatus` 304, which the caller treats as "still current". Never throws.
 */
export async function readStatuspageUptime(def: ProviderDefinition, ctx: FetchContext): Promise<UptimeOutcome> {
  const url = `${def.pageUrl}/`;
  const host = new URL(url).host;
  try {
    // The page HTML (no credentials, 8 s timeout, `If-None-Match` when an ETag was kept, 5 MB cap).
    const page = await httpGet(url, ctx, 'text/html', MAX_PAGE_BYTES);
    if (!page.ok) return { ok: false, error: page.error, requests: 1 };
    if (page.notModified) return { ok: false, error: fetchError('http', `${host} answered 304 Not Modified`, ctx.now(), NOT_MODIFIED), requests: 1 };
    const read = officialUptimeFromHtml(page.body, ctx.now());
    if (!read) return { ok: false, error: fetchError('wrong-shape', `${host} shows no uptime figures on its page`, ctx.now(), 200), requests: 1 };
    return { ok: true, uptime: { ...read.uptime, etag: page.etag }, components: read.components, requests: 1 };
  } catch (error) {
    const message = `Could not read uptime figures${error instanceof Error && error.message ? ` (${error.message})` : ''}`;
    return { ok: false, error: fetchError('wrong-shape', message, ctx.now()), requests: 1 };
  }
}
