/**
 * Fuzz: official uptime through the adapters' public `fetchUptime` — incident.io's undocumented
 * `component_impacts` (ChatGPT) and the `uptimeData` embedded in Statuspage pages (Claude, Cursor):
 * valid figures for the provider and each component (0–100 %, at most 90 day bars, source
 * `official`) or a failure with a reason, never a throw. For generated Statuspage data the figure
 * must also equal the page's formula computed independently in exact integer arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { componentImpactsUrl } from '../../../lib/providers/incidentio-uptime';
import { calendarDay, officialUptimeFromHtml } from '../../../lib/providers/statuspage-uptime';
import type { UptimeOutcome } from '../../../lib/providers/types';
import { ctx, def, fakeFetch, loadFixture, loadJson } from '../helpers';
import { NOW, RUNS, SEED, TIMEOUT_MS, assertProperty, bodyOf, checkUptimeOutcome, dateArb, idArb, mutated, rawBodyArb, replyArb, respond, textArb } from './arbitraries';

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

/** A day of Statuspage `uptimeData`: integer outage seconds, sometimes junk. */
const pageDayArb = (date: string) =>
  fc.record(
    {
      date: fc.oneof({ weight: 20, arbitrary: fc.constant(date) }, { weight: 1, arbitrary: textArb }),
      outages: fc.oneof(
        { weight: 10, arbitrary: fc.record({ p: fc.integer({ min: 0, max: 90_000 }), m: fc.integer({ min: 0, max: 90_000 }) }, { requiredKeys: [] }) },
        { weight: 1, arbitrary: fc.constantFrom(null, {}, { p: 'x' }, { m: -5 }, { p: Number.POSITIVE_INFINITY }, { m: Number.MAX_VALUE }, []) },
      ),
      related_events: fc.array(fc.record({ name: textArb, code: idArb }, { requiredKeys: [] }), { maxLength: 2 }),
    },
    { requiredKeys: ['date'] },
  );

const dayList = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse('2026-07-13T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));

const uptimeDataArb = fc.dictionary(
  fc.oneof({ weight: 5, arbitrary: fc.stringMatching(/^[a-z0-9]{12}$/) }, { weight: 1, arbitrary: idArb }),
  fc.record(
    {
      component: fc.record(
        { code: idArb, name: textArb, startDate: fc.oneof(fc.constantFrom('2026-09-01', '2026-10-10', '2030-01-01', 'soon'), dateArb), isGroup: fc.boolean() },
        { requiredKeys: [] },
      ),
      days: fc.integer({ min: 0, max: 95 }).chain((n) => fc.tuple(...dayList(n).map(pageDayArb))),
    },
    { requiredKeys: ['days'] },
  ),
  { maxKeys: 4 },
);

function pageOf(data: unknown, form: 'window' | 'var'): string {
  const json = JSON.stringify(data);
  return form === 'window'
    ? `<!doctype html><script>\n  window.uptimeData = ${json};\n  var uptimeData = window.uptimeData;\n</script>`
    : `<!doctype html><div>x</div><script>  var uptimeData = ${json};\n  var other = {"a": "}"};</script>`;
}

/** The real Symantec page, its uptimeData cut to 3 entries (whole pages cost ~100 ms each). */
function realPageSlice(): fc.Arbitrary<unknown> {
  const page = loadFixture('statuspage-html/page-9m1mvp2nv6sb-2021.html');
  const start = page.indexOf('{', page.indexOf('var uptimeData = '));
  const data = JSON.parse(page.slice(start, page.indexOf('\n', start)).trim().replace(/;$/, '')) as Record<string, unknown>;
  const slice = Object.fromEntries(Object.entries(data).filter(([id]) => ['myv179qjmsf8', 'gsffq6ls219w', 'nywdgl9f82zj'].includes(id)));
  return fc.constant(slice).map((v) => structuredClone(v));
}

/** The page's figure, independently: floor(10000 × (T − W) / T) / 100 in BigInt, W = 10m + 3p in tenths of seconds. */
function reference(days: Array<{ date: string; outages: { p?: number; m?: number } }>, startDate: string | undefined): number | null {
  const counted = days.filter((d) => !startDate || d.date >= startDate);
  if (counted.length === 0) return null;
  const total = BigInt(counted.length) * 864_000n;
  const weighted = counted.reduce((a, d) => a + 10n * BigInt(d.outages.m ?? 0) + 3n * BigInt(d.outages.p ?? 0), 0n);
  const up = total > weighted ? total - weighted : 0n;
  return Number((10_000n * up) / total) / 100;
}

/** A generated page costs ~15 ms (up to 4 × 95 days read with zod): a fifth of the runs. */
const PAGE_RUNS = Math.max(100, Math.round(RUNS / 5));

describe('fuzz: Statuspage official uptime (uptimeData in the page HTML)', () => {
  it(
    `${PAGE_RUNS} generated and mutated pages: valid uptime or a reason, never a throw`,
    async () => {
      const provider = def('anthropic');
      const url = `${provider.pageUrl}/`;
      let ok = 0;
      const page = fc.tuple(fc.oneof({ weight: 3, arbitrary: uptimeDataArb }, { weight: 2, arbitrary: mutated(realPageSlice() as fc.Arbitrary<never>) }, { weight: 1, arbitrary: mutated(uptimeDataArb as fc.Arbitrary<never>) }), fc.constantFrom('window', 'var') as fc.Arbitrary<'window' | 'var'>, fc.nat());
      await assertProperty(
        fc.asyncProperty(
          replyArb(
            fc.oneof(
              { weight: 6, arbitrary: page.map(([data, form]) => pageOf(data, form)) },
              { weight: 1, arbitrary: page.map(([data, form, n]) => pageOf(data, form).slice(0, n % 400)) },
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
        PAGE_RUNS,
      );
      expect(ok).toBeGreaterThan(PAGE_RUNS * 0.1);
    },
    TIMEOUT_MS,
  );

  it(
    `${Math.round(PAGE_RUNS / 2)} generated uptimeData: every figure equals the page's formula; the provider is never below every component`,
    () => {
      fc.assert(
        fc.property(uptimeDataArb, (data) => {
          const read = officialUptimeFromHtml(pageOf(data, 'window'), NOW);
          if (!read) return;
          for (const [id, u] of Object.entries(read.components)) {
            const entry = (data as Record<string, { component?: { startDate?: unknown }; days: Array<{ date: unknown; outages: unknown }> }>)[id]!;
            const days = entry.days
              // A day whose outages are not an object (or null) is dropped, as the reader drops it.
              .filter((d) => d.outages === null || d.outages === undefined || (typeof d.outages === 'object' && !Array.isArray(d.outages)))
              .filter((d): d is { date: string; outages: { p?: number; m?: number } } => typeof d.date === 'string' && calendarDay(d.date) !== null)
              .map((d) => {
                const o = (d.outages && typeof d.outages === 'object' && !Array.isArray(d.outages) ? d.outages : {}) as { p?: unknown; m?: unknown };
                const sec = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
                return { date: d.date.slice(0, 10), outages: { p: sec(o.p), m: sec(o.m) } };
              });
            const unique = [...new Map(days.map((d) => [d.date, d])).values()].sort((a, b) => a.date.localeCompare(b.date)).slice(-90);
            const start = typeof entry.component?.startDate === 'string' ? (calendarDay(entry.component.startDate) ?? undefined) : undefined;
            expect(u.percent90d, id).toBe(reference(unique, start));
            expect(u.percent30d, id).toBe(reference(unique.slice(-30), start));
            expect(u.days).toHaveLength(90);
          }
          const figures = Object.values(read.components).filter((u) => !u.group).map((u) => u.percent90d).filter((v): v is number => v !== null);
          if (figures.length && read.uptime.percent90d !== null) expect(read.uptime.percent90d).toBeGreaterThanOrEqual(Math.min(...figures));
        }),
        { numRuns: Math.round(PAGE_RUNS / 2), seed: SEED },
      );
    },
    TIMEOUT_MS,
  );
});
