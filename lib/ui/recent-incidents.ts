/** The popup's one-line history: how many incidents in 90 days and the most recent one. */
import type { Incident, ServiceStatus } from '../model';
import type { History, HistoryEntry } from '../storage';

const WINDOW_MS = 90 * 86_400_000;

/** Count of incidents started in the last 90 days and the newest of them (stored history + current). */
export function recentIncidents(snapshot: ServiceStatus | null, history: HistoryEntry | undefined, now: number): { count: number; latest: Incident | null } {
  const byId = new Map<string, Incident>();
  for (const i of history?.incidents ?? []) byId.set(i.id, i);
  for (const i of snapshot?.incidents ?? []) byId.set(i.id, i);
  const recent = [...byId.values()].filter((i) => now - Date.parse(i.startedAt) <= WINDOW_MS);
  const latest = recent.reduce<Incident | null>((best, i) => (!best || i.startedAt > best.startedAt ? i : best), null);
  return { count: recent.length, latest };
}

/**
 * The popup's reader of stored history: keeps only incidents it can count and name (it reads their
 * id, title and start; the stored component changes, packed, are left as they are).
 */
export function readRecentHistory(raw: unknown): History {
  const out: History = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [id, entry] of Object.entries(raw as Record<string, { incidents?: unknown }>)) {
    if (!Array.isArray(entry?.incidents)) continue;
    const incidents = entry.incidents.filter(
      (i): i is Incident => typeof i?.id === 'string' && typeof i.title === 'string' && typeof i.startedAt === 'string',
    );
    out[id as keyof History] = { incidents, fetchedAt: 0, activeKey: '' };
  }
  return out;
}
