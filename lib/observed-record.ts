/**
 * Re-validating the stored "observed" record (level transitions this extension saw). Zod-free and
 * storage-free: the worker and the views both read the record through it.
 */
import { isLevel } from './levels';
import { PROVIDER_INFO } from './providers/catalog';
import type { Observed, Transition } from './storage';

/** An empty record (nothing observed yet). */
export const EMPTY_OBSERVED: Observed = { since: null, providers: {}, components: {} };

function sanitizeTransitions(raw: unknown): Transition[] | null {
  if (!Array.isArray(raw)) return null;
  const list = raw.filter(
    (t): t is Transition => typeof t === 'object' && t !== null && Number.isFinite((t as Transition).at) && isLevel((t as Transition).level),
  );
  return list.map((t) => ({ at: t.at, level: t.level })).sort((a, b) => a.at - b.at);
}

/** Re-validates a stored record; unreadable parts are dropped, an unreadable record is reported. */
export function sanitizeObserved(raw: unknown, report: (message: string) => void = (m) => console.warn(`[ai-status] ${m}`)): Observed {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw != null) report('Stored observed history was unreadable; starting it afresh.');
    return structuredClone(EMPTY_OBSERVED);
  }
  const r = raw as Partial<Record<keyof Observed, unknown>>;
  const out: Observed = { since: typeof r.since === 'number' && Number.isFinite(r.since) ? r.since : null, providers: {}, components: {} };
  const providers = typeof r.providers === 'object' && r.providers !== null ? (r.providers as Record<string, unknown>) : {};
  const components = typeof r.components === 'object' && r.components !== null ? (r.components as Record<string, unknown>) : {};
  for (const { id } of PROVIDER_INFO) {
    const list = sanitizeTransitions(providers[id]);
    if (list) out.providers[id] = list;
    const byComponent = components[id];
    if (typeof byComponent !== 'object' || byComponent === null) continue;
    const record: Record<string, Transition[]> = {};
    for (const [cid, value] of Object.entries(byComponent)) {
      const t = sanitizeTransitions(value);
      if (t) record[cid] = t;
    }
    out.components[id] = record;
  }
  return out;
}

