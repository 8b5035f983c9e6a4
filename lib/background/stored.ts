/**
 * Reading stored values in the worker with full re-validation: anything that does not match the
 * current schema is dropped (and reported) instead of crashing a poll.
 */
import { IncidentSchema, ProviderIdSchema, ServiceStatusSchema, UptimeSchema, LevelSchema, type ProviderId, type ServiceStatus } from '../model';
import { sanitizeSettings, type Settings } from '../settings';
import {
  historyItem,
  notifyStateItem,
  officialUptimeItem,
  settingsItem,
  snapshotsItem,
  type History,
  type NotifyState,
  type OfficialUptime,
  type Snapshots,
} from '../storage';
import { z } from '../zod';

/** Keeps only the snapshots that pass the schema, each under its own provider id. */
export function validateSnapshots(raw: unknown, report: (message: string) => void = () => {}): Snapshots {
  const out: Snapshots = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw != null) report('Stored snapshots were unreadable; starting fresh.');
    return out;
  }
  for (const [id, value] of Object.entries(raw)) {
    if (value === undefined || !ProviderIdSchema.safeParse(id).success) continue;
    const parsed = ServiceStatusSchema.safeParse(value);
    if (parsed.success && parsed.data.providerId === id) out[id] = parsed.data as ServiceStatus;
    else report(`Stored snapshot for ${id} was unreadable; it will be refetched.`);
  }
  return out;
}

/** Validated snapshots from storage; unreadable storage yields `{}`. */
export async function readSnapshots(): Promise<Snapshots> {
  try {
    return validateSnapshots(await snapshotsItem.getValue(), (m) => console.warn(`[ai-status] ${m}`));
  } catch (error) {
    console.warn('[ai-status] Could not read snapshots', error);
    return {};
  }
}

/** Sanitized settings; unreadable storage yields the defaults. */
export async function readSettings(): Promise<Settings> {
  try {
    const raw: unknown = await settingsItem.getValue();
    if (raw != null && (typeof raw !== 'object' || Array.isArray(raw))) console.warn('[ai-status] Stored settings were unreadable; using the defaults.');
    return sanitizeSettings(raw);
  } catch (error) {
    console.warn('[ai-status] Could not read settings', error);
    return sanitizeSettings(null);
  }
}

const warn = (m: string) => console.warn(`[ai-status] ${m}`);

/**
 * Keeps, per provider, only the entries that pass `schema`; anything else is dropped and reported.
 * Used for the stored records that have no migration of their own yet (version 1).
 */
export function validatePerProvider<T>(raw: unknown, schema: z.ZodType<T>, what: string, report: (m: string) => void = warn): Partial<Record<ProviderId, T>> {
  const out: Partial<Record<ProviderId, T>> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw != null) report(`Stored ${what} was unreadable; starting fresh.`);
    return out;
  }
  for (const [id, value] of Object.entries(raw)) {
    if (value === undefined || !ProviderIdSchema.safeParse(id).success) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) out[id] = parsed.data;
    else report(`Stored ${what} for ${id} was unreadable; it will be read again.`);
  }
  return out;
}

const HistoryEntrySchema = z.object({ incidents: z.array(IncidentSchema), fetchedAt: z.number(), activeKey: z.string() });
const OfficialUptimeEntrySchema = z.object({ uptime: UptimeSchema, components: z.record(z.string(), UptimeSchema), fetchedAt: z.number() });
const NotifyStateSchema = z
  .object({
    notifiedLevel: LevelSchema.nullable(),
    pending: LevelSchema.nullable(),
    lastNotifiedAt: z.number().nullable(),
    problemNotified: z.boolean().optional(),
    session: z.union([z.string(), z.number()]).optional(),
  })
  .loose();

/** Validated incident history; unreadable entries are dropped (and re-read on the next poll). */
export async function readHistory(): Promise<History> {
  return validatePerProvider(await historyItem.getValue(), HistoryEntrySchema, 'incident history');
}

/** Validated official uptime; unreadable entries are dropped (and re-read within the hour). */
export async function readOfficialUptime(): Promise<OfficialUptime> {
  return validatePerProvider(await officialUptimeItem.getValue(), OfficialUptimeEntrySchema, 'official uptime');
}

/** Validated notification state; an unreadable entry restarts that provider from a new baseline. */
export async function readNotifyState(): Promise<Partial<Record<ProviderId, NotifyState>>> {
  return validatePerProvider(await notifyStateItem.getValue(), NotifyStateSchema as z.ZodType<NotifyState>, 'notification state');
}
