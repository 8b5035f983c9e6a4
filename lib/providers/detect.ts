/**
 * The platform detector behind "add any status page by URL": given a URL the user pasted, find
 * which platform serves that page, once, and return what to store (platform, name, page URL) with
 * a preview of its current status — or a typed reason it cannot be added.
 *
 * 1. **Normalize.** Surrounding spaces are trimmed and a URL without a scheme is read as
 *    `https://`. It must parse (`invalid-url`, also for user:password@ URLs and hosts without a
 *    dot), and be `https:` (`not-https`). The page is the URL's origin: a status page's API lives
 *    at its root, so `https://status.example.com/incidents/123` is `https://status.example.com`.
 *    Google's Workspace dashboard is the exception: `https://www.google.com/appsstatus/dashboard`,
 *    with the product taken from a `/products/<key>` path (`unsupported-platform` without one: the
 *    dashboard covers dozens of products).
 * 2. **Probe in a fixed order**, stopping at the first match:
 *    1. Atlassian Statuspage — `/api/v2/summary.json` with a `page.id`. incident.io serves the same
 *       compatible endpoint with a ULID page id: then its native `/proxy/<host>` is tried and
 *       preferred (`incidentio-native`, groups and every component), else the compatible layer is
 *       used (`incidentio`).
 *    2. incident.io native — `/proxy/<host>` with a `summary` holding components.
 *    3. Better Stack — `/index.json`, a JSON:API document whose `data.type` is `status_page`.
 *    4. Instatus — `/summary.json` whose `page.status` is `UP`, `HASISSUES` or
 *       `UNDERMAINTENANCE` (plus `/v3/components.json` for the preview's components).
 *    A network failure or timeout on any probe ends the detection as `unreachable`. HTML answers
 *    (single-page apps answer every path with their shell), 404s, challenges and JSON of another
 *    shape are misses.
 * 3. **When nothing matched**: if a probe met a server error (5xx or 429) the page is
 *    `unreachable` (try again later). Otherwise the page itself is fetched once: a web page that
 *    talks like a status page (its title or text says status, uptime, incident, outage,
 *    operational…) is a status page on a platform we cannot read (`unsupported-platform`); a
 *    redirect to a sign-in page, a 404, JSON or any other page is `not-a-status-page`.
 *
 * Everything from the network is untrusted: names go through `plainLine`, and the preview is built
 * by the platform's own adapter code. At most 6 requests; never throws. Message keys only: the
 * strings live in `public/_locales` (`DETECT_MESSAGE_KEYS`).
 */
import type { ServiceStatus } from '../model';
import { CATALOG, type Platform } from './catalog';
import { parseIndex, betterstackStatusFrom } from './betterstack';
import { googleStatusFrom, parseGoogleIncidents, type GoogleIncident } from './google-workspace';
import { getJson, httpGet, type FetchContext, type FetchLike, type JsonResult } from './http';
import { nativeStatusFrom, parseNativeSummary } from './incidentio-native';
import { instatusStatusFromSummary, parseInstatusSummary } from './instatus';
import { googleIncidentsUrl, instatusSummaryUrl, nativeSummaryUrl, summaryUrl } from './status-request';
import { normalizeSummary } from './normalize';
import { ADAPTERS } from './registry';
import { normalizeStatusUrl, type NormalizedUrl } from './page-url';
import { SummarySchema } from './statuspage-schema';
import { plainLine } from './text';
import type { ProviderDefinition } from './types';

/** Why a URL cannot be added. */
export type DetectFailure = 'not-https' | 'invalid-url' | 'unreachable' | 'not-a-status-page' | 'unsupported-platform';

/** The message key (in `public/_locales/<lang>/messages.json`) that explains each failure. */
export const DETECT_MESSAGE_KEYS: Readonly<Record<DetectFailure, string>> = {
  'not-https': 'addServiceErrorNotHttps',
  'invalid-url': 'addServiceErrorInvalidUrl',
  unreachable: 'addServiceErrorUnreachable',
  'not-a-status-page': 'addServiceErrorNotStatusPage',
  'unsupported-platform': 'addServiceErrorUnsupportedPlatform',
};

/** What the detector found. */
export type DetectResult =
  | {
      ok: true;
      platform: Platform;
      /** The page's own name (plain text), else its host. */
      name: string;
      /** Where to read it from: `https://host` (Google: the dashboard URL). */
      pageUrl: string;
      /** `custom:<hostname>`. */
      providerId: string;
      /** For Google Workspace: the product followed. */
      product?: string;
      /** A built-in service at the same page, if any (the UI may offer to enable it instead). */
      catalogId?: string;
      /** The page's current state, normalized by the platform's adapter. */
      status: ServiceStatus;
      requests: number;
    }
  | {
      ok: false;
      reason: DetectFailure;
      messageKey: string;
      /** A short English explanation for logs and tests (the UI shows `messageKey`). */
      detail: string;
      requests: number;
    };

export { normalizeStatusUrl, type NormalizedUrl } from './page-url';

interface Probe {
  result: JsonResult;
  /** The URL that answered (after redirects), when the fetch says. */
  finalUrl: string | null;
}

/** A fetch that counts requests and remembers where each answer came from. */
function recording(ctx: FetchContext) {
  const state = { requests: 0, finalUrl: null as string | null, redirected: false };
  const fetch: FetchLike = async (input, init) => {
    state.requests++;
    state.finalUrl = null;
    state.redirected = false;
    const response = await ctx.fetch(input, init);
    state.finalUrl = response.url || null;
    state.redirected = response.redirected;
    return response;
  };
  return { state, ctx: { ...ctx, fetch, etag: null } satisfies FetchContext };
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const INSTATUS_STATES = new Set(['UP', 'HASISSUES', 'UNDERMAINTENANCE']);
const STATUS_WORDS = /\b(status|uptime|incidents?|outages?|operational|maintenance|system health)\b/i;
const SIGN_IN_PATH = /\/(log[-_]?in|sign[-_]?in|sso|auth|oauth2?|sessions?|saml)\b/i;

function failure(reason: DetectFailure, detail: string, requests: number): DetectResult {
  return { ok: false, reason, messageKey: DETECT_MESSAGE_KEYS[reason], detail, requests };
}

/**
 * Detects the platform of the status page at `input` (a URL the user pasted). See the module
 * comment for the order and the rules. Never throws.
 */
export async function detectPlatform(input: string, ctx: FetchContext): Promise<DetectResult> {
  const normalized = normalizeStatusUrl(input);
  if (!normalized.ok) return failure(normalized.reason, normalized.detail, 0);
  const rec = recording(ctx);
  try {
    return await detect(normalized, rec);
  } catch (error) {
    return failure('not-a-status-page', `detection failed${error instanceof Error && error.message ? `: ${error.message}` : ''}`, rec.state.requests);
  }
}

type Recorder = ReturnType<typeof recording>;

async function detect(n: Extract<NormalizedUrl, { ok: true }>, rec: Recorder): Promise<DetectResult> {
  const now = rec.ctx.now();
  let serverTrouble = false;
  const probe = async (url: string): Promise<Probe | 'unreachable'> => {
    const result = await getJson(url, rec.ctx);
    if (!result.ok) {
      const kind = result.error.kind;
      if (kind === 'network' || kind === 'timeout') return 'unreachable';
      if (kind === 'rate-limited' || (result.error.httpStatus ?? 0) >= 500) serverTrouble = true;
    }
    return { result, finalUrl: rec.state.finalUrl };
  };
  const unreachable = () => failure('unreachable', `could not reach ${n.host}`, rec.state.requests);
  const ok = (platform: Platform, pageUrl: string, rawName: string | null | undefined, build: (def: ProviderDefinition) => ServiceStatus, product?: string): DetectResult => {
    const host = new URL(pageUrl).hostname;
    const name = plainLine(rawName) || host;
    const def: ProviderDefinition = { id: `custom:${host}`, name, vendor: name, pageUrl, platform, adapter: ADAPTERS[platform], ...(product ? { product } : {}) };
    // Google: the catalog names its product by title, a URL by key; match either.
    const products = product === undefined ? [] : [product.toLowerCase(), name.toLowerCase()];
    const catalogId = CATALOG.find((e) => e.pageUrl === pageUrl && (product === undefined || products.includes(e.product?.toLowerCase() ?? '')))?.id;
    return { ok: true, platform, name, pageUrl, providerId: def.id, ...(product ? { product } : {}), ...(catalogId ? { catalogId } : {}), status: build(def), requests: rec.state.requests };
  };

  if (n.google) {
    if (!n.product) return failure('unsupported-platform', 'a Google Workspace status URL must name one product (…/products/<key>/…)', 0);
    const p = await probe(googleIncidentsUrl(n.pageUrl));
    if (p === 'unreachable') return unreachable();
    const list = p.result.ok && !p.result.notModified ? parseGoogleIncidents(p.result.json) : null;
    if (!list) return serverTrouble ? unreachable() : failure('not-a-status-page', 'the dashboard sent no incident list', rec.state.requests);
    const product = n.product;
    const title = productTitle(list, product) ?? product;
    return ok('google-workspace', n.pageUrl, title, (def) => googleStatusFrom(list, def, now), product);
  }

  // The origin that answered: a probe redirected to another https host reads from there.
  const answered = (p: Probe): string => {
    try {
      const final = p.finalUrl ? new URL(p.finalUrl) : null;
      return final && final.protocol === 'https:' && final.origin !== n.pageUrl ? final.origin : n.pageUrl;
    } catch {
      return n.pageUrl;
    }
  };
  const json = (p: Probe) => (p.result.ok && !p.result.notModified ? p.result.json : undefined);

  // 1. Statuspage (and incident.io's compatible layer).
  const sp = await probe(summaryUrl(n.pageUrl));
  if (sp === 'unreachable') return unreachable();
  const summary = SummarySchema.safeParse(json(sp));
  if (summary.success && summary.data.page?.id && (summary.data.status?.indicator || summary.data.components.length > 0)) {
    const pageUrl = answered(sp);
    if (ULID.test(summary.data.page.id)) {
      const native = await probe(nativeSummaryUrl(pageUrl));
      if (native === 'unreachable') return unreachable();
      const parsed = parseNativeSummary(json(native));
      if (parsed) return ok('incidentio-native', pageUrl, parsed.name ?? summary.data.page.name, (def) => nativeStatusFrom(parsed, def, now));
      return ok('incidentio', pageUrl, summary.data.page.name, (def) => normalizeSummary(summary.data, def, now));
    }
    return ok('statuspage', pageUrl, summary.data.page.name, (def) => normalizeSummary(summary.data, def, now));
  }

  // 2. incident.io native.
  const native = await probe(nativeSummaryUrl(n.pageUrl));
  if (native === 'unreachable') return unreachable();
  const nativeSummary = parseNativeSummary(json(native));
  if (nativeSummary) return ok('incidentio-native', answered(native), nativeSummary.name, (def) => nativeStatusFrom(nativeSummary, def, now));

  // 3. Better Stack.
  const bs = await probe(`${n.pageUrl}/index.json`);
  if (bs === 'unreachable') return unreachable();
  const page = parseIndex(json(bs));
  if (page) return ok('betterstack', answered(bs), page.name, (def) => betterstackStatusFrom(page, def, now));

  // 4. Instatus.
  const is = await probe(instatusSummaryUrl(n.pageUrl));
  if (is === 'unreachable') return unreachable();
  const instatus = parseInstatusSummary(json(is));
  if (instatus && INSTATUS_STATES.has(instatus.page.status.toUpperCase())) {
    const pageUrl = answered(is);
    const name = instatus.page.name;
    const probeDef: ProviderDefinition = { id: `custom:${new URL(pageUrl).hostname}`, name: plainLine(name) || new URL(pageUrl).hostname, vendor: '', pageUrl, platform: 'instatus', adapter: ADAPTERS.instatus };
    const withComponents = await instatusStatusFromSummary(instatus, probeDef, rec.ctx);
    if (!withComponents.ok) {
      const kind = withComponents.error.kind;
      return kind === 'network' || kind === 'timeout' || (withComponents.error.httpStatus ?? 0) >= 500 || kind === 'rate-limited'
        ? unreachable()
        : failure('not-a-status-page', 'the Instatus components could not be read', rec.state.requests);
    }
    return ok('instatus', pageUrl, name, (def) => ({ ...withComponents.status, providerId: def.id, name: def.name, pageUrl: def.pageUrl }));
  }

  if (serverTrouble) return failure('unreachable', `${n.host} answered with a server error`, rec.state.requests);
  return classifyPage(n, rec);
}

function productTitle(list: readonly GoogleIncident[], product: string): string | null {
  const p = product.trim().toLowerCase();
  for (const i of list) {
    if ((i.service_key ?? '').toLowerCase() === p && i.service_name) return i.service_name;
    for (const a of i.affected_products) if ((a.id ?? '').toLowerCase() === p && a.title) return a.title;
    if ((i.service_name ?? '').toLowerCase() === p) return i.service_name ?? null;
  }
  return null;
}

/** Step 3: no API answered — is the page a status page we cannot read, or no status page at all? */
async function classifyPage(n: Extract<NormalizedUrl, { ok: true }>, rec: Recorder): Promise<DetectResult> {
  const page = await httpGet(`${n.pageUrl}/`, rec.ctx, 'text/html');
  const requests = rec.state.requests;
  if (!page.ok) {
    const { kind, httpStatus } = page.error;
    if (kind === 'network' || kind === 'timeout' || kind === 'rate-limited' || (httpStatus ?? 0) >= 500) return failure('unreachable', `${n.host} could not be read`, requests);
    return failure('not-a-status-page', `${n.host} answered HTTP ${httpStatus ?? '?'}`, requests);
  }
  if (page.notModified) return failure('not-a-status-page', `${n.host} answered 304`, requests);
  const final = rec.state.finalUrl;
  if (final) {
    try {
      const url = new URL(final);
      if (SIGN_IN_PATH.test(url.pathname) || (rec.state.redirected && url.hostname !== new URL(n.pageUrl).hostname)) {
        return failure('not-a-status-page', `${n.host} redirects to ${url.hostname}${url.pathname}`, requests);
      }
    } catch {
      // no usable final URL
    }
  }
  const isHtml = page.contentType.includes('html') || /^\s*</.test(page.body);
  if (!isHtml) return failure('not-a-status-page', `${n.host} is not a web page`, requests);
  const title = /<title[^>]*>([^<]{0,300})/i.exec(page.body)?.[1] ?? '';
  const text = page.body.slice(0, 200_000).replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ');
  const statusLike = STATUS_WORDS.test(title) || /all systems operational|system status|status page|current status|uptime/i.test(text);
  return statusLike
    ? failure('unsupported-platform', `${n.host} looks like a status page on a platform AI Status cannot read`, requests)
    : failure('not-a-status-page', `${n.host} does not look like a status page`, requests);
}
