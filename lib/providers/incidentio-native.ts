/**
 * incident.io native adapter (Groq, Perplexity, Cohere, …): reads `GET ${pageUrl}/proxy/${host}`,
 * the data the status page itself renders, instead of the lossy Statuspage-compatible layer
 * (which caps the list at 25 components and has no groups).
 *
 * - **Components**: in page order from `structure.items` (top-level components, and groups whose
 *   children take the group's name as `group`); items marked `hidden` are skipped; names are
 *   trimmed. Without a structure, `components` in the order sent. A component's status is its row
 *   in `affected_components` (absent = `operational`); the status table is `componentLevel` in
 *   `lib/levels.ts` (`full_outage` → outage, `under_maintenance` → maintenance, anything new →
 *   unknown).
 * - **Level**: incident.io has no page-wide indicator, so the page's own state is "operational"
 *   plus "maintenance" while a maintenance window runs; the provider level is the worse of that and
 *   the worst component, `unknown` ranked above operational (`providerLevel`).
 * - **Incidents**: `ongoing_incidents` (type `incident`); the latest update's text (incident.io
 *   sends it as `message_string`, a ProseMirror document or Markdown) reduced to plain text.
 *   Impact from the worst status of the components it affects: full outage → `critical`,
 *   partial outage → `major`, degraded → `minor`.
 * - **Maintenances**: events of type `maintenance` (in either list); the window is the span of
 *   their `component_impacts`. `maintenance_scheduled` → `scheduled`, `maintenance_in_progress` →
 *   `in_progress`. A scheduled window that ended before now is stale (pages keep listing them):
 *   it is dropped.
 * - **History** (`fetchHistory`): the page's own 90-day record, `/proxy/<host>/component_impacts`
 *   (the endpoint official uptime is read from): one resolved incident per incident id, spanning
 *   its component impacts, titled from `incident_links`. Incidents still open are left to the
 *   status read; maintenance windows are not incidents.
 * - **Uptime** (`fetchUptime`): the page's published figures (`incidentio-uptime.ts`).
 *
 * One request per poll. Pure: all I/O through `ctx.fetch`; never throws.
 */
import { componentLevel, type Level } from '../levels';
import type { ComponentStatus, Incident, Maintenance, ServiceStatus } from '../model';
import {
  baseStatus,
  earliest,
  isoOrNull,
  label,
  latest,
  lookup,
  msOf,
  pageLink,
  proseMirrorText,
  providerLevel,
  unexpected304,
  wrongShapeHistory,
  wrongShapeStatus,
} from './adapter-kit';
import { getJson, type FetchContext } from './http';
import { ComponentImpactsSchema, componentImpactsUrl, readOfficialUptime, type ComponentImpacts } from './incidentio-uptime';
import { NativeSummarySchema, type NativeEvent, type NativeSummary } from './incidentio-native-schema';
import { sortIncidents } from './normalize';
import { plainLine, plainText } from './text';
import type { Adapter, HistoryOutcome, ProviderDefinition, StatusOutcome } from './types';
import { nativeSummaryUrl } from './status-request';

/** Component status → the incident impact word the views know (Statuspage's vocabulary). */
const IMPACT_OF_STATUS: Readonly<Record<string, string>> = {
  full_outage: 'critical',
  major_outage: 'critical',
  partial_outage: 'major',
  degraded_performance: 'minor',
  under_maintenance: 'maintenance',
};
const IMPACT_RANK: Readonly<Record<string, number>> = { critical: 4, major: 3, minor: 2, maintenance: 1, none: 0 };

/** The worst impact word of some component statuses; `none` when none is known. */
export function impactOf(statuses: Iterable<string | null | undefined>): string {
  let worst = 'none';
  for (const s of statuses) {
    const word = lookup(IMPACT_OF_STATUS, s);
    if (word && IMPACT_RANK[word]! > IMPACT_RANK[worst]!) worst = word;
  }
  return worst;
}

const MAINTENANCE_STATUS: Readonly<Record<string, string | null>> = {
  maintenance_scheduled: 'scheduled',
  maintenance_in_progress: 'in_progress',
  maintenance_complete: null,
  maintenance_completed: null,
  completed: null,
  resolved: null,
};

const RESOLVED = new Set(['resolved', 'postmortem']);

type NativeUpdate = NativeEvent['updates'][number];

/** Plain text of an update: `message_string`, else the ProseMirror document, else Markdown. */
export function updateText(update: NativeUpdate): string {
  if (update.message_string) return plainText(update.message_string);
  const message = update.message;
  if (typeof message === 'string') return plainText(message);
  if (!message || typeof message !== 'object' || Array.isArray(message)) return '';
  const m = message as { text_node?: unknown; markdown?: unknown };
  if (m.text_node) return plainText(proseMirrorText(m.text_node));
  if (typeof m.markdown === 'string') return plainText(m.markdown);
  return plainText(proseMirrorText(message));
}

function isMaintenance(e: NativeEvent): boolean {
  return (e.type ?? '').toLowerCase() === 'maintenance' || (e.status ?? '').toLowerCase().startsWith('maintenance');
}

function latestUpdate(e: NativeEvent): { at: string | null; text: string } {
  let best: { at: string | null; text: string } | null = null;
  for (const u of e.updates) {
    const at = isoOrNull(u.published_at);
    if (!best || (at !== null && (best.at === null || at >= best.at))) best = { at, text: updateText(u) };
  }
  return best ?? { at: null, text: '' };
}

interface ComponentIndex {
  names: Map<string, string>;
}

function componentIds(e: NativeEvent): string[] {
  const ids = new Set<string>();
  for (const a of e.affected_components) ids.add(a.component_id);
  for (const i of e.component_impacts) if (i.component_id) ids.add(i.component_id);
  return [...ids];
}

function normalizeEvent(e: NativeEvent, def: ProviderDefinition, index: ComponentIndex): Incident | null {
  const updateTimes = e.updates.map((u) => isoOrNull(u.published_at));
  const impactStarts = e.component_impacts.map((i) => isoOrNull(i.start_at));
  const createdAt = isoOrNull(e.published_at) ?? earliest(updateTimes) ?? earliest(impactStarts);
  if (!createdAt) return null;
  const status = (e.status ?? 'unknown').toLowerCase();
  const updatedAt = latest([...updateTimes, createdAt]) ?? createdAt;
  const ids = componentIds(e);
  const openImpacts = e.component_impacts.filter((i) => !i.end_at).map((i) => i.status);
  return {
    id: e.id,
    title: label(e.name, e.id),
    status,
    impact: impactOf([...e.affected_components.map((a) => a.current_status ?? a.status), ...openImpacts]),
    createdAt,
    startedAt: earliest(impactStarts) ?? createdAt,
    resolvedAt: RESOLVED.has(status) ? updatedAt : null,
    updatedAt,
    url: pageLink(def.pageUrl, 'incidents', e.id),
    latestUpdate: latestUpdate(e).text,
    componentIds: ids,
    componentNames: ids.map((id) => index.names.get(id) ?? '').filter(Boolean),
    phases: e.updates
      .map((u) => ({ status: (u.to_status ?? '').toLowerCase(), at: isoOrNull(u.published_at) }))
      .filter((p): p is { status: string; at: string } => !!p.status && !!p.at)
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
}

function normalizeMaintenance(e: NativeEvent, def: ProviderDefinition, now: number): Maintenance | null {
  const raw = (e.status ?? '').toLowerCase();
  const mapped = lookup(MAINTENANCE_STATUS, raw);
  if (mapped === null) return null; // completed
  const status = mapped ?? (raw || 'scheduled');
  const starts = e.component_impacts.map((i) => isoOrNull(i.start_at));
  const ends = e.component_impacts.map((i) => isoOrNull(i.end_at));
  const scheduledFor = earliest(starts) ?? isoOrNull(e.published_at);
  if (!scheduledFor) return null;
  const scheduledUntil = ends.length > 0 && ends.every((end) => end !== null) ? latest(ends) : null;
  // A scheduled window wholly in the past is stale: the page forgot to close it.
  if (status === 'scheduled' && scheduledUntil !== null && msOf(scheduledUntil) <= now) return null;
  return {
    id: e.id,
    title: label(e.name, e.id),
    status,
    scheduledFor,
    scheduledUntil,
    url: pageLink(def.pageUrl, 'incidents', e.id),
    latestUpdate: latestUpdate(e).text,
    componentIds: componentIds(e),
  };
}

function normalizeComponents(summary: NativeSummary): ComponentStatus[] {
  const byId = new Map<string, { name?: string | null; description?: string | null }>();
  for (const c of summary.components) if (!byId.has(c.id)) byId.set(c.id, c);
  const statusOf = new Map<string, string>();
  for (const a of summary.affected_components) if (!statusOf.has(a.component_id)) statusOf.set(a.component_id, a.status ?? '');

  const out: ComponentStatus[] = [];
  const seen = new Set<string>();
  const place = (id: string, name: string | null | undefined, group: string | null) => {
    if (seen.has(id)) return;
    seen.add(id);
    const known = byId.get(id);
    const rawStatus = statusOf.get(id) ?? 'operational';
    out.push({
      id,
      name: label(known?.name ?? name, id),
      group,
      rawStatus,
      level: componentLevel(rawStatus),
      description: plainText(known?.description),
    });
  };
  const items = summary.structure?.items ?? [];
  if (items.length > 0) {
    for (const item of items) {
      if (item.group) {
        if (item.group.hidden) continue;
        const group = plainLine(item.group.name) || null;
        for (const c of item.group.components) if (!c.hidden) place(c.component_id, c.name, group);
      } else if (item.component && !item.component.hidden) {
        place(item.component.component_id, item.component.name, null);
      }
    }
  } else {
    for (const c of summary.components) place(c.id, c.name, null);
  }
  return out;
}

/** A parsed native summary → `ServiceStatus`. Pure. */
export function nativeStatusFrom(summary: NativeSummary, def: ProviderDefinition, now: number): ServiceStatus {
  const components = normalizeComponents(summary);
  const index: ComponentIndex = { names: new Map(components.map((c) => [c.id, c.name])) };
  for (const c of summary.components) if (!index.names.has(c.id)) index.names.set(c.id, label(c.name, c.id));
  const events = [...summary.ongoing_incidents, ...summary.scheduled_maintenances];
  const seen = new Set<string>();
  const incidents: Incident[] = [];
  const maintenances: Maintenance[] = [];
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    if (isMaintenance(e)) {
      const m = normalizeMaintenance(e, def, now);
      if (m) maintenances.push(m);
    } else {
      const i = normalizeEvent(e, def, index);
      if (i) incidents.push(i);
    }
  }
  const pageLevel: Level = maintenances.some((m) => m.status === 'in_progress') ? 'maintenance' : 'operational';
  return {
    ...baseStatus(def, now),
    level: providerLevel([pageLevel, ...components.map((c) => c.level)]),
    description: '',
    components,
    incidents: sortIncidents(incidents),
    maintenances: maintenances.sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor)),
    sourceUpdatedAt: null,
  };
}

/** Parses a native response body; null when it is not one. */
export function parseNativeSummary(json: unknown): NativeSummary | null {
  const parsed = NativeSummarySchema.safeParse(json);
  if (!parsed.success) return null;
  const s = parsed.data.summary;
  return s.components.length > 0 || (s.structure?.items.length ?? 0) > 0 ? s : null;
}

/** Reads and normalizes `/proxy/<host>`. One request. */
export async function readNativeStatus(def: ProviderDefinition, ctx: FetchContext): Promise<StatusOutcome> {
  const url = nativeSummaryUrl(def.pageUrl);
  const result = await getJson(url, ctx);
  if (!result.ok) return { ok: false, error: result.error, retryAfterSec: result.retryAfterSec, requests: 1 };
  if (result.notModified) return { ok: true, notModified: true, etag: result.etag, bytes: 0, requests: 1 };
  const summary = parseNativeSummary(result.json);
  if (!summary) return wrongShapeStatus(url, ctx, 1);
  return { ok: true, notModified: false, status: nativeStatusFrom(summary, def, ctx.now()), etag: result.etag, bytes: result.bytes, requests: 1 };
}

/**
 * Resolved incidents of the last 90 days from a `component_impacts` response: impacts grouped by
 * incident id; an incident whose impacts have all ended before `now` is resolved at the last end.
 * Maintenance-only groups are skipped.
 */
export function historyFromImpacts(data: ComponentImpacts, def: ProviderDefinition, now: number): Incident[] {
  const titles = new Map<string, string>();
  for (const link of data.incident_links) if (!titles.has(link.id)) titles.set(link.id, label(link.name, link.id));
  const groups = new Map<string, ComponentImpacts['component_impacts']>();
  for (const impact of data.component_impacts) {
    const id = impact.status_page_incident_id;
    if (!id) continue;
    const list = groups.get(id) ?? [];
    list.push(impact);
    groups.set(id, list);
  }
  const out: Incident[] = [];
  for (const [id, impacts] of groups) {
    if (impacts.every((i) => i.status === 'under_maintenance')) continue;
    const starts = impacts.map((i) => isoOrNull(i.start_at));
    const ends = impacts.map((i) => isoOrNull(i.end_at));
    const start = earliest(starts);
    const end = latest(ends);
    if (!start || !end || ends.some((e) => e === null) || msOf(end) > now || end < start) continue;
    out.push({
      id,
      title: titles.get(id) ?? label(id, id),
      status: 'resolved',
      impact: impactOf(impacts.map((i) => i.status)),
      createdAt: start,
      startedAt: start,
      resolvedAt: end,
      updatedAt: end,
      url: pageLink(def.pageUrl, 'incidents', id),
      latestUpdate: '',
      componentIds: [...new Set(impacts.map((i) => i.component_id).filter((c): c is string => !!c))],
      componentNames: [],
      phases: [{ status: 'resolved', at: end }],
    });
  }
  return sortIncidents(out);
}

/** Reads the page's 90-day incident record. One request. */
export async function readNativeHistory(def: ProviderDefinition, ctx: FetchContext): Promise<HistoryOutcome> {
  const now = ctx.now();
  const url = componentImpactsUrl(def.pageUrl, now);
  const result = await getJson(url, { ...ctx, etag: null });
  if (!result.ok) return { ok: false, error: result.error, requests: 1 };
  if (result.notModified) return { ok: false, error: unexpected304(ctx), requests: 1 };
  const raw = result.json as Record<string, unknown> | null;
  const parsed = ComponentImpactsSchema.safeParse(raw);
  if (!parsed.success || typeof raw !== 'object' || raw === null || !Array.isArray(raw.component_impacts)) return wrongShapeHistory(url, ctx, 1);
  return { ok: true, incidents: historyFromImpacts(parsed.data, def, now), requests: 1 };
}

/** The incident.io native adapter. */
export const incidentIoNativeAdapter: Adapter = {
  platform: 'incidentio-native',
  fetchStatus: readNativeStatus,
  fetchHistory: readNativeHistory,
  fetchUptime: readOfficialUptime,
};
