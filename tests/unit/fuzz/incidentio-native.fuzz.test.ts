/**
 * Fuzz: incident.io's native `/proxy/<host>` (Groq, Perplexity, …) through the adapter's public
 * `fetchStatus`, and its history from `component_impacts` through `fetchHistory`: generated
 * summaries (groups, hidden components, ProseMirror messages, maintenances around now), the real
 * captures mutated, and broken bodies — a valid status or a reason, never a throw, one request.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nativeSummaryUrl } from '../../../lib/providers/status-request';
import { componentImpactsUrl } from '../../../lib/providers/incidentio-uptime';
import { ctx, fakeFetch, loadJson } from '../helpers';
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
  mutated,
  nativeImpactsArb,
  nativeSummaryArb,
  rawBodyArb,
  replyArb,
  respond,
} from './arbitraries';

const groq = catalogDef('groq');

/** The real OpenAI summary cut to its Sora group and 10 components (the whole is 22 KB). */
function openaiSlice(): fc.Arbitrary<unknown> {
  const full = loadJson<{ summary: { components: unknown[]; structure: { items: { group?: { name: string } }[] } } }>('openai/incidentio-proxy-summary-2025-04-ongoing-degraded.json');
  const summary = { ...full.summary, components: full.summary.components.slice(0, 10), structure: { ...full.summary.structure, items: full.summary.structure.items.filter((i) => i.group?.name === 'Sora') } };
  return fc.constant({ summary }).map((v) => structuredClone(v));
}

/** The real 90-day OpenAI record cut to 20 impacts (the whole capture takes ~20 ms a read). */
function impactsSlice(): fc.Arbitrary<unknown> {
  const full = loadJson<{ incident_links: unknown[]; component_impacts: unknown[] }>('openai/incidentio-proxy-component-impacts-90d-2025-04.json');
  const slice = { incident_links: full.incident_links.slice(0, 10), component_impacts: full.component_impacts.slice(0, 20), component_uptimes: [] };
  return fc.constant(slice).map((v) => structuredClone(v));
}

describe('fuzz: incident.io native /proxy/<host>', () => {
  it(
    `${RUNS} generated and mutated summaries: a valid status or a reason, never a throw`,
    async () => {
      const url = nativeSummaryUrl(groq.pageUrl);
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(
          replyArb(
            fc.oneof(
              { weight: 3, arbitrary: bodyOf(nativeSummaryArb) },
              {
                weight: 3,
                arbitrary: bodyOf(
                  mutated(
                    fc.oneof(
                      openaiSlice(),
                      fixtures(
                        'incidentio/groq-proxy-summary-all-operational-stale-2025-maintenance.json',
                        'incidentio/perplexity-proxy-summary-all-operational-2026-10-06.json',
                        'incidentio/synthetic-incidentio-native-proxy-full-outage-maintenance.json',
                      ),
                    ),
                  ),
                ),
              },
              { weight: 2, arbitrary: bodyOf(mutated(nativeSummaryArb)) },
              { weight: 1, arbitrary: rawBodyArb },
            ),
          ),
          async (reply) => {
            const fetch = fakeFetch({ [url]: () => respond(reply) });
            const outcome = await groq.adapter.fetchStatus(groq, ctx(fetch, NOW));
            checkStatusOutcome(outcome, 'groq', groq.pageUrl);
            if (fetch.calls.length !== 1 || outcome.requests !== 1) throw new Error(`${fetch.calls.length} requests, ${outcome.requests} counted`);
            if (outcome.ok && !outcome.notModified) {
              ok++;
              const s = outcome.status;
              if (s.maintenances.some((m) => m.status === 'scheduled' && m.scheduledUntil !== null && Date.parse(m.scheduledUntil) <= NOW)) throw new Error('a stale scheduled window is shown');
              if (new Set(s.components.map((c) => c.id)).size !== s.components.length) throw new Error('duplicate component ids');
              if (s.components.some((c) => c.level === 'unknown') && s.level === 'operational') throw new Error('an unknown component under an operational provider');
            }
          },
        ),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );

  it(
    `${RUNS} generated and mutated component_impacts: resolved incidents or a reason, never a throw`,
    async () => {
      const url = componentImpactsUrl(groq.pageUrl, NOW);
      let withIncidents = 0;
      await assertProperty(
        fc.asyncProperty(
          replyArb(
            fc.oneof(
              { weight: 3, arbitrary: bodyOf(nativeImpactsArb) },
              { weight: 3, arbitrary: bodyOf(mutated(impactsSlice())) },
              { weight: 2, arbitrary: bodyOf(mutated(nativeImpactsArb)) },
              { weight: 1, arbitrary: rawBodyArb },
            ),
          ),
          async (reply) => {
            const fetch = fakeFetch({ [url]: () => respond(reply) });
            const outcome = await groq.adapter.fetchHistory(groq, ctx(fetch, NOW));
            checkHistoryOutcome(outcome, groq.pageUrl);
            if (fetch.calls.length !== 1) throw new Error(`${fetch.calls.length} requests`);
            if (outcome.ok) {
              if (outcome.incidents.some((i) => i.resolvedAt === null || Date.parse(i.resolvedAt) > NOW)) throw new Error('an open incident in history');
              if (outcome.incidents.length > 0) withIncidents++;
            }
          },
        ),
      );
      expect(withIncidents).toBeGreaterThan(RUNS * 0.1);
    },
    TIMEOUT_MS,
  );
});
