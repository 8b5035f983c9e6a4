/**
 * incident.io's own uptime figures (source `official`), read from the page's undocumented native
 * endpoint `GET /proxy/<host>/component_impacts?start_at=…&end_at=…`:
 *
 * - `component_uptimes[]`: one row per component with `uptime` as a percentage, usually a string
 *   (`"99.92"`), and `data_available_since`. Group-level rows (`status_page_component_group_id`,
 *   no `component_id`) are ignored.
 * - `component_impacts[]`: per component, `start_at`…`end_at` (absent while open) with a status
 *   `full_outage` | `partial_outage` | `degraded_performance`.
 * - `incident_links[]`: incident ids → titles.
 *
 * The published 90-day figure weighs the impacts like Statuspage: full outage 1, partial outage
 * 0.3, degraded performance 0, the worst impact at each instant, rounded to two decimals. Checked
 * on the real capture (docs/UPTIME.md): recomputed over 91 days it reproduces all 37 published
 * component figures. So the 30-day figure here is computed from the impacts with those weights and
 * that rounding, the same measure as the published 90 days.
 *
 * Undocumented, so it is read loosely and fails soft: any problem is an `{ ok: false }` outcome and
 * the caller keeps whatever it had.
 */
import type { Uptime } from '../model';
import { z } from '../zod';
import {
  aggregateUptime,
  buildUptime,
  DAY_MS,
  mergeIntervals,
  overlapMs,
  PARTIAL_WEIGHT,
  statusSeverity,
  subtractIntervals,
  WINDOW_DAYS,
  type ComponentFigure,
  type Interval,
  type LabelledInterval,
} from '../uptime';
import { fetchError, getJson, type FetchContext } from './http';
import { lenientArray } from './statuspage-schema';
import { plainLine } from './text';
import type { ProviderDefinition, UptimeOutcome } from './types';

const ImpactSchema = z.object({
  start_at: z.string(),
  end_at: z.nullish(z.string()),
  component_id: z.nullish(z.string()),
  status_page_incident_id: z.nullish(z.string()),
  status: z.nullish(z.string()),
});

const UptimeRowSchema = z.object({
  component_id: z.nullish(z.string()),
  data_available_since: z.nullish(z.string()),
  uptime: z.nullish(z.union([z.string(), z.number()])),
});

/** The fields used from the `component_impacts` response. */
export const ComponentImpactsSchema = z.object({
  incident_links: lenientArray(z.object({ id: z.string(), name: z.nullish(z.string()) })),
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

interface ComponentData {
  major: Interval[];
  partial: Interval[];
  degraded: Interval[];
  labels: LabelledInterval[];
  since: number | null;
  uptime: number | null;
}

/**
 * The published figure recomputed from a component's impacts over `[from, to)`:
 * `100 × (1 − (full + 0.3 × partial) / (to − from))`, the worst impact at each instant, unrounded.
 * Used to check the published figures against their impacts (and to document the residual).
 */
export function recomputeUptime(data: ComponentImpacts, componentId: string, from: number, to: number): number {
  const c = collect(data, to).get(componentId);
  if (!c || to <= from) return 100;
  const major = mergeIntervals(c.major);
  const partial = subtractIntervals(mergeIntervals(c.partial), major);
  const down = overlapMs(major, from, to) + PARTIAL_WEIGHT * overlapMs(partial, from, to);
  return 100 * (1 - down / (to - from));
}

function collect(data: ComponentImpacts, now: number): Map<string, ComponentData> {
  const titles = new Map<string, string>();
  for (const link of data.incident_links) titles.set(link.id, plainLine(link.name) || link.id);
  const byComponent = new Map<string, ComponentData>();
  const get = (id: string): ComponentData => {
    let entry = byComponent.get(id);
    if (!entry) byComponent.set(id, (entry = { major: [], partial: [], degraded: [], labels: [], since: null, uptime: null }));
    return entry;
  };
  for (const row of data.component_uptimes) {
    if (!row.component_id) continue; // group-level row
    const entry = get(row.component_id);
    const since = Date.parse(row.data_available_since ?? '');
    if (!Number.isNaN(since)) entry.since = since;
    entry.uptime = parsePercent(row.uptime);
  }
  for (const impact of data.component_impacts) {
    const start = Date.parse(impact.start_at);
    if (Number.isNaN(start) || start > now || !impact.component_id) continue;
    const endRaw = impact.end_at ? Date.parse(impact.end_at) : now;
    const end = Number.isNaN(endRaw) ? start : Math.max(start, Math.min(endRaw, now));
    const severity = statusSeverity(impact.status);
    if (!severity) continue;
    const entry = get(impact.component_id);
    entry[severity].push({ start, end });
    const title = impact.status_page_incident_id ? titles.get(impact.status_page_incident_id) : undefined;
    if (title) entry.labels.push({ start, end, title });
  }
  return byComponent;
}

/**
 * The provider-level and per-component `official` uptime from a parsed response:
 * - per component: bars and `percent30d` from its impacts (weights above, rounded like the
 *   published figure; an open impact runs to `now`), `percent90d` = its published uptime (computed
 *   the same way when it has none), coverage from its `data_available_since`;
 * - provider: the average of the components with a published figure, per window, the lowest one
 *   named (`aggregateUptime`).
 */
export function officialUptimeFrom(data: ComponentImpacts, now: number): { uptime: Uptime; components: Record<string, Uptime> } {
  const queryStart = now - WINDOW_DAYS * DAY_MS;
  const components: Record<string, Uptime> = {};
  const published: ComponentFigure[] = [];
  for (const [id, c] of collect(data, now)) {
    const coverStart = c.since !== null && c.since > queryStart ? c.since : null;
    const computed = buildUptime({
      now,
      coverStart,
      source: 'official',
      major: c.major,
      partial: c.partial,
      degraded: c.degraded,
      labels: c.labels,
      coverage: 'lenient',
      rounding: 'round',
    });
    components[id] = { ...computed, percent90d: c.uptime ?? computed.percent90d, asOf: now };
    if (c.uptime !== null) published.push({ id, name: '', uptime: components[id]! });
  }
  const parts = published.length ? published : Object.entries(components).map(([id, uptime]) => ({ id, name: '', uptime }));
  return { uptime: { ...aggregateUptime(parts, 'official'), asOf: now }, components };
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
