/**
 * The records only the dashboard's history sections read (and the worker writes): official uptime
 * figures and the levels this extension observed.
 */
import type { Uptime } from '../model';
import { isLevel } from '../levels';
import { define, isNum, isObj, isUptime, perProvider, type Observed, type OfficialUptime, type Report, type Transition } from './core';

function readTransitions(raw: unknown): Transition[] | null {
  if (!Array.isArray(raw)) return null;
  return raw
    .filter((t): t is Transition => isObj(t) && isNum(t.at) && isLevel(t.level))
    .map((t) => ({ at: t.at, level: t.level }))
    .sort((a, b) => a.at - b.at);
}

/** Re-validates the observed record; unreadable parts are dropped. */
export function readObserved(raw: unknown, report?: Report): Observed {
  const out: Observed = { since: null, providers: {}, components: {} };
  if (!isObj(raw)) {
    if (raw != null) report?.('Stored observed history was unreadable; starting it afresh.');
    return out;
  }
  out.since = isNum(raw.since) ? raw.since : null;
  if (isNum(raw.seenAt)) out.seenAt = raw.seenAt;
  out.providers = perProvider(raw.providers, readTransitions);
  out.components = perProvider(raw.components, (byComponent) => {
    if (!isObj(byComponent)) return null;
    const record: Record<string, Transition[]> = {};
    for (const [cid, value] of Object.entries(byComponent)) {
      const list = readTransitions(value);
      if (list) record[cid] = list;
    }
    return record;
  });
  return out;
}

/** Per provider: official uptime figures, where the provider publishes them. */
export const officialUptimeRecord = define<OfficialUptime>({
  key: 'local:officialUptime',
  version: 1,
  fallback: () => ({}),
  read: (raw, report) =>
    perProvider(
      raw,
      (e) => {
        if (!isObj(e) || !isUptime(e.uptime) || !isNum(e.fetchedAt)) return null;
        const components: Record<string, Uptime> = {};
        if (isObj(e.components)) for (const [id, u] of Object.entries(e.components)) if (isUptime(u)) components[id] = u;
        return { uptime: e.uptime, components, fetchedAt: e.fetchedAt };
      },
      'official uptime',
      report,
    ),
});

/** Level transitions this extension saw. */
export const observedRecord = define<Observed>({ key: 'local:observed', version: 1, fallback: () => ({ since: null, providers: {}, components: {} }), read: readObserved });

