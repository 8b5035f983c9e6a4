/**
 * Small helpers shared by the adapters of the platforms that are not Statuspage-shaped
 * (incident.io native, Better Stack, Instatus, Google Workspace) and by the platform detector.
 * Pure; no I/O of its own.
 *
 * The provider level rule lives here for these adapters: the worse of the page's own overall
 * state and its worst component, in the order outage > degraded > unknown > maintenance >
 * operational. A value the extension does not recognise maps to `unknown`, and `unknown` is never
 * outranked by `operational` or `maintenance` (it is the badge order of `lib/levels.ts`).
 */
import { worstBadgeLevel, type Level } from '../levels';
import type { ServiceStatus } from '../model';
import { z } from '../zod';
import { fetchError, type FetchContext } from './http';
import { safeLink } from './links';
import { plainLine } from './text';
import type { HistoryOutcome, ProviderDefinition, StatusOutcome, UptimeOutcome } from './types';

/** The provider level: the worst of the given levels, `unknown` ranked above maintenance and operational. */
export function providerLevel(levels: Iterable<Level>): Level {
  return worstBadgeLevel(levels);
}

/** A table lookup on own keys only (`__proto__` or `constructor` from the network never match). */
export function lookup<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** An ISO timestamp, or null when `value` is absent or does not parse. */
export function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Milliseconds of an ISO timestamp (or NaN). */
export function msOf(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : NaN;
}

/** Earliest and latest of some timestamps (null when none is valid). */
export function earliest(values: Iterable<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const v of values) if (v && (best === null || v < best)) best = v;
  return best;
}

/** Latest of some ISO timestamps (null when none is valid). */
export function latest(values: Iterable<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const v of values) if (v && (best === null || v > best)) best = v;
  return best;
}

/** `${pageUrl}/${path…}` with each segment URI-encoded, if it stays on the page's host; else the page itself. */
export function pageLink(pageUrl: string, ...segments: string[]): string {
  try {
    return safeLink(`${pageUrl}/${segments.map((s) => encodeURIComponent(s)).join('/')}`, pageUrl) ?? pageUrl;
  } catch {
    // A lone surrogate cannot be URI-encoded.
    return pageUrl;
  }
}

/** `url` when it is `https:` on the page's host, else the fallback. */
export function ownLink(url: unknown, pageUrl: string, fallback: string): string {
  return (typeof url === 'string' ? safeLink(url, pageUrl) : null) ?? fallback;
}

/** Plain single-line text of a name or id; never empty when `fallback` is not. */
export function label(value: unknown, fallback: string): string {
  return plainLine(typeof value === 'string' ? value : '') || plainLine(fallback);
}

/** An id field that may be sent as a string or a number; read as a string. */
export const idish = z.union([z.string(), z.pipe(z.number(), z.transform((n) => String(n)))]);

/** A sub-object that is dropped (null) rather than failing the whole response when malformed. */
export function optionalObject<T extends z.ZodMiniType>(schema: T) {
  // `z.optional` first: zod 4 requires a key whose schema is a bare transform.
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((value): z.infer<T> | null => {
      if (value === null || value === undefined) return null;
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : null;
    }),
  );
}

/** A list whose malformed elements are dropped, read as empty when it is not a list at all. */
export function looseList<T extends z.ZodMiniType>(element: T) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((value): z.infer<T>[] => {
      if (!Array.isArray(value)) return [];
      const out: z.infer<T>[] = [];
      for (const item of value) {
        const parsed = element.safeParse(item);
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    }),
  );
}

/** A status with the fields every adapter fills the same way. */
export function baseStatus(def: ProviderDefinition, now: number): Pick<ServiceStatus, 'providerId' | 'name' | 'pageUrl' | 'uptime' | 'fetchedAt' | 'error' | 'stale' | 'via'> {
  return { providerId: def.id, name: def.name, pageUrl: def.pageUrl, uptime: null, fetchedAt: now, error: null, stale: false, via: 'api' };
}

/** A `wrong-shape` failure of a status read. */
export function wrongShapeStatus(url: string, ctx: FetchContext, requests: number, what = 'data'): Extract<StatusOutcome, { ok: false }> {
  return { ok: false, error: fetchError('wrong-shape', `${new URL(url).host} sent ${what} in an unexpected shape`, ctx.now(), 200), retryAfterSec: null, requests };
}

/** A `wrong-shape` failure of a history read. */
export function wrongShapeHistory(url: string, ctx: FetchContext, requests: number): HistoryOutcome {
  return { ok: false, error: fetchError('wrong-shape', `${new URL(url).host} sent incidents in an unexpected shape`, ctx.now(), 200), requests };
}

/** A `wrong-shape` failure of an uptime read. */
export function wrongShapeUptime(url: string, ctx: FetchContext, requests: number): UptimeOutcome {
  return { ok: false, error: fetchError('wrong-shape', `${new URL(url).host} sent uptime data in an unexpected shape`, ctx.now(), 200), requests };
}

/** "Unexpected 304" for reads that never send `If-None-Match`. */
export function unexpected304(ctx: FetchContext) {
  return fetchError('http', 'Unexpected 304', ctx.now(), 304);
}

/**
 * The text of a ProseMirror document (incident.io update messages, intro texts): text nodes
 * joined, a line break after each block. Bounded in depth and size; anything that is not a node
 * is ignored.
 */
export function proseMirrorText(doc: unknown): string {
  const out: string[] = [];
  let budget = 20_000;
  const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'list_item', 'blockquote', 'codeBlock', 'code_block', 'hardBreak', 'hard_break']);
  const walk = (node: unknown, depth: number) => {
    if (budget <= 0 || depth > 24 || !node || typeof node !== 'object' || Array.isArray(node)) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof n.text === 'string') {
      out.push(n.text);
      budget -= n.text.length;
    }
    if (Array.isArray(n.content)) for (const child of n.content.slice(0, 500)) walk(child, depth + 1);
    if (typeof n.type === 'string' && BLOCKS.has(n.type)) out.push('\n');
  };
  walk(doc, 0);
  return out.join('');
}
