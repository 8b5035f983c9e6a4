/**
 * Atlassian Statuspage v2 adapter (Claude, Cursor): `summary.json` for the current state,
 * `incidents.json` for history, and the HTML page's component rows when the API is challenged.
 */
import { fetchError, getJson, httpGet, type FetchContext } from './http';
import { statusFromHtml } from './html-fallback';
import { normalizeIncident, normalizeSummary, sortIncidents } from './normalize';
import { IncidentsSchema, SummarySchema } from './statuspage-schema';
import { readStatuspageUptime } from './statuspage-uptime';
import type { Adapter, HistoryOutcome, ProviderDefinition, StatusOutcome } from './types';
import type { Incident } from '../model';
import { summaryUrl } from './status-request';

/** Reads and normalizes `summary.json`; shared with the incident.io compatible layer. */
export async function readSummary(def: ProviderDefinition, ctx: FetchContext): Promise<StatusOutcome> {
  const url = summaryUrl(def.pageUrl);
  const result = await getJson(url, ctx);
  if (!result.ok) {
    // Every Statuspage page renders its component rows in HTML; the incident.io layer does not.
    if (def.platform === 'statuspage' && (result.error.kind === 'not-json' || result.error.kind === 'challenge')) {
      const fromHtml = await readHtml(def, ctx, result.body);
      if (fromHtml) return { ...fromHtml, requests: fromHtml.requests + 1 };
    }
    return { ok: false, error: result.error, retryAfterSec: result.retryAfterSec, requests: 1 };
  }
  if (result.notModified) return { ok: true, notModified: true, etag: result.etag, bytes: 0, requests: 1 };
  const parsed = SummarySchema.safeParse(result.json);
  if (!parsed.success || (!parsed.data.status?.indicator && parsed.data.components.length === 0)) {
    return {
      ok: false,
      error: fetchError('wrong-shape', `${new URL(url).host} sent data in an unexpected shape`, ctx.now(), 200),
      retryAfterSec: null,
      requests: 1,
    };
  }
  return {
    ok: true,
    notModified: false,
    status: normalizeSummary(parsed.data, def, ctx.now()),
    etag: result.etag,
    bytes: result.bytes,
    requests: 1,
  };
}

async function readHtml(def: ProviderDefinition, ctx: FetchContext, alreadyFetched?: string): Promise<StatusOutcome | null> {
  const direct = alreadyFetched ? statusFromHtml(alreadyFetched, def, ctx.now()) : null;
  if (direct) return { ok: true, notModified: false, status: direct, etag: null, bytes: alreadyFetched!.length, requests: 0 };
  const page = await httpGet(`${def.pageUrl}/`, { ...ctx, etag: null }, 'text/html');
  if (!page.ok || page.notModified) return null;
  const status = statusFromHtml(page.body, def, ctx.now());
  return status ? { ok: true, notModified: false, status, etag: null, bytes: page.bytes, requests: 1 } : null;
}

/** Reads and normalizes `incidents.json` (the 50 most recent incidents). */
export async function readIncidents(def: ProviderDefinition, ctx: FetchContext): Promise<HistoryOutcome> {
  const url = `${def.pageUrl}/api/v2/incidents.json`;
  const result = await getJson(url, { ...ctx, etag: null });
  if (!result.ok) return { ok: false, error: result.error, requests: 1 };
  if (result.notModified) return { ok: false, error: fetchError('http', 'Unexpected 304', ctx.now(), 304), requests: 1 };
  const parsed = IncidentsSchema.safeParse(result.json);
  if (!parsed.success) {
    return { ok: false, error: fetchError('wrong-shape', `${new URL(url).host} sent incidents in an unexpected shape`, ctx.now(), 200), requests: 1 };
  }
  const incidents = parsed.data.incidents.map((i) => normalizeIncident(i, def)).filter((i): i is Incident => i !== null);
  return { ok: true, incidents: sortIncidents(incidents), requests: 1 };
}

/** The Statuspage v2 adapter; official uptime from the page's HTML (`statuspage-uptime.ts`). */
export const statuspageAdapter: Adapter = {
  platform: 'statuspage',
  fetchStatus: readSummary,
  fetchHistory: readIncidents,
  fetchUptime: readStatuspageUptime,
};
