/**
 * The records only the dashboard's history sections read (and the worker writes): official uptime
 * figures and the levels this extension observed.
 */
import type { Uptime } from '../model';
import { isLevel } from '../levels';
import { packTransitions, packUptime, TitleTable, unpackTransitions, unpackUptime } from './compact';
import { define, isNum, isObj, isUptime, perProvider, type Observed, type OfficialUptime, type Report, type Transition } from './core';

function readTransitions(stored: unknown): Transition[] | null {
  const raw = unpackTransitions(stored);
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

/** Per provider: official uptime figures, where the provider publishes them; day bars stored packed. */
export const officialUptimeRecord = define<OfficialUptime>({
  key: 'local:officialUptime',
  version: 1,
  fallback: () => ({}),
  read: (raw, report) =>
    perProvider(
      raw,
      (e) => {
        if (!isObj(e) || !isNum(e.fetchedAt)) return null;
        const titles = Array.isArray(e.titles) ? e.titles : [];
        const uptime = unpackUptime(e.uptime, titles);
        if (!isUptime(uptime)) return null;
        const components: Record<string, Uptime> = {};
        if (isObj(e.components)) {
          for (const [id, raw] of Object.entries(e.components)) {
            const u = unpackUptime(raw, titles);
            if (isUptime(u)) components[id] = u;
          }
        }
        return { uptime, components, fetchedAt: e.fetchedAt };
      },
      'official uptime',
      report,
    ),
  pack: (value) =>
    Object.fromEntries(
      Object.entries(value).map(([id, e]) => {
        if (!e) return [id, e];
        const titles = new TitleTable();
        const uptime = packUptime(e.uptime, titles);
        const components = Object.fromEntries(Object.entries(e.components).map(([cid, u]) => [cid, packUptime(u, titles)]));
        return [id, { ...e, uptime, components, titles: titles.list }];
      }),
    ),
});

/** Level transitions this extension saw; each list stored as one string (`compact.ts`). */
export const observedRecord = define<Observed>({
  key: 'local:observed',
  version: 1,
  fallback: () => ({ since: null, providers: {}, components: {} }),
  read: readObserved,
  pack: (value) => ({
    ...value,
    providers: Object.fromEntries(Object.entries(value.providers).map(([id, list]) => [id, list && packTransitions(list)])),
    components: Object.fromEntries(
      Object.entries(value.components).map(([id, byComponent]) => [id, byComponent && Object.fromEntries(Object.entries(byComponent).map(([cid, list]) => [cid, packTransitions(list)]))]),
    ),
  }),
});

