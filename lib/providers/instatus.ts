/**
 * Instatus adapter (any Instatus page): `GET ${pageUrl}/summary.json` for the page state, open
 * incidents and maintenance windows, and the component list from the same body when it carries
 * one — else from `GET ${pageUrl}/v3/components.json`.
 *
 * **Requests per poll**: Instatus's `summary.json` has no components (`{page, activeIncidents?,
 * activeMaintenances?}`), so a status read is normally 2 requests: the summary, then the
 * components. The second is the only way to say which part is broken; it is skipped when the
 * summary itself lists components. If the components answer 404 (a page without that endpoint)
 * the status is the summary alone, with no components; any other failure of either request
 * fails the whole read (the last good data stays, marked stale) rather than showing a page with
 * its components missing. No ETag is sent: the two bodies change independently.
 *
 * - **Levels** (one table each, proposed for `lib/levels.ts`): page `status` `UP` → operational,
 *   `HASISSUES` → degraded, `UNDERMAINTENANCE` → maintenance; component `OPERATIONAL` →
 *   operational, `DEGRADEDPERFORMANCE` / `PARTIALOUTAGE` → degraded, `MAJOROUTAGE` → outage,
 *   `UNDERMAINTENANCE` → maintenance; anything else → unknown. Provider level = the worse of the
 *   page state and the worst component, `unknown` ranked above operational.
 * - **Components**: groups are components too (`group: null`) and children name theirs in
 *   `group: {id, name}`, possibly two levels deep. Rows that are some other row's group are left
 *   out (like Statuspage group rows); a component's `group` is its group chain joined with " › ".
 * - **Incidents**: `activeIncidents` (absent when none). Status in lower case
 *   (`investigating`…); impact `MAJOROUTAGE` → `critical`, `PARTIALOUTAGE` → `major`,
 *   `DEGRADEDPERFORMANCE` → `minor`.
 * - **Maintenances**: `activeMaintenances` (absent when none); `NOTSTARTEDYET` → `scheduled`,
 *   `INPROGRESS` → `in_progress`; the end is `start` + `duration` minutes; a scheduled window
 *   already over is stale and dropped, `COMPLETED` ones too.
 * - **History**: Instatus publishes no incident history in these endpoints; `fetchHistory`
 *   returns the open incidents of `summary.json` (one request).
 *
 * Pure: all I/O through `ctx.fetch`; never throws.
 */
import type { Level } from '../levels';
import type { ComponentStatus, Incident, Maintenance, ServiceStatus } from '../model';
import { z } from '../zod';
import { baseStatus, idish, isoOrNull, label, lookup, msOf, optionalObject, ownLink, pageLink, providerLevel, unexpected304, wrongShapeHistory, wrongShapeStatus } from './adapter-kit';
import { getJson, type FetchContext } from './http';
import { sortIncidents } from './normalize';
import { lenientArray } from './statuspage-schema';
import { plainLine, plainText } from './text';
import type { Adapter, HistoryOutcome, ProviderDefinition, StatusOutcome } from './types';
import { instatusSummaryUrl } from './status-request';

// ——— tables ———

/** Instatus page `status` → level. */
export const INSTATUS_PAGE_LEVEL: Readonly<Record<string, Level>> = {
  UP: 'operational',
  HASISSUES: 'degraded',
  UNDERMAINTENANCE: 'maintenance',
};

/** Instatus component status → level. */
export const INSTATUS_COMPONENT_LEVEL: Readonly<Record<string, Level>> = {
  OPERATIONAL: 'operational',
  DEGRADEDPERFORMANCE: 'degraded',
  PARTIALOUTAGE: 'degraded',
  MAJOROUTAGE: 'outage',
  UNDERMAINTENANCE: 'maintenance',
};

const IMPACT: Readonly<Record<string, string>> = {
  MAJOROUTAGE: 'critical',
  PARTIALOUTAGE: 'major',
  DEGRADEDPERFORMANCE: 'minor',
  UNDERMAINTENANCE: 'maintenance',
  OPERATIONAL: 'none',
};

const MAINTENANCE_STATUS: Readonly<Record<string, string | null>> = {
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in_progress',
  COMPLETED: null,
};

/** An Instatus page status → level (unknown when not in the table). */
export function instatusPageLevel(raw: unknown): Level {
  return lookup(INSTATUS_PAGE_LEVEL, typeof raw === 'string' ? raw.toUpperCase() : raw) ?? 'unknown';
}

/** An Instatus component status → level (unknown when not in the table). */
export function instatusComponentLevel(raw: unknown): Level {
  return lookup(INSTATUS_COMPONENT_LEVEL, typeof raw === 'string' ? raw.toUpperCase() : raw) ?? 'unknown';
}

// ——— schema ———

const optStr = z.nullish(z.string());
const GroupRefSchema = z.object({ id: idish, name: optStr });
const ComponentSchema = z.object({
  id: idish,
  name: optStr,
  description: optStr,
  status: optStr,
  group: optionalObject(GroupRefSchema),
});
type RawComponent = z.infer<typeof ComponentSchema>;

const IncidentSchema = z.object({ id: idish, name: optStr, started: optStr, status: optStr, impact: optStr, url: optStr, updatedAt: optStr });
const MaintenanceSchema = z.object({
  id: idish,
  name: optStr,
  start: optStr,
  status: optStr,
  duration: z.nullish(z.union([z.number(), z.string()])),
  url: optStr,
  updatedAt: optStr,
});
type RawIncident = z.infer<typeof IncidentSchema>;
type RawMaintenance = z.infer<typeof MaintenanceSchema>;

/** `GET /summary.json` (`components` only on pages that include them). */
export const InstatusSummarySchema = z.object({
  page: z.object({ name: optStr, url: optStr, status: z.string() }),
  activeIncidents: lenientArray(IncidentSchema),
  activeMaintenances: lenientArray(MaintenanceSchema),
  components: z.optional(z.unknown()),
});
export type InstatusSummary = z.infer<typeof InstatusSummarySchema>;

const ComponentListSchema = lenientArray(ComponentSchema);

/** `GET /v3/components.json`: `{components: […]}` (a bare array is accepted too); null for anything else. */
export function parseInstatusComponents(json: unknown): RawComponent[] | null {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { components?: unknown }).components) ? (json as { components: unknown[] }).components : null;
  if (!list) return null;
  const parsed = ComponentListSchema.safeParse(list);
  return parsed.success ? parsed.data : null;
}

/** Parses a summary body; null when it is not an Instatus summary. */
export function parseInstatusSummary(json: unknown): InstatusSummary | null {
  const parsed = InstatusSummarySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

// ——— normalizing ———

/** Components without group rows; `group` = the chain of group names, outermost first. */
export function instatusComponents(raw: readonly RawComponent[]): ComponentStatus[] {
  const byId = new Map<string, RawComponent>();
  for (const c of raw) if (!byId.has(c.id)) byId.set(c.id, c);
  const groupIds = new Set<string>();
  for (const c of byId.values()) if (c.group) groupIds.add(c.group.id);
  const chain = (c: RawComponent): string | null => {
    const names: string[] = [];
    const seen = new Set<string>([c.id]);
    let ref = c.group;
    while (ref && !seen.has(ref.id) && names.length < 5) {
      seen.add(ref.id);
      const parent = byId.get(ref.id);
      names.unshift(plainLine(ref.name ?? parent?.name) || ref.id);
      ref = parent?.group ?? null;
    }
    return names.length ? plainLine(names.join(' › ')) : null;
  };
  return [...byId.values()]
    .filter((c) => !groupIds.has(c.id))
    .map((c) => ({
      id: c.id,
      name: label(c.name, c.id),
      group: chain(c),
      rawStatus: c.status ?? '',
      level: instatusComponentLevel(c.status),
      description: plainText(c.description),
    }));
}

function incidentOf(raw: RawIncident, def: ProviderDefinition): Incident | null {
  const createdAt = isoOrNull(raw.started) ?? isoOrNull(raw.updatedAt);
  if (!createdAt) return null;
  const status = (raw.status ?? 'unknown').toLowerCase();
  const updatedAt = isoOrNull(raw.updatedAt) ?? createdAt;
  const resolved = status === 'resolved';
  return {
    id: raw.id,
    title: label(raw.name, raw.id),
    status,
    impact: lookup(IMPACT, (raw.impact ?? '').toUpperCase()) ?? ((raw.impact ?? '').toLowerCase() || 'none'),
    createdAt,
    startedAt: createdAt,
    resolvedAt: resolved ? updatedAt : null,
    updatedAt,
    url: ownLink(raw.url, def.pageUrl, pageLink(def.pageUrl, raw.id)),
    latestUpdate: '',
    componentIds: [],
    componentNames: [],
    phases: [{ status, at: updatedAt }],
  };
}

/** `duration` in minutes (number or numeric string); null when absent or not a sane number. */
function durationMs(value: number | string | null | undefined): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 525_600 ? n * 60_000 : null;
}

function maintenanceOf(raw: RawMaintenance, def: ProviderDefinition, now: number): Maintenance | null {
  const upper = (raw.status ?? '').toUpperCase();
  const mapped = lookup(MAINTENANCE_STATUS, upper);
  if (mapped === null) return null;
  const status = mapped ?? (upper.toLowerCase() || 'scheduled');
  const scheduledFor = isoOrNull(raw.start);
  if (!scheduledFor) return null;
  const duration = durationMs(raw.duration);
  const endMs = duration === null ? NaN : msOf(scheduledFor) + duration;
  const scheduledUntil = Number.isFinite(endMs) ? safeIso(endMs) : null;
  if (status === 'scheduled' && scheduledUntil !== null && msOf(scheduledUntil) <= now) return null;
  return {
    id: raw.id,
    title: label(raw.name, raw.id),
    status,
    scheduledFor,
    scheduledUntil,
    url: ownLink(raw.url, def.pageUrl, pageLink(def.pageUrl, raw.id)),
    latestUpdate: '',
    componentIds: [],
  };
}

function safeIso(ms: number): string | null {
  try {
    return new Date(ms).toISOString();
  } catch {
    return null;
  }
}

/** Open incidents of a summary (open first, newest first). */
export function instatusIncidents(summary: InstatusSummary, def: ProviderDefinition): Incident[] {
  const seen = new Set<string>();
  return sortIncidents(
    summary.activeIncidents
      .filter((i) => !seen.has(i.id) && seen.add(i.id))
      .map((i) => incidentOf(i, def))
      .filter((i): i is Incident => i !== null),
  );
}

/** A summary plus its components (null when none could be read) → `ServiceStatus`. Pure. */
export function instatusStatusFrom(summary: InstatusSummary, components: ComponentStatus[], def: ProviderDefinition, now: number): ServiceStatus {
  const seen = new Set<string>();
  const maintenances = summary.activeMaintenances
    .filter((m) => !seen.has(m.id) && seen.add(m.id))
    .map((m) => maintenanceOf(m, def, now))
    .filter((m): m is Maintenance => m !== null)
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  return {
    ...baseStatus(def, now),
    level: providerLevel([instatusPageLevel(summary.page.status), ...components.map((c) => c.level)]),
    description: '',
    components,
    incidents: instatusIncidents(summary, def),
    maintenances,
    sourceUpdatedAt: null,
  };
}

// ——— reads ———

/** The components URL of a page. */
export function instatusComponentsUrl(pageUrl: string): string {
  return `${pageUrl}/v3/components.json`;
}

/**
 * The status from an already-read summary body: components from the body when present, else one
 * more request to `v3/components.json`. `requests` counts only the requests made here.
 */
export async function instatusStatusFromSummary(
  summary: InstatusSummary,
  def: ProviderDefinition,
  ctx: FetchContext,
): Promise<{ ok: true; status: ServiceStatus; bytes: number; requests: number } | Extract<StatusOutcome, { ok: false }>> {
  if (Array.isArray(summary.components)) {
    return { ok: true, status: instatusStatusFrom(summary, instatusComponents(parseInstatusComponents(summary.components) ?? []), def, ctx.now()), bytes: 0, requests: 0 };
  }
  const url = instatusComponentsUrl(def.pageUrl);
  const result = await getJson(url, { ...ctx, etag: null });
  if (!result.ok) {
    if (result.error.httpStatus === 404) return { ok: true, status: instatusStatusFrom(summary, [], def, ctx.now()), bytes: 0, requests: 1 };
    return { ok: false, error: result.error, retryAfterSec: result.retryAfterSec, requests: 1 };
  }
  if (result.notModified) return { ok: false, error: unexpected304(ctx), retryAfterSec: null, requests: 1 };
  const components = parseInstatusComponents(result.json);
  if (!components) return wrongShapeStatus(url, ctx, 1, 'components');
  return { ok: true, status: instatusStatusFrom(summary, instatusComponents(components), def, ctx.now()), bytes: result.bytes, requests: 1 };
}

/** Reads `summary.json` (and `v3/components.json` when needed). */
export async function readInstatusStatus(def: ProviderDefinition, ctx: FetchContext): Promise<StatusOutcome> {
  const url = instatusSummaryUrl(def.pageUrl);
  const noEtag = { ...ctx, etag: null };
  const result = await getJson(url, noEtag);
  if (!result.ok) return { ok: false, error: result.error, retryAfterSec: result.retryAfterSec, requests: 1 };
  if (result.notModified) return { ok: false, error: unexpected304(ctx), retryAfterSec: null, requests: 1 };
  const summary = parseInstatusSummary(result.json);
  if (!summary) return wrongShapeStatus(url, ctx, 1);
  const outcome = await instatusStatusFromSummary(summary, def, noEtag);
  if (!outcome.ok) return { ...outcome, requests: outcome.requests + 1 };
  return { ok: true, notModified: false, status: outcome.status, etag: null, bytes: result.bytes + outcome.bytes, requests: outcome.requests + 1 };
}

/** The open incidents of `summary.json` (Instatus publishes no history here). One request. */
export async function readInstatusHistory(def: ProviderDefinition, ctx: FetchContext): Promise<HistoryOutcome> {
  const url = instatusSummaryUrl(def.pageUrl);
  const result = await getJson(url, { ...ctx, etag: null });
  if (!result.ok) return { ok: false, error: result.error, requests: 1 };
  if (result.notModified) return { ok: false, error: unexpected304(ctx), requests: 1 };
  const summary = parseInstatusSummary(result.json);
  if (!summary) return wrongShapeHistory(url, ctx, 1);
  return { ok: true, incidents: instatusIncidents(summary, def), requests: 1 };
}

/** The Instatus adapter. */
export const instatusAdapter: Adapter = {
  platform: 'instatus',
  fetchStatus: readInstatusStatus,
  fetchHistory: readInstatusHistory,
};
