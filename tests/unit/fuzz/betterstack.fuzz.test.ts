/**
 * Fuzz: Better Stack `index.json` (Hugging Face, Together, any Better Stack page) through the
 * adapter's public `fetchStatus`, `fetchHistory` and `fetchUptime`, each on the same answer:
 * generated JSON:API documents (references without bodies, numeric ids, odd histories), the real
 * captures cut down and mutated, and broken bodies — valid data or a reason, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexUrl } from '../../../lib/providers/status-request';
import { ctx, fakeFetch, loadJson } from '../helpers';
import { catalogDef } from '../providers/platform-defs';
import {
  NOW,
  RUNS,
  TIMEOUT_MS,
  assertProperty,
  betterstackIndexArb,
  bodyOf,
  checkHistoryOutcome,
  checkStatusOutcome,
  checkUptimeOutcome,
  fixtures,
  mutated,
  rawBodyArb,
  replyArb,
  respond,
} from './arbitraries';

const huggingface = catalogDef('huggingface');

interface Doc {
  data: unknown;
  included: { type: string; attributes: { status_history?: unknown[] } }[];
}

/** Hugging Face's complete document cut to 3 resources with 10 days each (its full size is 145 KB). */
function hfSlice(): fc.Arbitrary<unknown> {
  const doc = loadJson<Doc>('betterstack/huggingface-index-operational-8-resources-8-reports-2026-09-19.json');
  let resources = 0;
  const included = doc.included
    .filter((i) => i.type !== 'status_page_resource' || resources++ < 3)
    .map((i) => (i.attributes.status_history ? { ...i, attributes: { ...i.attributes, status_history: i.attributes.status_history.slice(20, 30) } } : i))
    .slice(0, 14);
  return fc.constant({ data: doc.data, included }).map((v) => structuredClone(v));
}

/** Every kind of body the adapter may get. */
const replies = replyArb(
  fc.oneof(
    { weight: 3, arbitrary: bodyOf(betterstackIndexArb) },
    {
      weight: 3,
      arbitrary: bodyOf(
        mutated(
          fc.oneof(
            hfSlice(),
            fixtures('betterstack/betterstack-own-index-operational-resolved-reports-trimmed-2026-09-07.json', 'betterstack/synthetic-betterstack-index-downtime-open-report.json'),
          ),
        ),
      ),
    },
    { weight: 2, arbitrary: bodyOf(mutated(betterstackIndexArb)) },
    { weight: 1, arbitrary: rawBodyArb },
  ),
);

const url = indexUrl(huggingface.pageUrl);

describe('fuzz: Better Stack index.json', () => {
  it(
    `fetchStatus: ${RUNS} generated and mutated documents → a valid status or a reason, never a throw`,
    async () => {
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(replies, async (reply) => {
          const fetch = fakeFetch({ [url]: () => respond(reply) });
          const status = await huggingface.adapter.fetchStatus(huggingface, ctx(fetch, NOW));
          checkStatusOutcome(status, 'huggingface', huggingface.pageUrl);
          if (fetch.calls.length !== 1 || status.requests !== 1) throw new Error(`${fetch.calls.length} requests`);
          if (status.ok && !status.notModified) {
            ok++;
            const s = status.status;
            const counted = s.components.filter((x) => x.rawStatus !== 'not_monitored');
            if (counted.some((x) => x.level === 'unknown') && s.level === 'operational') throw new Error('an unknown resource under an operational provider');
            if (s.incidents.some((i) => i.resolvedAt !== null)) throw new Error('a resolved report among the open incidents');
            if (s.maintenances.some((m) => m.scheduledUntil !== null && Date.parse(m.scheduledUntil) <= NOW)) throw new Error('a maintenance past its end is shown');
          }
        }),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );

  it(
    `fetchHistory: ${RUNS} documents → valid incidents or a reason, never a throw`,
    async () => {
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(replies, async (reply) => {
          const fetch = fakeFetch({ [url]: () => respond(reply) });
          const history = await huggingface.adapter.fetchHistory(huggingface, ctx(fetch, NOW));
          checkHistoryOutcome(history, huggingface.pageUrl);
          if (fetch.calls.length !== 1) throw new Error(`${fetch.calls.length} requests`);
          if (history.ok) ok++;
        }),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );

  it(
    `fetchUptime: ${RUNS} documents → official figures (0–100 %, 90 bars, sane minutes) or a reason, never a throw`,
    async () => {
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(replies, async (reply) => {
          const fetch = fakeFetch({ [url]: () => respond(reply) });
          const uptime = await huggingface.adapter.fetchUptime!(huggingface, ctx(fetch, NOW));
          checkUptimeOutcome(uptime);
          if (fetch.calls.length !== 1) throw new Error(`${fetch.calls.length} requests`);
          if (!uptime.ok) return;
          ok++;
          for (const u of [uptime.uptime, ...Object.values(uptime.components)]) {
            if (u.days.length !== 90) throw new Error(`${u.days.length} day bars`);
            if (u.days.some((d) => d.outageMinutes > 1440 || d.degradedMinutes > 1440 || d.outageMinutes < 0 || d.degradedMinutes < 0)) throw new Error('a day with impossible minutes');
          }
        }),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.1);
    },
    TIMEOUT_MS,
  );
});
