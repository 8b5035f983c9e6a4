/**
 * Reading stored values in the worker with full re-validation: anything that does not match the
 * current schema is dropped (and reported) instead of crashing a poll.
 */
import { ServiceStatusSchema, PROVIDER_IDS, type ServiceStatus } from '../model';
import { sanitizeSettings, type Settings } from '../settings';
import { settingsItem, snapshotsItem, type Snapshots } from '../storage';

/** Keeps only the snapshots that pass the schema, each under its own provider id. */
export function validateSnapshots(raw: unknown, report: (message: string) => void = () => {}): Snapshots {
  const out: Snapshots = {};
  if (typeof raw !== 'object' || raw === null) {
    if (raw != null) report('Stored snapshots were unreadable; starting fresh.');
    return out;
  }
  for (const id of PROVIDER_IDS) {
    const value = (raw as Record<string, unknown>)[id];
    if (value === undefined) continue;
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
    return sanitizeSettings(await settingsItem.getValue());
  } catch (error) {
    console.warn('[ai-status] Could not read settings', error);
    return sanitizeSettings(null);
  }
}
