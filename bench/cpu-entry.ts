/**
 * What `npm run bench` times in Node: the worker's validate + normalize path for each fixture.
 * scripts/bench.mjs bundles this entry with rolldown (the storage library stubbed out: nothing
 * here touches storage) and imports the bundle.
 */
export { SummarySchema, IncidentsSchema } from '../lib/providers/statuspage-schema';
export { normalizeIncident, normalizeSummary, sortIncidents } from '../lib/providers/normalize';
export { PROVIDERS } from '../lib/providers/registry';
export { statusFromHtml } from '../lib/providers/html-fallback';
export { ComponentImpactsSchema, officialUptimeFrom } from '../lib/providers/incidentio-uptime';
export { INTERVALS, alarmPeriodSec, isLiveInterval } from '../lib/settings';
export { HISTORY_MAX_AGE_MS, OFFICIAL_UPTIME_MAX_AGE_MS } from '../lib/background/history';
export { ServiceStatusSchema } from '../lib/model';
