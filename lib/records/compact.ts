/**
 * How uptime day bars are kept in storage: a 90-day strip is mostly plain days (operational,
 * nothing happened), and 90 of them per component, for 20 services, would not fit the 2 MB the
 * stored records may take (docs/ARCHITECTURE.md#storage). Stored, a strip of consecutive days is
 * `{ from, n, s?, x }`: the first date, the number of days, whether plain days carry zero seconds
 * fields (`s: 1`), and only the other days, by index. `unpackDays` gives back exactly the array
 * that was packed. Observed level transitions are kept as one string per list (`packTransitions`);
 * an incident's component changes as triples (`compact-incident.ts`, apart: the popup reads the
 * history record, and needs none of this module).
 * Zod-free: the views unpack too.
 */
import type { DayBar, Uptime } from '../model';
import { LEVELS, type Level } from '../levels';
import { DAY_MS, dayKey } from '../uptime';

/** A packed strip, as stored. */
export interface PackedDays {
  from: string;
  n: number;
  /** Plain days had `majorSeconds`, `partialSeconds` and `degradedSeconds` set to 0. */
  s?: 1;
  /** The days that are not plain, by index, without their date. */
  x: Record<string, Omit<DayBar, 'date'>>;
}

const PLAIN_KEYS = ['date', 'level', 'outageMinutes', 'degradedMinutes', 'incidents'];
const SECONDS_KEYS = ['majorSeconds', 'partialSeconds', 'degradedSeconds'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const addDays = (date: string, n: number) => dayKey(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS);

/** 0: not plain; 1: plain without seconds fields; 2: plain with all three seconds fields at 0. */
function plainKind(d: DayBar): 0 | 1 | 2 {
  if (d.level !== 'operational' || d.outageMinutes !== 0 || d.degradedMinutes !== 0 || d.incidents.length !== 0) return 0;
  const keys = Object.keys(d);
  if (keys.length === PLAIN_KEYS.length && PLAIN_KEYS.every((k) => k in d)) return 1;
  if (keys.length === PLAIN_KEYS.length + 3 && SECONDS_KEYS.every((k) => d[k] === 0)) return 2;
  return 0;
}

/**
 * The stored form of a strip; an array that is not one run of consecutive days is kept as is.
 * With `titles`, incident titles are stored as indexes into that shared table (the same incident
 * is named on every affected component's strip).
 */
export function packDays(days: readonly DayBar[], titles?: TitleTable): PackedDays | DayBar[] {
  if (days.length === 0 || !DATE.test(days[0]!.date)) return [...days];
  const from = days[0]!.date;
  if (days.some((d, i) => d.date !== addDays(from, i))) return [...days];
  const kinds = days.map(plainKind);
  // The more common plain shape is the template; plain days of the other shape are listed.
  const template = kinds.filter((k) => k === 2).length > kinds.filter((k) => k === 1).length ? 2 : 1;
  const x: PackedDays['x'] = {};
  days.forEach((d, i) => {
    if (kinds[i] === template) return;
    const { date: _date, ...rest } = d;
    x[i] = titles ? { ...rest, incidents: rest.incidents.map((t) => titles.index(t)) as unknown as string[] } : rest;
  });
  return { from, n: days.length, ...(template === 2 ? { s: 1 as const } : {}), x };
}

const isPacked = (v: unknown): v is PackedDays => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = v as Partial<PackedDays>;
  return typeof p.from === 'string' && DATE.test(p.from) && typeof p.n === 'number' && Number.isInteger(p.n) && p.n >= 0 && p.n <= 366 && typeof p.x === 'object' && p.x !== null;
};

/** The strip as an array again; anything else is returned unchanged (the reader then judges it). */
export function unpackDays(raw: unknown, titles: readonly unknown[] = []): unknown {
  if (!isPacked(raw)) return raw;
  const out: unknown[] = [];
  for (let i = 0; i < raw.n; i++) {
    const date = addDays(raw.from, i);
    const listed = (raw.x as Record<string, unknown>)[i];
    if (typeof listed === 'object' && listed !== null) {
      const incidents = (listed as { incidents?: unknown }).incidents;
      out.push({ date, ...listed, ...(Array.isArray(incidents) ? { incidents: incidents.map((t) => (typeof t === 'number' ? titles[t] : t)) } : {}) });
    }
    else out.push({ date, level: 'operational', outageMinutes: 0, degradedMinutes: 0, incidents: [], ...(raw.s ? { majorSeconds: 0, partialSeconds: 0, degradedSeconds: 0 } : {}) });
  }
  return out;
}

/** Incident titles shared by the strips of one stored entry. */
export class TitleTable {
  readonly list: string[] = [];
  private readonly at = new Map<string, number>();
  /** The index of `title`, added on first use. */
  index(title: string): number {
    let i = this.at.get(title);
    if (i === undefined) {
      i = this.list.push(title) - 1;
      this.at.set(title, i);
    }
    return i;
  }
}

/** An uptime figure in its stored form. */
export function packUptime(u: Uptime, titles?: TitleTable): unknown {
  return { ...u, days: packDays(u.days, titles) };
}

/** A stored uptime figure with its days unpacked (not yet validated). */
export function unpackUptime(raw: unknown, titles?: readonly unknown[]): unknown {
  if (typeof raw !== 'object' || raw === null || !('days' in raw)) return raw;
  return { ...raw, days: unpackDays((raw as { days: unknown }).days, titles) };
}

// One letter per level, in LEVELS order.
const LEVEL_CODES = 'odxmu';

/**
 * A transition list as stored: `"<ms in base 36><level letter>"` per transition, space-separated
 * (about 10 characters each instead of 40).
 */
export function packTransitions(list: readonly { at: number; level: Level }[]): string {
  return list.map((t) => `${t.at.toString(36)}${LEVEL_CODES[LEVELS.indexOf(t.level)] ?? 'u'}`).join(' ');
}

const PACKED_TRANSITIONS = /^(?:[0-9a-z]+[odxmu](?: [0-9a-z]+[odxmu])*)?$/;

/** A stored transition list back as objects; anything else (not packed, or garbled) is returned unchanged. */
export function unpackTransitions(raw: unknown): unknown {
  if (typeof raw !== 'string' || !PACKED_TRANSITIONS.test(raw)) return raw;
  if (raw === '') return [];
  return raw.split(' ').map((item) => ({ at: parseInt(item.slice(0, -1), 36), level: LEVELS[LEVEL_CODES.indexOf(item.slice(-1))]! }));
}
