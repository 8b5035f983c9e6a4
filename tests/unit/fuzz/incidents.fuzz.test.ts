/**
 * Fuzz: `incidents.json` (the 50 most recent incidents) through every provider's public
 * `fetchHistory`, with a fake fetch: valid incidents (schema, provider-host links, clipped text,
 * active before resolved) or a failure with a reason, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryOutcome } from '../../../lib/providers/types';
import { FIX, ctx, def, fakeFetch, incidentsUrl, loadJson } from '../helpers';
import { NOW, RUNS, TIMEOUT_MS, assertProperty, bodyOf, checkHistoryOutcome, incidentsArb, mutated, rawBodyArb, replyArb, respond } from './arbitraries';

/** The real 50-incident capture, cut to a few incidents (mutating 290 KB 10 000 times is slow) */
function realSlices(): fc.Arbitrary<unknown> {
  const full = loadJson<{ page: unknown; incidents: unknown[] }>(FIX.anthropicIncidents);
  const slices = [0, 6, 12, 24, 40].map((start) => ({ page: full.page, incidents: full.incidents.slice(start, start + 3) }));
  const summaryIncidents = [FIX.anthropicMinor, FIX.openaiMinor].map((f) => ({ incidents: loadJson<{ incidents: unknown[] }>(f).incidents }));
  return fc.constantFrom(...slices, ...summaryIncidents, loadJson(FIX.cursorUnresolved)).map((v) => structuredClone(v));
}

describe('fuzz: incidents.json', () => {
  it(
    `${RUNS} generated and mutated payloads: valid incidents or a reason, never a throw`,
    async () => {
      let withIncidents = 0;
      await assertProperty(
        fc.asyncProperty(
          fc.constantFrom('openai' as const, 'anthropic' as const, 'cursor' as const),
          replyArb(
            fc.oneof(
              { weight: 3, arbitrary: bodyOf(incidentsArb) },
              { weight: 3, arbitrary: bodyOf(mutated(realSlices())) },
              { weight: 2, arbitrary: bodyOf(mutated(incidentsArb)) },
              { weight: 1, arbitrary: rawBodyArb },
            ),
          ),
          async (id, reply) => {
            const provider = def(id);
            const fetch = fakeFetch({ [incidentsUrl(id)]: () => respond(reply) });
            const outcome: HistoryOutcome = await provider.adapter.fetchHistory(provider, ctx(fetch, NOW));
            checkHistoryOutcome(outcome, provider.pageUrl);
            if (fetch.calls.length !== 1) throw new Error(`${fetch.calls.length} requests`);
            if (outcome.ok && outcome.incidents.length) withIncidents++;
          },
        ),
      );
      expect(withIncidents).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );
});
