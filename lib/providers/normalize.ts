/**
 * Statuspage-shaped data (Atlassian and incident.io's compatible layer) → the normalized model.
 * Pure functions; the mapping tables live in `lib/levels.ts`.
 */
import { componentLevel, indicatorLevel, worstProviderLevel } from '../levels';
import type { ComponentStatus, Incident, Maintenance, ServiceStatus } from '../model';
import type { ProviderDefinition } from './types';
import type { RawComponent, RawIncident, Summary } from './statuspage-schema';
import { plainLine, plainText } from './text';
import { safeLink } from './links';

const RESOLVED = new Set(['resolved', 'postmortem', 'completed']);

// Statuspage short links go through stspg.io, not the provider's host; link to the page itself.
// An id with a lone surrogate cannot be URI-encoded (URIError); that incident links to the page.
function incidentUrl(id: string, def: ProviderDefinition): string {
  try {
    return safeLink(`${def.pageUrl}/incidents/${encodeURIComponent(id)}`, def.pageUrl) ?? def.pageUrl;
  } catch {
    return def.pageUrl;
  }
}

/** Components without group rows, hiding `only_show_if_degraded` ones while they are fine. */
export function normalizeComponents(raw: RawComponent[]): ComponentStatus[] {
  const groups = new Map<string, { name: string; position: number }>();
  raw.forEach((row, index) => {
    if (row.group) groups.set(row.id, { name: plainLine(row.name), position: row.position ?? index });
  });
  // Statuspage numbers a group's children within the group: order by the place of the group (or of
  // the ungrouped component) on the page first, then by the child's position inside its group.
  const place = (row: RawComponent, index: number): [number, number] => {
    const group = row.group_id ? groups.get(row.group_id) : undefined;
    return group ? [group.position, row.position ?? index] : [row.position ?? index, -1];
  };
  return raw
    .map((row, index) => ({ row, index, place: place(row, index) }))
    .filter(({ row }) => !row.group)
    .sort((a, b) => a.place[0] - b.place[0] || a.place[1] - b.place[1] || a.index - b.index)
    .map(({ row }) => ({
      id: row.id,
      name: plainLine(row.name),
      group: (row.group_id && groups.get(row.group_id)?.name) || null,
      rawStatus: row.status ?? '',
      level: componentLevel(row.status),
      description: plainText(row.description),
    }))
    .filter((c) => !(raw.find((r) => r.id === c.id)?.only_show_if_degraded && c.level === 'operational'));
}

function validIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function latestUpdate(raw: RawIncident) {
  let best: { at: number; body: string } | null = null;
  for (const update of raw.incident_updates) {
    const at = Date.parse(update.display_at ?? update.created_at ?? '');
    const time = Number.isNaN(at) ? -Infinity : at;
    if (!best || time >= best.at) best = { at: time, body: update.body ?? '' };
  }
  return best ? plainText(best.body) : '';
}

function affected(raw: RawIncident): { ids: string[]; names: string[] } {
  const ids = new Map<string, string>();
  for (const c of raw.components) ids.set(c.id, plainLine(c.name));
  for (const update of raw.incident_updates)
    for (const c of update.affected_components) if (c.code && !ids.has(c.code)) ids.set(c.code, plainLine(c.name));
  return { ids: [...ids.keys()], names: [...ids.values()].filter(Boolean) };
}

/**
 * The component statuses an incident's updates set (`affected_components[].new_status`), each at
 * its update's time, oldest first: what the `incidents` uptime estimate charges per component.
 */
function componentChanges(raw: RawIncident): NonNullable<Incident['componentChanges']> {
  const out: NonNullable<Incident['componentChanges']> = [];
  for (const update of raw.incident_updates) {
    const at = validIso(update.display_at ?? update.created_at);
    if (!at) continue;
    for (const c of update.affected_components) if (c.code && c.new_status) out.push({ id: c.code, status: c.new_status.toLowerCase(), at });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** One raw incident → `Incident`, or null when it has no usable time. */
export function normalizeIncident(raw: RawIncident, def: ProviderDefinition): Incident | null {
  const createdAt = validIso(raw.created_at) ?? validIso(raw.started_at) ?? validIso(raw.updated_at);
  if (!createdAt) return null;
  const status = (raw.status ?? 'unknown').toLowerCase();
  const { ids, names } = affected(raw);
  const phases = raw.incident_updates
    .map((u) => ({ status: (u.status ?? '').toLowerCase(), at: validIso(u.display_at ?? u.created_at) }))
    .filter((p): p is { status: string; at: string } => !!p.at && !!p.status)
    .sort((a, b) => a.at.localeCompare(b.at));
  const resolvedAt = RESOLVED.has(status)
    ? (validIso(raw.resolved_at) ?? phases.findLast((p) => RESOLVED.has(p.status))?.at ?? validIso(raw.updated_at) ?? createdAt)
    : null;
  return {
    id: raw.id,
    title: plainLine(raw.name) || plainLine(raw.id),
    status,
    impact: (raw.impact ?? 'none').toLowerCase(),
    createdAt,
    startedAt: validIso(raw.started_at) ?? createdAt,
    resolvedAt,
    updatedAt: validIso(raw.updated_at) ?? createdAt,
    url: incidentUrl(raw.id, def),
    latestUpdate: latestUpdate(raw),
    componentIds: ids,
    componentNames: names,
    phases,
    componentChanges: componentChanges(raw),
  };
}

/** Active incidents first (newest first), then resolved ones (newest first). */
export function sortIncidents(list: Incident[]): Incident[] {
  return [...list].sort(
    (a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
}

function normalizeMaintenance(raw: RawIncident, def: ProviderDefinition): Maintenance | null {
  const scheduledFor = validIso(raw.scheduled_for) ?? validIso(raw.created_at);
  if (!scheduledFor) return null;
  const status = (raw.status ?? 'scheduled').toLowerCase();
  if (RESOLVED.has(status)) return null;
  return {
    id: raw.id,
    title: plainLine(raw.name) || plainLine(raw.id),
    status,
    scheduledFor,
    scheduledUntil: validIso(raw.scheduled_until),
    url: incidentUrl(raw.id, def),
    latestUpdate: latestUpdate(raw),
    componentIds: affected(raw).ids,
  };
}

/** A parsed summary → `ServiceStatus` (no error, not stale, no uptime yet). */
export function normalizeSummary(summary: Summary, def: ProviderDefinition, now: number): ServiceStatus {
  const components = normalizeComponents(summary.components);
  // No indicator at all leaves the components to decide; an unrecognised one is unknown.
  const pageLevels = summary.status?.indicator != null ? [indicatorLevel(summary.status.indicator)] : [];
  const incidents = sortIncidents(
    summary.incidents.map((i) => normalizeIncident(i, def)).filter((i): i is Incident => i !== null),
  );
  const maintenances = summary.scheduled_maintenances
    .map((m) => normalizeMaintenance(m, def))
    .filter((m): m is Maintenance => m !== null)
    .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  return {
    providerId: def.id,
    name: def.name,
    pageUrl: def.pageUrl,
    level: worstProviderLevel([...pageLevels, ...components.map((c) => c.level)]),
    description: plainLine(summary.status?.description),
    components,
    incidents,
    maintenances,
    uptime: null,
    sourceUpdatedAt: validIso(summary.page?.updated_at),
    fetchedAt: now,
    error: null,
    stale: false,
    via: 'api',
  };
}
