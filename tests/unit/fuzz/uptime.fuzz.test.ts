/**
 * Fuzz: incident.io's undocumented `component_impacts` (official uptime, ChatGPT) through the
 * adapter's public `fetchUptime`: valid figures for the provider and each component (0–100 %,
 * at most 90 day bars, source `official`) or a failure with a reason, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentImpactsUrl } from '../../../lib/providers/incidentio-uptime';
import type { UptimeOutcome } from '../../../lib/providers/types';
import { ctx, def, fakeFetch, loadJson } from '../helpers';
import { NOW, RUNS, TIMEOUT_MS, assertProperty, bodyOf, checkUptimeOutcome, dateArb, idArb, mutated, rawBodyArb, replyArb, respond, textArb } from './arbitraries';

/** Few component ids: each one costs a 90-day strip. */
const componentIdArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('01JMXBRMFE6N2NNT7DG6XZQ6PW', '01JMXBNJXG1S2D9V65P1ZZTD94', 'c1') }, { weight: 1, arbitrary: idArb });
const recentArb = fc.date({ min: new Date(NOW - 120 * 86_400_000), max: new Date(NOW + 86_400_000), noInvalidDate: true }).map((d) => d.toISOString());
const timeArb = fc.oneof({ weight: 4, arbitrary: recentArb }, { weight: 1, arbitrary: dateArb });

const impactsArb = fc.record(
  {
    incident_links: fc.array(fc.record({ id: idArb, name: textArb, status: textArb, permalink: textArb }, { requiredKeys: ['id'] }), { maxLength: 5 }),
    component_impacts: fc.array(
      fc.record(
        {
          start_at: timeArb,
          end_at: fc.option(timeArb, { nil: null }),
          id: idArb,
          component_id: fc.option(componentIdArb, { nil: null }),
          status_page_incident_id: fc.option(idArb, { nil: null }),
          status: fc.constantFrom('full_outage', 'partial_outage', 'degraded_performance', 'operational', 'bogus', ''),
        },
        { requiredKeys: ['start_at'] },
      ),
      { maxLength: 8 },
    ),
    component_uptimes: fc.array(
      fc.record(
        {
          component_id: fc.option(componentIdArb, { nil: null }),
          status_page_component_group_id: fc.option(idArb, { nil: null }),
          data_available_since: fc.option(timeArb, { nil: null }),
          uptime: fc.oneof(fc.constantFrom('99.92', '100', '0', '-1', '100.01', '', 'NaN', '99.9%', ' 98 '), fc.double(), fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    ),
  },
  { requiredKeys: [] },
);

/** The real 90-day capture cut down to two components (its full size takes ~20 ms per read). */
function realSlice(): fc.Arbitrary<unknown> {
  const full = loadJson<{ incident_links: unknown[]; component_impacts: { component_id?: string }[]; component_uptimes: { component_id?: string }[] }>(
    'openai/incidentio-proxy-component-impacts-90d-2025-04.json',
  );
  const keep = new Set(['01JMXBNJXG1S2D9V65P1ZZTD94', '01JMXBRMFE6N2NNT7DG6XZQ6PW']);
  const slice = {
    incident_links: full.incident_links.slice(0, 10),
    component_impacts: full.component_impacts.filter((i) => keep.has(i.component_id ?? '')).slice(0, 15),
    component_uptimes: full.component_uptimes.filter((u) => keep.has(u.component_id ?? '')),
  };
  return fc.constant(slice).map((v) => structuredClone(v));
}

describe('fuzz: incident.io official uptime (component_impacts)', () => {
  it(
    `${RUNS} generated and mutated payloads: valid uptime or a reason, never a throw`,
    async () => {
      const provider = def('openai');
      const url = componentImpactsUrl(provider.pageUrl, NOW);
      let ok = 0;
      await assertProperty(
        fc.asyncProperty(
          replyArb(
            fc.oneof(
              { weight: 3, arbitrary: bodyOf(impactsArb) },
              { weight: 3, arbitrary: bodyOf(mutated(realSlice())) },
              { weight: 2, arbitrary: bodyOf(mutated(impactsArb)) },
              { weight: 1, arbitrary: rawBodyArb },
            ),
          ),
          async (reply) => {
            const fetch = fakeFetch({ [url]: () => respond(reply) });
            const outcome: UptimeOutcome = await provider.adapter.fetchUptime!(provider, ctx(fetch, NOW));
            checkUptimeOutcome(outcome);
            if (outcome.ok) ok++;
          },
        ),
      );
      expect(ok).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );
});
