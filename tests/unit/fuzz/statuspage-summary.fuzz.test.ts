/**
 * Fuzz: Statuspage `summary.json` (Claude, Cursor) through the adapter's public `fetchStatus`,
 * with a fake fetch. Whatever the server sends, the adapter resolves (never throws) to a valid
 * normalized status or to a failure with a reason. The HTML fallback is on for these providers, so
 * the status page itself answers random HTML too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../lib/providers/types';
import { FIX, ctx, def, fakeFetch, pageUrl, summaryUrl } from '../helpers';
import {
  NOW,
  assertProperty,
  DEFAULT_RUNS,
  RUNS,
  TIMEOUT_MS,
  bodyOf,
  checkStatusOutcome,
  fixtures,
  htmlArb,
  mutated,
  rawBodyArb,
  replyArb,
  respond,
  summaryArb,
} from './arbitraries';

const REAL = [FIX.anthropicOk, FIX.anthropicMinor, FIX.cursorOk, FIX.cursorOutage, FIX.cursorMaintenance, FIX.groups, FIX.hostile, FIX.unknownEnums, FIX.offsets];

/** Valid shapes, mutated real captures, mutated shapes, and bodies that are not JSON documents. */
export const summaryBodyArb = fc.oneof(
  { weight: 3, arbitrary: bodyOf(summaryArb) },
  { weight: 3, arbitrary: bodyOf(mutated(fixtures(...REAL))) },
  { weight: 2, arbitrary: bodyOf(mutated(summaryArb)) },
  { weight: 1, arbitrary: rawBodyArb },
);

describe('fuzz: Statuspage summary.json', () => {
  it(
    `${RUNS} generated and mutated payloads: a valid status or a reason, never a throw`,
    async () => {
      const seen = { ok: 0, notModified: 0, failed: new Map<string, number>() };
      await assertProperty(
        fc.asyncProperty(
          fc.constantFrom('anthropic' as const, 'cursor' as const),
          replyArb(summaryBodyArb),
          replyArb(htmlArb),
          fc.option(fc.constantFrom('"v1"', 'W/"x"'), { nil: null }),
          async (id, summary, page, etag) => {
            const provider = def(id);
            const fetch = fakeFetch({ [summaryUrl(id)]: () => respond(summary), [pageUrl(id)]: () => respond(page) });
            const outcome: StatusOutcome = await provider.adapter.fetchStatus(provider, ctx(fetch, NOW, { etag }));
            checkStatusOutcome(outcome, id, provider.pageUrl);
            if (outcome.ok && outcome.notModified) seen.notModified++;
            else if (outcome.ok) seen.ok++;
            else seen.failed.set(outcome.error.kind, (seen.failed.get(outcome.error.kind) ?? 0) + 1);
          },
        ),
      );
      // The generators reach both sides of the boundary, and most failure kinds.
      expect(seen.ok).toBeGreaterThan(RUNS * 0.2);
      if (RUNS >= DEFAULT_RUNS) expect([...seen.failed.keys()].sort()).toEqual(expect.arrayContaining(['bad-json', 'challenge', 'http', 'not-json', 'rate-limited', 'wrong-shape']));
    },
    TIMEOUT_MS,
  );
});

describe('regressions found by this fuzzer', () => {
  const provider = def('anthropic');
  const read = async (incident: Record<string, unknown>) => {
    const body = { status: { indicator: 'minor' }, components: [{ id: 'c1', name: 'API', status: 'degraded_performance' }], incidents: [incident] };
    const fetch = fakeFetch({ [summaryUrl('anthropic')]: () => respond({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
    return provider.adapter.fetchStatus(provider, ctx(fetch, NOW));
  };

  it('an incident id with a lone surrogate (valid JSON, not URI-encodable) no longer throws URIError; it links to the page', async () => {
    const outcome = await read({ id: 'inc\ud800', name: 'Elevated errors', status: 'investigating', created_at: '2026-10-10T11:00:00Z' });
    expect(outcome.ok && !outcome.notModified && outcome.status.incidents[0]).toMatchObject({ id: 'inc\ud800', url: 'https://status.claude.com' });
  });

  it('an unnamed incident is titled by its id clipped like any title (300 characters), not by a 100 000-character id', async () => {
    const outcome = await read({ id: 'x'.repeat(100_000), name: '', status: 'investigating', created_at: '2026-10-10T11:00:00Z' });
    if (!outcome.ok || outcome.notModified) throw new Error('expected a status');
    expect(outcome.status.incidents[0]!.title).toHaveLength(300);
    checkStatusOutcome(outcome, 'anthropic', provider.pageUrl);
  });
});
