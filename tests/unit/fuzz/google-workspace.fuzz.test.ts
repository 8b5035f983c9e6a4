/**
 * Fuzz: Google Workspace `incidents.json` filtered to Gemini through the adapter's public
 * `fetchStatus` and `fetchHistory`: generated incident lists of several products (open and
 * closed, escaped Markdown), the real capture mutated, and broken bodies — a valid status or a
 * reason, never a throw, one request.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { googleIncidentsUrl } from '../../../lib/providers/status-request';
import { ctx, fakeFetch } from '../helpers';
import { catalogDef } from '../providers/platform-defs';
import {
  NOW,
  RUNS,
  TIMEOUT_MS,
  assertProperty,
  bodyOf,
  checkHistoryOutcome,
  checkStatusOutcome,
  fixtures,
  googleIncidentsArb,
  mutated,
  rawBodyArb,
  replyArb,
  respond,
} from './arbitraries';

const gemini = catalogDef('gemini');
const url = googleIncidentsUrl(gemini.pageUrl);

const replies = replyArb(
  fc.oneof(
    { weight: 3, arbitrary: bodyOf(googleIncidentsArb) },
    { weight: 3, arbitrary: bodyOf(mutated(fixtures('google/workspace-appsstatus-incidents-3-REDUCED-2026-09-15.json', 'google/synthetic-workspace-incidents-gemini-open-outage.json'))) },
    { weight: 2, arbitrary: bodyOf(mutated(googleIncidentsArb)) },
    { weight: 1, arbitrary: rawBodyArb },
  ),
);

describe('fuzz: Google Workspace incidents.json (Gemini)', () => {
  it(
    `fetchStatus: ${RUNS} generated and mutated lists → a valid status or a reason, never a throw`,
    async () => {
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(replies, async (reply) => {
          const fetch = fakeFetch({ [url]: () => respond(reply) });
          const outcome = await gemini.adapter.fetchStatus(gemini, ctx(fetch, NOW));
          checkStatusOutcome(outcome, 'gemini', gemini.pageUrl);
          if (fetch.calls.length !== 1 || outcome.requests !== 1) throw new Error(`${fetch.calls.length} requests`);
          if (outcome.ok && !outcome.notModified) {
            ok++;
            const s = outcome.status;
            if (s.components.length !== 1 || s.components[0]!.id !== 'gemini') throw new Error('not one Gemini component');
            if (s.level !== s.components[0]!.level) throw new Error('provider and product disagree');
            if (s.incidents.some((i) => i.resolvedAt !== null)) throw new Error('a closed incident among the open ones');
            if (s.incidents.some((i) => /\\[_.]/.test(i.title) || /\\[_.]/.test(i.latestUpdate))) throw new Error('escaped Markdown left in the text');
          }
        }),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );

  it(
    `fetchHistory: ${RUNS} lists → Gemini's incidents or a reason, never a throw`,
    async () => {
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(replies, async (reply) => {
          const fetch = fakeFetch({ [url]: () => respond(reply) });
          const outcome = await gemini.adapter.fetchHistory(gemini, ctx(fetch, NOW));
          checkHistoryOutcome(outcome, gemini.pageUrl);
          if (fetch.calls.length !== 1) throw new Error(`${fetch.calls.length} requests`);
          if (outcome.ok) ok++;
        }),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );
});
