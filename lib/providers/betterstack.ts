/**
 * Better Stack adapter (Hugging Face, Together AI, any Better Stack page): reads
 * `GET ${pageUrl}/index.json`, the page's documented JSON:API document:
 * `data` (type `status_page`, `attributes.aggregate_state`, `attributes.announcement`) and
 * `included[]` of type `status_page_section` (groups), `status_page_resource` (components, each
 * with 90 days of `status_history` and an `availability` fraction), `status_report` (incidents and
 * maintenance windows) and `status_update` (their updates).
 *
 * - **Components**: the included resources ordered by section position, then resource position;
 *   `group` = the section's name (trimmed). A referenced id that is not in `included` is skipped
 *   (pages may send references without their bodies).
 * - **Levels** (one table, `BETTERSTACK_LEVEL`): `operational` → operational, `degraded` →
 *   degraded, `downtime` → outage, `maintenance` → maintenance, `not_monitored` and anything new →
 *   unknown. The page's `aggregate_state` uses the same words. Provider level = the worse of the
 *   page's `aggregate_state` and its worst component, `unknown` ranked above operational.
 * - **`not_monitored`**: such a resource is shown gray (`unknown`) with the description
 *   "Not monitored", but it is left out of the worst-component computation. It is not an
 *   unrecognised value but the page saying it takes no reading of that resource: Better Stack's
 *   own page keeps one permanently while its `aggregate_state` (and what its visitors see) is
 *   operational, so counting it would make such pages Unknown forever and hide real changes.
 *   An unrecognised status still counts as unknown.
 * - **Reports**: `report_type: maintenance` → a maintenance window while not resolved and not
 *   past its `ends_at` (`scheduled` before `starts_at`, else `in_progress`); other reports are
 *   incidents. A report whose `aggregate_state` is `resolved` is resolved even when `ends_at` is
 *   null (resolved at `ends_at`, else its last update). An open report's status is the page's own
 *   word (`downtime`, `degraded`, …): Better Stack has no investigating/identified phases. Impact
 *   from the worst state its updates gave a resource: downtime → `critical`, degraded → `minor`.
 *   The status lists open incidents; `fetchHistory` lists every report of the document.
 * - **Uptime** (`fetchUptime`, see `uptimeFromResources`): official daily figures from
 *   `status_history`.
 *
 * One request per poll (and one per history or uptime read). Pure: all I/O through `ctx.fetch`;
 * never throws.
 */
import type { Level } from '../levels';
import type { ComponentStatus, DayBar, Incident, Maintenance, ServiceStatus, Uptime } from '../model';
import { z } from '../zod';
import {
  baseStatus,
  earliest,
  idish,
  isoOrNull,
  label,
  latest,
  lookup,
  looseList,
  msOf,
  optionalObject,
  pageLink,
  providerLevel,
  unexpected304,
  wrongShapeHistory,
  wrongShapeStatus,
  wrongShapeUptime,
} from './adapter-kit';
import { getJson, type FetchContext, type JsonResult } from './http';
import { sortIncidents } from './normalize';
import { lenientArray } from './statuspage-schema';
import { plainLine, plainText } from './text';
import type { Adapter, HistoryOutcome, ProviderDefinition, StatusOutcome, UptimeOutcome } from './types';
import { indexUrl } from './status-request';

// ——— schema (only the fields used; enums as strings; malformed elements dropped) ———

const optStr = z.nullish(z.string());
const optNum = z.nullish(z.number());
const RefSchema = z.object({ id: idish, type: optStr });
const relation = optionalObject(z.object({ data: looseList(RefSchema) }));

/** `GET /index.json`. `included` elements are parsed by type afterwards. */
export const IndexSchema = z.object({
  data: z.object({
    type: z.string(),
    attributes: optionalObject(z.object({ company_name: optStr, aggregate_state: optStr, updated_at: optStr, announcement: optStr })),
    relationships: optionalObject(z.object({ resources: relation, sections: relation, status_reports: relation })),
  }),
  included: lenientArray(z.object({ id: idish, type: z.string(), attributes: z.optional(z.unknown()), relationships: z.optional(z.unknown()) })),
});

const SectionSchema = z.object({ name: optStr, position: optNum });
const DaySchema = z.object({ day: z.string(), status: optStr, downtime_duration: optNum, maintenance_duration: optNum });
const ResourceSchema = z.object({
  status_page_section_id: z.nullish(idish),
  public_name: optStr,
  explanation: optStr,
  position: optNum,
  availability: optNum,
  status: optStr,
  status_history: looseList(DaySchema),
});
const AffectedSchema = z.object({ status_page_resource_id: idish, status: optStr });
const ReportSchema = z.object({
  title: optStr,
  report_type: optStr,
  starts_at: optStr,
  ends_at: optStr,
  aggregate_state: optStr,
  affected_resources: looseList(AffectedSchema),
});
const ReportRelationsSchema = z.object({ status_updates: relation });
const UpdateSchema = z.object({ message: optStr, published_at: optStr, affected_resources: looseList(AffectedSchema) });

type Day = z.infer<typeof DaySchema>;
type Affected = z.infer<typeof AffectedSchema>;

/** A resource, resolved against its section. */
export interface BsResource {
  id: string;
  name: string;
  group: string | null;
  sectionPosition: number;
  position: number;
  explanation: string;
  status: string;
  availability: number | null;
  history: Day[];
}

/** An update of a report. */
interface BsUpdate {
  message: string;
  at: string | null;
  affected: Affected[];
}

/** A report with its included updates. */
export interface BsReport {
  id: string;
  title: string;
  type: string;
  state: string;
  startsAt: string | null;
  endsAt: string | null;
  affected: Affected[];
  updates: BsUpdate[];
}

/** What the adapter reads from one document. */
export interface BsPage {
  name: string;
  state: string;
  announcement: string;
  updatedAt: string | null;
  resources: BsResource[];
  reports: BsReport[];
}

// ——— tables ———

/** Better Stack state word (resource status, page `aggregate_state`, day status) → level. */
export const BETTERSTACK_LEVEL: Readonly<Record<string, Level>> = {
  operational: 'operational',
  degraded: 'degraded',
  downtime: 'outage',
  maintenance: 'maintenance',
  not_monitored: 'unknown',
};

/** A Better Stack state word → level; anything not in the table is `unknown`. */
export function betterstackLevel(raw: unknown): Level {
  return lookup(BETTERSTACK_LEVEL, raw) ?? 'unknown';
}

const IMPACT_OF_STATE: Readonly<Record<string, string>> = { downtime: 'critical', degraded: 'minor', maintenance: 'maintenance' };
const IMPACT_RANK: Readonly<Record<string, number>> = { critical: 3, minor: 2, maintenance: 1, none: 0 };
const NOT_MONITORED = 'not_monitored';

// ——— parsing ———

function parseWith<T extends z.ZodMiniType>(schema: T, value: unknown): z.infer<T> | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const finite = (n: number | null | undefined, fallback: number) => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);

/** A document → what the adapter uses; null when it is not a Better Stack status page. */
export function parseIndex(json: unknown): BsPage | null {
  const parsed = IndexSchema.safeParse(json);
  if (!parsed.success || parsed.data.data.type !== 'status_page') return null;
  const { data, included } = parsed.data;
  const byKey = new Map<string, { attributes: unknown; relationships: unknown }>();
  const order: { type: string; id: string }[] = [];
  for (const item of included) {
    const key = `${item.type}:${item.id}`;
    if (byKey.has(key)) continue;
    byKey.set(key, { attributes: item.attributes, relationships: item.relationships });
    order.push({ type: item.type, id: item.id });
  }
  const sections = new Map<string, { name: string | null; position: number }>();
  order.forEach(({ type, id }, index) => {
    if (type !== 'status_page_section') return;
    const s = parseWith(SectionSchema, byKey.get(`${type}:${id}`)!.attributes);
    if (s) sections.set(id, { name: plainLine(s.name) || null, position: finite(s.position, index) });
  });
  const resources: BsResource[] = [];
  const updates = new Map<string, BsUpdate>();
  const reports: BsReport[] = [];
  order.forEach(({ type, id }, index) => {
    const item = byKey.get(`${type}:${id}`)!;
    if (type === 'status_page_resource') {
      const r = parseWith(ResourceSchema, item.attributes);
      if (!r) return;
      const section = r.status_page_section_id !== null && r.status_page_section_id !== undefined ? sections.get(r.status_page_section_id) : undefined;
      const availability = finite(r.availability, NaN);
      resources.push({
        id,
        name: label(r.public_name, id),
        group: section?.name ?? null,
        sectionPosition: section?.position ?? Number.MAX_SAFE_INTEGER,
        position: finite(r.position, index),
        explanation: plainText(r.explanation),
        status: r.status ?? '',
        availability: availability >= 0 && availability <= 1 ? availability : null,
        history: r.status_history,
      });
    } else if (type === 'status_update') {
      const u = parseWith(UpdateSchema, item.attributes);
      if (u) updates.set(id, { message: u.message ?? '', at: isoOrNull(u.published_at), affected: u.affected_resources });
    }
  });
  for (const { type, id } of order) {
    if (type !== 'status_report') continue;
    const item = byKey.get(`${type}:${id}`)!;
    const r = parseWith(ReportSchema, item.attributes);
    if (!r) continue;
    const rels = parseWith(ReportRelationsSchema, item.relationships);
    reports.push({
      id,
      title: label(r.title, id),
      type: (r.report_type ?? '').toLowerCase(),
      state: (r.aggregate_state ?? '').toLowerCase(),
      startsAt: isoOrNull(r.starts_at),
      endsAt: isoOrNull(r.ends_at),
      affected: r.affected_resources,
      updates: (rels?.status_updates?.data ?? []).map((ref) => updates.get(ref.id)).filter((u): u is BsUpdate => u !== undefined),
    });
  }
  resources.sort((a, b) => a.sectionPosition - b.sectionPosition || a.position - b.position);
  const attributes = data.attributes;
  const state = (attributes?.aggregate_state ?? '').toLowerCase();
  if (!state && resources.length === 0) return null;
  return {
    name: plainLine(attributes?.company_name),
    state,
    announcement: plainLine(attributes?.announcement),
    updatedAt: isoOrNull(attributes?.updated_at),
    resources,
    reports,
  };
}

// ——— normalizing ———

function componentOf(r: BsResource): ComponentStatus {
  const notMonitored = r.status === NOT_MONITORED;
  return {
    id: r.id,
    name: r.name,
    group: r.group,
    rawStatus: r.status,
    level: betterstackLevel(r.status),
    description: notMonitored ? (r.explanation ? `Not monitored. ${r.explanation}` : 'Not monitored') : r.explanation,
  };
}

function impactOf(report: BsReport): string {
  let worst = 'none';
  for (const a of [...report.affected, ...report.updates.flatMap((u) => u.affected)]) {
    const word = lookup(IMPACT_OF_STATE, (a.status ?? '').toLowerCase());
    if (word && IMPACT_RANK[word]! > IMPACT_RANK[worst]!) worst = word;
  }
  return worst;
}

// The state an update gave its resources: the worst of them, `resolved` when all are resolved.
function phaseOf(update: BsUpdate): string | null {
  const states = update.affected.map((a) => (a.status ?? '').toLowerCase()).filter(Boolean);
  if (states.length === 0) return null;
  for (const s of ['downtime', 'degraded', 'maintenance']) if (states.includes(s)) return s;
  return states.every((s) => s === 'resolved') ? 'resolved' : states[0]!;
}

function latestUpdate(report: BsReport): BsUpdate | null {
  let best: BsUpdate | null = null;
  for (const u of report.updates) if (!best || (u.at !== null && (best.at === null || u.at >= best.at))) best = u;
  return best;
}

/** A non-maintenance report → `Incident`, or null without a usable time. */
export function reportIncident(report: BsReport, def: ProviderDefinition, names: ReadonlyMap<string, string>): Incident | null {
  const times = report.updates.map((u) => u.at);
  const createdAt = report.startsAt ?? earliest(times);
  if (!createdAt) return null;
  const resolved = report.state === 'resolved';
  const updatedAt = latest([...times, createdAt]) ?? createdAt;
  const ids = [...new Set([...report.affected, ...report.updates.flatMap((u) => u.affected)].map((a) => a.status_page_resource_id))];
  return {
    id: report.id,
    title: report.title,
    status: resolved ? 'resolved' : report.state || 'unknown',
    impact: impactOf(report),
    createdAt,
    startedAt: createdAt,
    resolvedAt: resolved ? (report.endsAt ?? latest(times) ?? createdAt) : null,
    updatedAt,
    url: pageLink(def.pageUrl, 'incident', report.id),
    latestUpdate: plainText(latestUpdate(report)?.message),
    componentIds: ids,
    componentNames: ids.map((id) => names.get(id) ?? '').filter(Boolean),
    phases: report.updates
      .map((u) => ({ status: phaseOf(u), at: u.at }))
      .filter((p): p is { status: string; at: string } => !!p.status && !!p.at)
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
}

function reportMaintenance(report: BsReport, def: ProviderDefinition, now: number): Maintenance | null {
  if (report.state === 'resolved') return null;
  if (report.endsAt !== null && msOf(report.endsAt) <= now) return null;
  const scheduledFor = report.startsAt ?? earliest(report.updates.map((u) => u.at));
  if (!scheduledFor) return null;
  return {
    id: report.id,
    title: report.title,
    status: msOf(scheduledFor) > now ? 'scheduled' : 'in_progress',
    scheduledFor,
    scheduledUntil: report.endsAt,
    url: pageLink(def.pageUrl, 'incident', report.id),
    latestUpdate: plainText(latestUpdate(report)?.message),
    componentIds: [...new Set(report.affected.map((a) => a.status_page_resource_id))],
  };
}

const isMaintenance = (r: BsReport) => r.type === 'maintenance';

/** Every non-maintenance report as an incident (open first, newest first). */
export function reportIncidents(page: BsPage, def: ProviderDefinition): Incident[] {
  const names = new Map(page.resources.map((r) => [r.id, r.name]));
  return sortIncidents(page.reports.filter((r) => !isMaintenance(r)).map((r) => reportIncident(r, def, names)).filter((i): i is Incident => i !== null));
}

/** A parsed page → `ServiceStatus`. Pure. */
export function betterstackStatusFrom(page: BsPage, def: ProviderDefinition, now: number): ServiceStatus {
  const components = page.resources.map(componentOf);
  const counted = components.filter((c) => c.rawStatus !== NOT_MONITORED);
  const maintenances = page.reports
    .filter(isMaintenance)
    .map((r) => reportMaintenance(r, def, now))
    .filter((m): m is Maintenance => m !== null)
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  return {
    ...baseStatus(def, now),
    level: providerLevel([betterstackLevel(page.state), ...counted.map((c) => c.level)]),
    description: page.announcement,
    components,
    incidents: reportIncidents(page, def).filter((i) => i.resolvedAt === null),
    maintenances,
    sourceUpdatedAt: page.updatedAt,
  };
}

// ——— official uptime ———

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 90;
const SHORT_DAYS = 30;
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

function utcDayKeys(now: number, days: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

const minutes = (seconds: number | null | undefined) => Math.round(Math.min(1440, Math.max(0, finite(seconds, 0) / 60)) * 100) / 100;

function reportSpan(r: BsReport, now: number): [string, string] | null {
  const start = r.startsAt ?? earliest(r.updates.map((u) => u.at));
  if (!start) return null;
  const end = r.endsAt ?? (r.state === 'resolved' ? (latest(r.updates.map((u) => u.at)) ?? start) : new Date(now).toISOString());
  return [start.slice(0, 10), end.slice(0, 10)];
}

// Outage > degraded > maintenance > operational; unknown only when nothing else is known.
const DAY_RANK: Readonly<Record<Level, number>> = { outage: 4, degraded: 3, maintenance: 2, operational: 1, unknown: 0 };

/**
 * Uptime % of some history days the way the page computes `availability`: downtime seconds of
 * `downtime` days over the monitored days; null when no day was monitored.
 */
export function betterstackPercent(days: readonly (Day | undefined)[]): number | null {
  let monitored = 0;
  let down = 0;
  for (const d of days) {
    const status = (d?.status ?? '').toLowerCase();
    if (!d || status === NOT_MONITORED) continue;
    monitored += DAY_MS / 1000;
    if (status === 'downtime') down += Math.min(DAY_MS / 1000, Math.max(0, finite(d.downtime_duration, 0)));
  }
  return monitored > 0 ? 100 * (1 - down / monitored) : null;
}

function resourceUptime(r: BsResource, keys: readonly string[], spans: readonly { title: string; span: [string, string]; ids: Set<string> }[]): Uptime {
  const byDay = new Map<string, Day>();
  for (const d of r.history) if (DAY_KEY.test(d.day) && !byDay.has(d.day)) byDay.set(d.day, d);
  const window = keys.map((k) => byDay.get(k));
  const days: DayBar[] = keys.map((date, i) => {
    const d = window[i];
    const status = (d?.status ?? '').toLowerCase();
    return {
      date,
      level: d ? betterstackLevel(status) : 'unknown',
      outageMinutes: status === 'downtime' ? minutes(d?.downtime_duration) : 0,
      degradedMinutes: status === 'degraded' ? minutes(d?.downtime_duration) : 0,
      incidents: spans.filter((s) => s.ids.has(r.id) && s.span[0] <= date && date <= s.span[1]).map((s) => s.title),
    };
  });
  const first = window.findIndex((d) => d !== undefined);
  const computed90 = betterstackPercent(window);
  return {
    percent90d: r.availability !== null ? r.availability * 100 : computed90,
    percent30d: betterstackPercent(window.slice(-SHORT_DAYS)),
    days,
    source: 'official',
    coversDays: first < 0 ? 0 : keys.length - first,
  };
}

/**
 * Better Stack's official daily uptime, per resource and for the page. Kept in one function so
 * it can follow the shared uptime model when that changes.
 *
 * - The strip is the 90 UTC days ending today; a day the page sent no history for (e.g. today,
 *   before the page closes it) is a no-data (`unknown`) bar. A day's level is its status
 *   (`downtime` → outage, `degraded`, `maintenance`, `not_monitored` → unknown); its
 *   `downtime_duration` is outage minutes on a `downtime` day and degraded minutes on a
 *   `degraded` day. A day lists the titles of the reports affecting the resource that span it.
 * - 90 d = the page's own `availability` (a fraction) × 100. Checked on the captured pages: it is
 *   `1 − Σ downtime_duration of downtime days / (monitored days × 86 400 s)` — degraded time and
 *   maintenance count as up, not-monitored days are left out. 30 d applies that formula to the
 *   last 30 day bars, so both windows are the same measure (90 d is computed the same way when a
 *   page sends no `availability`).
 * - Page level: the mean of the resources' figures; bars take the worst level of any resource that
 *   day and the largest outage and degraded minutes; `coversDays` is the longest resource coverage.
 */
export function uptimeFromResources(page: BsPage, now: number): { uptime: Uptime; components: Record<string, Uptime> } {
  const keys = utcDayKeys(now, WINDOW_DAYS);
  const spans = page.reports
    .map((r) => ({ title: r.title, span: reportSpan(r, now), ids: new Set([...r.affected, ...r.updates.flatMap((u) => u.affected)].map((a) => a.status_page_resource_id)) }))
    .filter((s): s is { title: string; span: [string, string]; ids: Set<string> } => s.span !== null);
  const components: Record<string, Uptime> = {};
  for (const r of page.resources) if (!Object.hasOwn(components, r.id)) components[r.id] = resourceUptime(r, keys, spans);
  const all = Object.values(components);
  const mean = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  };
  const days: DayBar[] = keys.map((date, i) => {
    const bars = all.map((u) => u.days[i]!);
    let level: Level = 'unknown';
    for (const b of bars) if (DAY_RANK[b.level] > DAY_RANK[level]) level = b.level;
    return {
      date,
      level,
      outageMinutes: Math.max(0, ...bars.map((b) => b.outageMinutes)),
      degradedMinutes: Math.max(0, ...bars.map((b) => b.degradedMinutes)),
      incidents: [...new Set(bars.flatMap((b) => b.incidents))],
    };
  });
  return {
    uptime: {
      percent90d: mean(all.map((u) => u.percent90d)),
      percent30d: mean(all.map((u) => u.percent30d)),
      days,
      source: 'official',
      coversDays: Math.max(0, ...all.map((u) => u.coversDays)),
    },
    components,
  };
}

// ——— reads ———

async function readIndex(def: ProviderDefinition, ctx: FetchContext): Promise<{ url: string; result: JsonResult; page: BsPage | null }> {
  const url = indexUrl(def.pageUrl);
  const result = await getJson(url, ctx);
  return { url, result, page: result.ok && !result.notModified ? parseIndex(result.json) : null };
}

/** Reads and normalizes `index.json`. One request. */
export async function readBetterstackStatus(def: ProviderDefinition, ctx: FetchContext): Promise<StatusOutcome> {
  const { url, result, page } = await readIndex(def, ctx);
  if (!result.ok) return { ok: false, error: result.error, retryAfterSec: result.retryAfterSec, requests: 1 };
  if (result.notModified) return { ok: true, notModified: true, etag: result.etag, bytes: 0, requests: 1 };
  if (!page) return wrongShapeStatus(url, ctx, 1);
  return { ok: true, notModified: false, status: betterstackStatusFrom(page, def, ctx.now()), etag: result.etag, bytes: result.bytes, requests: 1 };
}

/** Every incident report in `index.json`. One request. */
export async function readBetterstackHistory(def: ProviderDefinition, ctx: FetchContext): Promise<HistoryOutcome> {
  const { url, result, page } = await readIndex(def, { ...ctx, etag: null });
  if (!result.ok) return { ok: false, error: result.error, requests: 1 };
  if (result.notModified) return { ok: false, error: unexpected304(ctx), requests: 1 };
  if (!page) return wrongShapeHistory(url, ctx, 1);
  return { ok: true, incidents: reportIncidents(page, def), requests: 1 };
}

/** Official uptime from `index.json`. One request. */
export async function readBetterstackUptime(def: ProviderDefinition, ctx: FetchContext): Promise<UptimeOutcome> {
  const { url, result, page } = await readIndex(def, { ...ctx, etag: null });
  if (!result.ok) return { ok: false, error: result.error, requests: 1 };
  if (result.notModified) return { ok: false, error: unexpected304(ctx), requests: 1 };
  if (!page || page.resources.length === 0) return wrongShapeUptime(url, ctx, 1);
  return { ok: true, ...uptimeFromResources(page, ctx.now()), requests: 1 };
}

/** The Better Stack adapter. */
export const betterstackAdapter: Adapter = {
  platform: 'betterstack',
  fetchStatus: readBetterstackStatus,
  fetchHistory: readBetterstackHistory,
  fetchUptime: readBetterstackUptime,
};
