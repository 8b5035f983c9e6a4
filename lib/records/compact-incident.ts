/**
 * How an incident's component changes are kept in the stored history: `[id, status, at]` triples
 * instead of objects (the keys were most of Claude's stored history). `unpackIncident` reads both
 * forms. Zod-free; the history record (`live.ts`) uses it, so the popup bundles it: keep it small.
 */
import type { Incident } from '../model';

/** An incident as stored in the history: its component changes as `[id, status, at]` triples. */
export function packIncident(i: Incident): unknown {
  return i.componentChanges ? { ...i, componentChanges: i.componentChanges.map((c) => [c.id, c.status, c.at]) } : i;
}

/** A stored incident with its component changes as objects again (not yet validated). */
export function unpackIncident(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const changes = (raw as { componentChanges?: unknown }).componentChanges;
  if (!Array.isArray(changes)) return raw;
  return {
    ...raw,
    componentChanges: changes.flatMap((c) => {
      if (Array.isArray(c)) return typeof c[0] === 'string' && typeof c[1] === 'string' && typeof c[2] === 'string' ? [{ id: c[0], status: c[1], at: c[2] }] : [];
      const o = c as { id?: unknown; status?: unknown; at?: unknown } | null;
      return o && typeof o.id === 'string' && typeof o.status === 'string' && typeof o.at === 'string' ? [{ id: o.id, status: o.status, at: o.at }] : [];
    }),
  };
}
