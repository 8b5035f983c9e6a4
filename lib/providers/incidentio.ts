/**
 * incident.io adapter (OpenAI). Reads the Statuspage-compatible layer, whose quirks the shared
 * schema absorbs: no `incidents` key when there are none, no `scheduled_maintenances`, no group
 * fields, optional keys omitted, ULID ids, duplicate component names (matched by id only).
 * `incidents/unresolved.json` and `scheduled-maintenances.json` answer HTML 404 here, so they are
 * never requested.
 */
import { readIncidents, readSummary } from './statuspage';
import { readOfficialUptime } from './incidentio-uptime';
import type { Adapter } from './types';

/** The incident.io adapter. */
export const incidentIoAdapter: Adapter = {
  platform: 'incident.io',
  fetchStatus: readSummary,
  fetchHistory: readIncidents,
  fetchUptime: readOfficialUptime,
};
