/**
 * Fuzz: incident.io's Statuspage-compatible `summary.json` (ChatGPT) through the adapter's public
 * `fetchStatus`: omitted keys, no `incidents` key, duplicate names, `full_outage`, ULIDs — and
 * everything broken around them. No HTML fallback for this provider.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusOutcome } from '../../../lib/providers/types';
import { FIX, ctx, def, fakeFetch, summaryUrl } from '../helpers';
import {
  NOW,
  assertProperty,
  RUNS,
  TIMEOUT_MS,
  bodyOf,
  checkStatusOutcome,
  componentArb,
  dateArb,
  fixtures,
  idArb,
  incidentArb,
  indicatorArb,
  mutated,
  rawBodyArb,
  replyArb,
  respond,
  textArb,
} from './arbitraries';

/** The compat layer's own shape: no groups, `incidents` absent when none, no maintenances. */
const compatSummaryArb = fc.record(
  {
    page: fc.record({ id: idArb, name: textArb, url: fc.constant('https://status.openai.com'), updated_at: dateArb }, { requiredKeys: ['id'] }),
    status: fc.record({ indicator: indicatorArb, description: textArb }, { requiredKeys: ['indicator'] }),
    components: fc.array(
      componentArb.map(({ group: _g, group_id: _gi, components: _c, ...rest }) => rest),
      { maxLength: 25 },
    ),
    incidents: fc.array(incidentArb, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['status', 'components'] },
);

describe('fuzz: incident.io compat summary.json', () => {
  it(
    `${RUNS} generated and mutated payloads: a valid status or a reason, never a throw`,
    async () => {
      const provider = def('openai');
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(
          replyArb(
            fc.oneof(
              { weight: 3, arbitrary: bodyOf(compatSummaryArb) },
              { weight: 3, arbitrary: bodyOf(mutated(fixtures(FIX.openaiOk, FIX.openaiMinor, FIX.openaiFullOutage))) },
              { weight: 2, arbitrary: bodyOf(mutated(compatSummaryArb)) },
              { weight: 1, arbitrary: rawBodyArb },
            ),
          ),
          async (summary) => {
            const fetch = fakeFetch({ [summaryUrl('openai')]: () => respond(summary) });
            const outcome: StatusOutcome = await provider.adapter.fetchStatus(provider, ctx(fetch, NOW));
            checkStatusOutcome(outcome, 'openai', provider.pageUrl);
            // Never the HTML fallback: one request, and only to summary.json.
            if (fetch.calls.length !== 1) throw new Error(`${fetch.calls.length} requests`);
            if (outcome.ok && !outcome.notModified) {
              ok++;
              if (outcome.status.via !== 'api') throw new Error('openai read from HTML');
            }
          },
        ),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );
});
