/**
 * incident.io's own uptime figures (source `official`), read from the page's undocumented native
 * endpoint `GET /proxy/<host>/component_impacts?start_at=…&end_at=…` (design.md §1, §5):
 *
 * - `component_uptimes[]`: one row per component with `uptime` as a percentage, usually a string
 *   (`"99.92"`), and `data_available_since`. Group-level rows (`status_page_component_group_id`,
 *   no `component_id`) are ignored.
 * - `component_impacts[]`: per component, `start_at`…`end_at` (absent while open) with a status
 *   `full_outage` | `partial_outage` | `degraded_performance`.
 * - `incident_links[]`: incident ids → titles.
 *
 * Undocumented, so it is read loosely and fails soft: any problem is an `{ ok: false }` outcome and
 * the caller keeps whatever it had.
 */
import { componentLevel } from '../levels';
import type { Uptime } from '../model';
import { z } from '../zod';
import { buildUptime, daysCovered, DAY_MS, WINDOW_DAYS, type Interval, type LabelledInterval } from '../uptime';
import { fetchError, getJson, type FetchContext } from './http';
import { lenientArray } from './statuspage-schema';
import { plainLine } from './text';
import type { ProviderDefinition, UptimeOutcome } from './types';

const ImpactSchema = z.object({
  start_at: z.string(),
  end_at: z.string().nullish(),
  component_id: z.string().nullish(),
  status_page_incident_id: z.string().nullish(),
  status: z.string().nullish(),
});

const UptimeRowSchema = z.object({
  component_id: z.string().nullish(),
  data_available_since: z.string().nullish(),
  uptime: z.union([z.string(), z.number()]).nullish(),
});

/** The fields used from the `component_impacts` response. */
export const ComponentImpactsSchema = z.object({
  incident_links: lenientArray(z.object({ id: z.string(), name: z.string().nullish() })),
  component_impacts: lenientArray(ImpactSchema),
  component_uptimes: lenientArray(UptimeRowSchema),
});
export type ComponentImpacts = z.infer<typeof ComponentImpactsSchema>;

/** The endpoint for a page, covering the 90 days before `now`. */
export function componentImpactsUrl(pageUrl: string, now: number): string {
  const start = new Date(now - WINDOW_DAYS * DAY_MS).toISOString();
  const end = new Date(now).toISOString();
  return `${pageUrl}/proxy/${new URL(pageUrl).host}/component_impacts?start_at=${start}&end_at=${end}`;
}

/** `"99.92"`, `"99.92%"` or `99.92` → 99.92; anything outside 0…100 → null. */
export function parsePercent(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value.trim().replace(/%$/, ''));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

interface ComponentData {
  outage: Interval[];
  degraded: Interval[];
  labels: LabelledInterval[];
  since: number | null;
  uptime: number | null;
}

/**
 * The provider-level and per-component `official` uptime from a parsed response:
 * - per component: bars and `percent30d` from its impacts (`full_outage` → outage time,
 *   `partial_outage`/`degraded_performance` → degraded time, an open impact runs to `now`),
 *   `percent90d` = its published uptime (computed from the impacts when it has none), coverage
 *   from its `data_available_since`;
 * - provider: `percent90d` = mean of the published component uptimes; `percent30d` = mean of those
 *   components' 30-day figures; bars from every component's impacts together;
 *   `coversDays` = days since the earliest `data_available_since`, at most 90.
 */
export function officialUptimeFrom(data: ComponentImpacts, now: number): { uptime: Uptime; components: Record<string, Uptime> } {
  const queryStart = now - WINDOW_DAYS * DAY_MS;
  const titles = new Map<string, string>();
  for (const link of data.incident_links) titles.set(link.id, plainLine(link.name) || link.id);

  const byComponent = new Map<string, ComponentData>();
  const get = (id: string): ComponentData => {
    let entry = byComponent.get(id);
    if (!entry) byComponent.set(id, (entry = { outage: [], degraded: [], labels: [], since: null, uptime: null }));
    return entry;
  };
  const published = new Set<string>();
  for (const row of data.component_uptimes) {
    if (!row.component_id) continue; // group-level row
    const entry = get(row.component_id);
    const since = Date.parse(row.data_available_since ?? '');
    if (!Number.isNaN(since)) entry.since = since;
    entry.uptime = parsePercent(row.uptime);
    if (entry.uptime !== null) published.add(row.component_id);
  }

  const allOutage: Interval[] = [];
  const allDegraded: Interval[] = [];
  const allLabels: LabelledInterval[] = [];
  for (const impact of data.component_impacts) {
    const start = Date.parse(impact.start_at);
    if (Number.isNaN(start) || start > now) continue;
    const endRaw = impact.end_at ? Date.parse(impact.end_at) : now;
    const end = Number.isNaN(endRaw) ? start : Math.max(start, Math.min(endRaw, now));
    const interval = { start, end };
    const level = componentLevel(impact.status);
    const title = impact.status_page_incident_id ? titles.get(impact.status_page_incident_id) : undefined;
    const entry = impact.component_id ? get(impact.component_id) : null;
    if (level === 'outage') {
      entry?.outage.push(interval);
      allOutage.push(interval);
    } else if (level === 'degraded') {
      entry?.degraded.push(interval);
      allDegraded.push(interval);
    } else continue;
    if (title) {
      entry?.labels.push({ ...interval, title });
      allLabels.push({ ...interval, title });
    }
  }

  const components: Record<string, Uptime> = {};
  const published90: number[] = [];
  const published30: number[] = [];
  let earliest: number | null = null;
  for (const [id, c] of byComponent) {
    const coverStart = c.since ?? queryStart;
    earliest = earliest === null ? coverStart : Math.min(earliest, coverStart);
    const computed = buildUptime({ now, coverStart, source: 'official', outage: c.outage, degraded: c.degraded, labels: c.labels });
    components[id] = { ...computed, percent90d: c.uptime ?? computed.percent90d };
    if (published.has(id) && c.uptime !== null) {
      published90.push(c.uptime);
      if (computed.percent30d !== null) published30.push(computed.percent30d);
    }
  }

  const coverStart = earliest ?? queryStart;
  const overall = buildUptime({ now, coverStart, source: 'official', outage: allOutage, degraded: allDegraded, labels: allLabels });
  return {
    uptime: {
      ...overall,
      percent90d: mean(published90),
      percent30d: published30.length ? mean(published30) : overall.percent30d,
      coversDays: daysCovered(coverStart, now),
    },
    components,
  };
}

/** Reads incident.io's official uptime for a provider. Never throws. */
export async function readOfficialUptime(def: ProviderDefinition, ctx: FetchContext): Promise<UptimeOutcome> {
  const now = ctx.now();
  try {
    const url = componentImpactsUrl(def.pageUrl, now);
    const result = await getJson(url, { ...ctx, etag: null });
    if (!result.ok) return { ok: false, error: result.error, requests: 1 };
    if (result.notModified) return { ok: false, error: fetchError('http', 'Unexpected 304', ctx.now(), 304), requests: 1 };
    const raw = result.json as Record<string, unknown> | null;
    const parsed = ComponentImpactsSchema.safeParse(raw);
    const usable = typeof raw === 'object' && raw !== null && (Array.isArray(raw.component_uptimes) || Array.isArray(raw.component_impacts));
    if (!parsed.success || !usable) {
      return { ok: false, error: fetchError('wrong-shape', `${new URL(url).host} sent uptime data in an unexpected shape`, ctx.now(), 200), requests: 1 };
    }
    return { ok: true, ...officialUptimeFrom(parsed.data, now), requests: 1 };
  } catch (error) {
    const message = `Could not read uptime figures${error instanceof Error && error.message ? ` (${error.message})` : ''}`;
    return { ok: false, error: fetchError('wrong-shape', message, ctx.now()), requests: 1 };
  }
}
