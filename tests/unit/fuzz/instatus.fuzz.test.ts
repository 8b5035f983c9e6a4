/**
 * Fuzz: Instatus through the adapter's public `fetchStatus` (summary.json, then
 * v3/components.json unless the summary carries components) and `fetchHistory`: generated
 * summaries and component lists, the real captures mutated, broken bodies and failing second
 * requests — a valid status or a reason, never a throw, and every request counted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instatusComponentsUrl } from '../../../lib/providers/instatus';
import { instatusSummaryUrl } from '../../../lib/providers/status-request';
import { ctx, fakeFetch } from '../helpers';
import { customDef } from '../providers/platform-defs';
import {
  NOW,
  RUNS,
  TIMEOUT_MS,
  assertProperty,
  bodyOf,
  checkHistoryOutcome,
  checkStatusOutcome,
  fixtures,
  instatusComponentsArb,
  instatusSummaryArb,
  mutated,
  rawBodyArb,
  replyArb,
  respond,
} from './arbitraries';

const page = customDef('instatus', 'https://status.example-ai.com');

const summaries = replyArb(
  fc.oneof(
    { weight: 3, arbitrary: bodyOf(instatusSummaryArb.map(({ components: _c, ...rest }) => rest)) },
    { weight: 1, arbitrary: bodyOf(instatusSummaryArb) },
    {
      weight: 3,
      arbitrary: bodyOf(
        mutated(
          fixtures(
            'instatus/gcore-summary-up-2-scheduled-maintenances-2026-09.json',
            'instatus/instatus-demo-summary-hasissues-2-open-incidents.json',
            'instatus/synthetic-instatus-summary-hasissues-major-outage-maintenances.json',
          ),
        ),
      ),
    },
    { weight: 2, arbitrary: bodyOf(mutated(instatusSummaryArb)) },
    { weight: 1, arbitrary: rawBodyArb },
  ),
);

const componentLists = replyArb(
  fc.oneof(
    { weight: 3, arbitrary: bodyOf(instatusComponentsArb) },
    { weight: 3, arbitrary: bodyOf(mutated(fixtures('instatus/gcore-v3-components-truncated-6.json', 'instatus/synthetic-instatus-v3-components-major-outage.json'))) },
    { weight: 1, arbitrary: bodyOf(mutated(instatusComponentsArb)) },
    { weight: 1, arbitrary: rawBodyArb },
  ),
);

describe('fuzz: Instatus summary.json + v3/components.json', () => {
  it(
    `fetchStatus: ${RUNS} generated and mutated pairs → a valid status or a reason, never a throw`,
    async () => {
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(summaries, componentLists, async (summary, components) => {
          const fetch = fakeFetch({ [instatusSummaryUrl(page.pageUrl)]: () => respond(summary), [instatusComponentsUrl(page.pageUrl)]: () => respond(components) });
          const outcome = await page.adapter.fetchStatus(page, ctx(fetch, NOW));
          checkStatusOutcome(outcome, page.id, page.pageUrl);
          if (outcome.requests !== fetch.calls.length || fetch.calls.length > 2) throw new Error(`${fetch.calls.length} requests, ${outcome.requests} counted`);
          if (outcome.ok && outcome.notModified) throw new Error('a 304 without If-None-Match');
          if (outcome.ok && !outcome.notModified) {
            ok++;
            const s = outcome.status;
            if (s.components.some((c) => c.level === 'unknown') && s.level === 'operational') throw new Error('an unknown component under an operational provider');
            if (s.maintenances.some((m) => m.status === 'scheduled' && m.scheduledUntil !== null && Date.parse(m.scheduledUntil) <= NOW)) throw new Error('a stale window is shown');
            if (s.maintenances.some((m) => m.scheduledUntil !== null && Date.parse(m.scheduledUntil) < Date.parse(m.scheduledFor))) throw new Error('a window ending before it starts');
          }
        }),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );

  it(
    `fetchHistory: ${RUNS} summaries → valid incidents or a reason, never a throw`,
    async () => {
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(summaries, async (summary) => {
          const fetch = fakeFetch({ [instatusSummaryUrl(page.pageUrl)]: () => respond(summary) });
          const outcome = await page.adapter.fetchHistory(page, ctx(fetch, NOW));
          checkHistoryOutcome(outcome, page.pageUrl);
          if (fetch.calls.length !== 1) throw new Error(`${fetch.calls.length} requests`);
          if (outcome.ok) ok++;
        }),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );
});
