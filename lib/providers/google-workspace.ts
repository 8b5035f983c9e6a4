/**
 * Google Workspace status adapter (Gemini): `GET ${pageUrl}/incidents.json` (pageUrl
 * `https://www.google.com/appsstatus/dashboard`), the dashboard's list of incidents of every
 * Workspace product, filtered to the service's `product`.
 *
 * - **Filtering**: an incident belongs to the product when its `service_name`, `service_key`, or
 *   one of its `affected_products[]` (`title` or `id`) equals the catalog entry's `product`
 *   (trimmed, case-insensitive; a page added by URL may name the product by its key).
 * - **Component**: the dashboard has no components: the product is the one component (id = the
 *   product's name in lower case, so it stays stable when no incident names it), named as the
 *   incidents name it.
 * - **Level** (one table, `GOOGLE_LEVEL`): an incident is open while it has no `end`; its current
 *   state is `most_recent_update.status` (else `status_impact`): `SERVICE_OUTAGE` → outage,
 *   `SERVICE_DISRUPTION` and `SERVICE_INFORMATION` → degraded (the dashboard uses "information"
 *   for partial problems such as elevated error rates), `AVAILABLE` → operational, anything else
 *   → unknown. The component's level is the worst over the open incidents (operational when none);
 *   the provider level is the component's. Open incidents carry the dashboard's own state word
 *   (`service_disruption`…) as status: it has no investigating/identified phases.
 * - **Text**: updates are Markdown with escapes (`INTERNAL\_ERROR`, `2026\.`): escapes are undone,
 *   headings and bold markers dropped, links read as their label. An incident has no title: it is
 *   the first line of `external_desc` that is not a heading such as "Summary:".
 * - **History**: every incident of the product in the list (the dashboard keeps months of them).
 *
 * One request per poll. Pure: all I/O through `ctx.fetch`; never throws.
 */
import type { Level } from '../levels';
import type { ComponentStatus, Incident, ServiceStatus } from '../model';
import { z } from '../zod';
import { baseStatus, earliest, idish, isoOrNull, latest, lookup, looseList, optionalObject, pageLink, providerLevel, unexpected304, wrongShapeHistory, wrongShapeStatus } from './adapter-kit';
import { getJson, type FetchContext } from './http';
import { sortIncidents } from './normalize';
import { lenientArray } from './statuspage-schema';
import { plainLine, plainText } from './text';
import type { Adapter, HistoryOutcome, ProviderDefinition, StatusOutcome } from './types';
import { googleIncidentsUrl } from './status-request';

/** Workspace incident state (`most_recent_update.status`, `status_impact`) → level. */
export const GOOGLE_LEVEL: Readonly<Record<string, Level>> = {
  AVAILABLE: 'operational',
  SERVICE_INFORMATION: 'degraded',
  SERVICE_DISRUPTION: 'degraded',
  SERVICE_OUTAGE: 'outage',
};

const IMPACT: Readonly<Record<string, string>> = {
  SERVICE_OUTAGE: 'major',
  SERVICE_DISRUPTION: 'minor',
  SERVICE_INFORMATION: 'minor',
  AVAILABLE: 'none',
};

/** A Workspace state word → level (unknown when not in the table). */
export function googleLevel(raw: unknown): Level {
  return lookup(GOOGLE_LEVEL, typeof raw === 'string' ? raw.trim().toUpperCase() : raw) ?? 'unknown';
}

const optStr = z.nullish(z.string());
const UpdateSchema = z.object({ when: optStr, created: optStr, modified: optStr, text: optStr, status: optStr });
const ProductSchema = z.object({ title: optStr, id: optStr });

/** One incident of `incidents.json` (only the fields used). */
export const GoogleIncidentSchema = z.object({
  id: idish,
  begin: optStr,
  created: optStr,
  end: optStr,
  modified: optStr,
  external_desc: optStr,
  most_recent_update: optionalObject(UpdateSchema),
  status_impact: optStr,
  service_key: optStr,
  service_name: optStr,
  affected_products: looseList(ProductSchema),
  updates: looseList(UpdateSchema),
});
export type GoogleIncident = z.infer<typeof GoogleIncidentSchema>;

const IncidentListSchema = lenientArray(GoogleIncidentSchema);

/** Parses the body; null when it is not a list of incidents. */
export function parseGoogleIncidents(json: unknown): GoogleIncident[] | null {
  if (!Array.isArray(json)) return null;
  const parsed = IncidentListSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Workspace Markdown → plain text: escapes undone, headings and bold markers dropped. */
export function googleText(markdown: string | null | undefined): string {
  if (!markdown) return '';
  let text = markdown.replace(/\r\n?/g, '\n');
  text = text.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '');
  text = text.replace(/(?<!\\)\*\*(?=\S)([^\n]*?\S)(?<!\\)\*\*/g, '$1');
  text = text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  return plainText(text);
}

const HEADING = /^(summary|description|symptoms|workaround|(mini )?incident report|root cause|remediation and prevention)\s*:?$/i;

/** The incident's title: the first line of its first text that is not a section heading. */
export function googleTitle(i: GoogleIncident, fallback: string): string {
  // Only the first lines can hold the title: no need to reduce a whole incident report.
  const lines = googleText((i.external_desc ?? i.most_recent_update?.text ?? '').slice(0, 2_000)).split('\n');
  return plainLine(lines.map((l) => l.trim()).find((l) => l && !HEADING.test(l))) || plainLine(fallback);
}

const norm = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();

/** Does the incident concern `product` (a product title or key)? */
export function concerns(i: GoogleIncident, product: string): boolean {
  const p = norm(product);
  if (!p) return false;
  return norm(i.service_name) === p || norm(i.service_key) === p || i.affected_products.some((a) => norm(a.title) === p || norm(a.id) === p);
}

/** The product a service follows. */
export function productOf(def: Pick<ProviderDefinition, 'product' | 'name'>): string {
  return (def.product ?? def.name).trim();
}

/** The stable component id of a product: `gemini`. */
export function productComponentId(product: string): string {
  return (
    product
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'product'
  );
}

const isOpen = (i: GoogleIncident) => !(i.end ?? '').trim();

function currentState(i: GoogleIncident): string {
  return (i.most_recent_update?.status ?? i.status_impact ?? '').trim().toUpperCase();
}

function incidentOf(i: GoogleIncident, def: ProviderDefinition, component: { id: string; name: string }): Incident | null {
  const updates = [...i.updates, ...(i.most_recent_update ? [i.most_recent_update] : [])];
  const times = updates.map((u) => isoOrNull(u.when ?? u.created));
  const createdAt = isoOrNull(i.begin) ?? isoOrNull(i.created) ?? earliest(times);
  if (!createdAt) return null;
  const open = isOpen(i);
  const updatedAt = isoOrNull(i.modified) ?? latest([...times, createdAt]) ?? createdAt;
  const resolvedAt = open ? null : (isoOrNull(i.end) ?? updatedAt);
  const text = i.most_recent_update?.text ?? [...i.updates].sort((a, b) => (isoOrNull(b.when) ?? '').localeCompare(isoOrNull(a.when) ?? ''))[0]?.text;
  // An update saying AVAILABLE is the dashboard's "resolved".
  const phases = i.updates
    .map((u) => ({ status: (u.status ?? '').trim().toUpperCase() === 'AVAILABLE' ? 'resolved' : (u.status ?? '').trim().toLowerCase(), at: isoOrNull(u.when ?? u.created) }))
    .filter((p): p is { status: string; at: string } => !!p.status && !!p.at);
  if (resolvedAt && !phases.some((p) => p.status === 'resolved')) phases.push({ status: 'resolved', at: resolvedAt });
  return {
    id: i.id,
    title: googleTitle(i, `${component.name} incident`),
    status: open ? currentState(i).toLowerCase() || 'unknown' : 'resolved',
    impact: lookup(IMPACT, (i.status_impact ?? '').trim().toUpperCase()) ?? ((i.status_impact ?? '').toLowerCase() || 'none'),
    createdAt,
    startedAt: createdAt,
    resolvedAt,
    updatedAt,
    url: pageLink(def.pageUrl, 'incidents', i.id),
    latestUpdate: googleText(text),
    componentIds: [component.id],
    componentNames: [component.name],
    phases: phases.sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/** The product's incidents (open first, newest first; or only the open ones) and its one component. Pure. */
export function googleProductView(
  all: readonly GoogleIncident[],
  def: ProviderDefinition,
  which: 'all' | 'open' = 'all',
): { incidents: Incident[]; component: ComponentStatus; updatedAt: string | null } {
  const product = productOf(def);
  const mine = all.filter((i) => concerns(i, product));
  // Name the component as the dashboard does (the product's title), whatever the key given.
  const titled = mine.flatMap((i) => i.affected_products).find((a) => norm(a.title) === norm(product) || norm(a.id) === norm(product));
  const name = plainLine(titled?.title) || plainLine(product) || plainLine(def.name);
  const id = productComponentId(product);
  const seen = new Set<string>();
  const incidents = sortIncidents(
    mine
      .filter((i) => (which === 'all' || isOpen(i)) && !seen.has(i.id) && seen.add(i.id))
      .map((i) => incidentOf(i, def, { id, name }))
      .filter((i): i is Incident => i !== null),
  );
  const open = mine.filter(isOpen).map((i) => ({ state: currentState(i), level: googleLevel(currentState(i)) }));
  const level = providerLevel(['operational', ...open.map((o) => o.level)]);
  const rawStatus = level === 'operational' ? 'AVAILABLE' : open.find((o) => o.level === level)?.state || 'UNKNOWN';
  return {
    incidents,
    component: { id, name, group: null, rawStatus, level, description: '' },
    updatedAt: latest(mine.map((i) => isoOrNull(i.modified))),
  };
}

/** A parsed list → `ServiceStatus` for the service's product. Pure. */
export function googleStatusFrom(all: readonly GoogleIncident[], def: ProviderDefinition, now: number): ServiceStatus {
  const { incidents, component, updatedAt } = googleProductView(all, def, 'open');
  return {
    ...baseStatus(def, now),
    level: providerLevel([component.level]),
    description: '',
    components: [component],
    incidents: incidents.filter((i) => i.resolvedAt === null),
    maintenances: [],
    sourceUpdatedAt: updatedAt,
  };
}

/** Reads `incidents.json` and keeps the product's state. One request. */
export async function readGoogleStatus(def: ProviderDefinition, ctx: FetchContext): Promise<StatusOutcome> {
  const url = googleIncidentsUrl(def.pageUrl);
  const result = await getJson(url, ctx);
  if (!result.ok) return { ok: false, error: result.error, retryAfterSec: result.retryAfterSec, requests: 1 };
  if (result.notModified) return { ok: true, notModified: true, etag: result.etag, bytes: 0, requests: 1 };
  const all = parseGoogleIncidents(result.json);
  if (!all) return wrongShapeStatus(url, ctx, 1, 'incidents');
  return { ok: true, notModified: false, status: googleStatusFrom(all, def, ctx.now()), etag: result.etag, bytes: result.bytes, requests: 1 };
}

/** Every incident of the product in `incidents.json`. One request. */
export async function readGoogleHistory(def: ProviderDefinition, ctx: FetchContext): Promise<HistoryOutcome> {
  const url = googleIncidentsUrl(def.pageUrl);
  const result = await getJson(url, { ...ctx, etag: null });
  if (!result.ok) return { ok: false, error: result.error, requests: 1 };
  if (result.notModified) return { ok: false, error: unexpected304(ctx), requests: 1 };
  const all = parseGoogleIncidents(result.json);
  if (!all) return wrongShapeHistory(url, ctx, 1);
  return { ok: true, incidents: googleProductView(all, def).incidents, requests: 1 };
}

/** The Google Workspace status adapter. */
export const googleWorkspaceAdapter: Adapter = {
  platform: 'google-workspace',
  fetchStatus: readGoogleStatus,
  fetchHistory: readGoogleHistory,
};
