import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import {
  extractUptimeData,
  officialUptimeFromHtml,
  readStatuspageUptime,
  readUptimeData,
} from '../../../lib/providers/statuspage-uptime';
import { statuspageAdapter } from '../../../lib/providers/statuspage';
import { MAX_PAGE_BYTES, NOT_MODIFIED } from '../../../lib/providers/http';
import { statuspagePercent } from '../../../lib/uptime';
import { ctx, def, fakeFetch, html, json, loadFixture } from '../helpers';

const PAGES = ['statuspage-html/page-5b4dcn321xtp-2021.html', 'statuspage-html/page-9m1mvp2nv6sb-2021.html'] as const;
/** The pages were rendered on 2021-01-22 (`<meta name="issued">`); read an hour into the next day. */
const READ_AT = Date.parse('2021-01-23T01:00:00Z');

/** The figures each page itself shows: `<span id="uptime-percent-<id>">99.87</span>`. */
function shownFigures(page: string): Map<string, number> {
  const $ = load(page);
  const out = new Map<string, number>();
  $('span[id^="uptime-percent-"]').each((_, el) => {
    const id = $(el).attr('id')!.slice('uptime-percent-'.length);
    out.set(id, Number($(el).text().trim()));
  });
  return out;
}

describe('the page’s own figure, reproduced on both real pages', () => {
  it.each(PAGES)('%s: every shown uptime-percent-<id> equals our 90-day figure', (file) => {
    const page = loadFixture(file);
    const expected = shownFigures(page);
    expect(expected.size).toBeGreaterThan(0);
    const read = officialUptimeFromHtml(page, READ_AT)!;
    expect(read).not.toBeNull();
    const matched: string[] = [];
    for (const [id, figure] of expected) {
      expect(read.components[id], id).toBeDefined();
      expect(read.components[id]!.percent90d, id).toBe(figure);
      matched.push(id);
    }
    // Every uptimeData entry has its figure shown on the page, and each one matched.
    expect(matched.sort()).toEqual(Object.keys(read.components).sort());
  });

  it('balena (older `var uptimeData` form): 14 of 14 components, one with a startDate inside the window', () => {
    const read = officialUptimeFromHtml(loadFixture(PAGES[0]), READ_AT)!;
    expect(Object.keys(read.components)).toHaveLength(14);
    expect(read.components.xw9ff7ygkmwb!.percent90d).toBe(99.92); // 5721 s major: 99.926…
    expect(read.components.ws7qj36s5j66!.percent90d).toBe(99.94); // 1300 s major + 8857 s partial
    // balenahub starts on 2020-12-14: D = 40 days, 149 s major → 99.9956… → 99.99
    const hub = read.components.rgp0hv2w3b4c!;
    expect(hub).toMatchObject({ percent90d: 99.99, coversDays: 40, since: '2020-12-14' });
    expect(hub.days.filter((d) => d.noData)).toHaveLength(50);
    expect(hub.days.find((d) => d.date === '2020-12-13')!.noData).toBe(true);
    expect(hub.days.find((d) => d.date === '2020-12-14')!.noData).toBeUndefined();
  });

  it('symantec: 10 of 10 figures; the 2 group rows carry the page’s figure but stay out of the provider average', () => {
    const read = officialUptimeFromHtml(loadFixture(PAGES[1]), READ_AT)!;
    expect(Object.keys(read.components)).toHaveLength(10);
    const groups = Object.entries(read.components).filter(([, u]) => u.group);
    expect(groups.map(([id]) => id).sort()).toEqual(['nywdgl9f82zj', 'wmydnrmfrd3c']);
    expect(read.components.nywdgl9f82zj!.percent90d).toBe(99.98);
    expect(read.components.gsffq6ls219w!.percent90d).toBe(99.79); // ClientNet: 15579 s major
    expect(read.uptime.basis).toMatchObject({ method: 'mean', components: 8 });
    expect(read.uptime.basis!.worst90).toEqual({ id: 'gsffq6ls219w', name: 'ClientNet', percent: 99.79 });
  });

  it('days carry the page’s outage seconds and related events (for "2 h 10 min partial outage · <event>")', () => {
    const read = officialUptimeFromHtml(loadFixture(PAGES[1]), READ_AT)!;
    const emea = read.components.myv179qjmsf8!;
    expect(emea.days).toHaveLength(90);
    expect(emea.days[0]!.date).toBe('2020-10-25');
    expect(emea.days.at(-1)!.date).toBe('2021-01-22');
    const day = emea.days.find((d) => d.date === '2020-11-24')!;
    expect(day).toMatchObject({ level: 'degraded', partialSeconds: 15080, majorSeconds: 0, degradedMinutes: 251, outageMinutes: 0 });
    expect(day.incidents).toEqual(['Email Delivery issue in EMEA Region']);
    const clientNet = read.components.gsffq6ls219w!.days.find((d) => d.date === '2020-12-13')!;
    expect(clientNet).toMatchObject({ level: 'outage', majorSeconds: 15579, outageMinutes: 260 });
    expect(clientNet.incidents).toEqual(['Email Security.cloud ClientNet portal, Customer API and Partner APIs Unavailable']);
    // A maintenance event without outage time: listed, and the day stays operational.
    expect(emea.days.find((d) => d.date === '2020-11-06')).toMatchObject({ level: 'operational', incidents: ['Email Security.cloud Maintenance for EMEA Network Infrastructure on November 6, 2020'] });
  });

  it('30 d from the last 30 days with the same weights; the provider is the average of its components', () => {
    const page = loadFixture(PAGES[0]);
    const read = officialUptimeFromHtml(page, READ_AT)!;
    // Independently: the same sums over the last 30 days of the raw uptimeData.
    const raw = extractUptimeData(page) as Record<string, { component: { startDate?: string }; days: Array<{ date: string; outages: { m?: number; p?: number } }> }>;
    for (const [id, entry] of Object.entries(raw)) {
      const days = entry.days.slice(-30).filter((d) => !entry.component.startDate || d.date >= entry.component.startDate);
      const weighted = days.reduce((a, d) => a + (d.outages.m ?? 0) + 0.3 * (d.outages.p ?? 0), 0);
      expect(read.components[id]!.percent30d, id).toBe(Math.floor(10_000 * (1 - weighted / (days.length * 86_400)) + 1e-9) / 100);
    }
    expect(read.components.xw9ff7ygkmwb).toMatchObject({ percent90d: 99.92, percent30d: 99.82 });
    expect(read.components.ws7qj36s5j66).toMatchObject({ percent90d: 99.94, percent30d: 100 });
    const mean = (pick: (u: (typeof read.components)[string]) => number) => Object.values(read.components).reduce((a, u) => a + pick(u), 0) / 14;
    expect(read.uptime.percent90d).toBe(Math.floor(mean((u) => u.percent90d!) * 100) / 100);
    expect(read.uptime.percent90d).toBe(99.98);
    expect(read.uptime.percent30d).toBe(Math.floor(mean((u) => u.percent30d!) * 100) / 100);
    expect(read.uptime.source).toBe('official');
    expect(read.uptime.basis).toMatchObject({ method: 'mean', components: 14 });
    expect(read.uptime.basis!.worst90).toEqual({ id: 'xw9ff7ygkmwb', name: 'API', percent: 99.92 });
    expect(read.uptime.basis!.worst30).toEqual({ id: 'xw9ff7ygkmwb', name: 'API', percent: 99.82 });
    // Never lower than every component.
    expect(read.uptime.percent90d!).toBeGreaterThanOrEqual(Math.min(...Object.values(read.components).map((u) => u.percent90d!)));
    expect(read.uptime.asOf).toBe(Date.parse('2021-01-23T00:00:00Z')); // the end of the page's last day
  });
});

describe('statuspagePercent (floor2 without float error)', () => {
  it('truncates, never rounds up, and stays exact on boundaries', () => {
    expect(statuspagePercent(0, 0, 90)).toBe(100);
    expect(statuspagePercent(1, 0, 90)).toBe(99.99); // 99.99987…
    // 10108.8 s of weighted outage in 90 days is exactly 99.87 %: must not become 99.86.
    expect(statuspagePercent(0, 33696, 90)).toBe(99.87);
    expect(statuspagePercent(10108, 0, 90)).toBe(99.87);
    expect(statuspagePercent(10109, 0, 90)).toBe(99.86);
    expect(statuspagePercent(90 * 86400 * 2, 0, 90)).toBe(0);
    expect(statuspagePercent(0, 0, 0)).toBeNull();
  });
});

describe('extracting uptimeData without evaluating anything', () => {
  const entry = { component: { code: 'abc123def456', name: 'API' }, days: [{ date: '2026-09-01', outages: { m: 60 }, related_events: [{ name: 'a } b { "c"', code: 'x' }] }] };

  it('reads the newer `window.uptimeData = {…}` form followed by its alias line', () => {
    const page = `<script>\n  window.uptimeData = ${JSON.stringify({ abc123def456: entry })};\n  var uptimeData = window.uptimeData;\n</script>`;
    expect(extractUptimeData(page)).toEqual({ abc123def456: entry });
  });

  it('reads the older `var uptimeData = {…}` form, braces and quotes inside strings included', () => {
    const page = `<script>var uptimeData = ${JSON.stringify({ abc123def456: { ...entry, component: { ...entry.component, name: 'We\\"ird {name}' } } })}; var x = {};</script>`;
    const data = extractUptimeData(page) as Record<string, { component: { name: string } }>;
    expect(data.abc123def456!.component.name).toBe('We\\"ird {name}');
  });

  it('null for a page without it, a truncated literal or one that is not JSON', () => {
    expect(extractUptimeData('<html><body>Just a moment…</body></html>')).toBeNull();
    expect(extractUptimeData('var uptimeData = {"a": {"days": [')).toBeNull();
    expect(extractUptimeData('var uptimeData = {a: 1};')).toBeNull();
    expect(extractUptimeData('var uptimeData = window.uptimeData;')).toBeNull();
  });

  it('drops bad entries and keys', () => {
    const data = readUptimeData({
      good: entry,
      __proto__x: entry,
      'bad id!': entry,
      nodays: { component: { name: 'x' }, days: [] },
      notobject: 5,
      baddays: { days: [{ date: 'yesterday', outages: {} }, { date: '2026-09-02', outages: { p: '30', m: -5 } }] },
    });
    expect([...data.keys()].sort()).toEqual(['baddays', 'good']);
    expect(data.get('baddays')!.days).toEqual([{ date: '2026-09-02', outages: { p: 30, m: 0 }, related_events: [] }]);
  });
});

describe('readStatuspageUptime', () => {
  const URL_PAGE = 'https://status.claude.com/';
  const page = loadFixture(PAGES[0]);

  it('one GET of the page root as HTML, no credentials; official figures keyed by component id, with the ETag kept', async () => {
    const fetch = fakeFetch({ [URL_PAGE]: html(page, { headers: { etag: 'W/"abc"' } }) });
    const outcome = await readStatuspageUptime(def('anthropic'), ctx(fetch, READ_AT));
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.init?.credentials).toBe('omit');
    expect(fetch.calls[0]!.headers.accept).toBe('text/html');
    expect(fetch.calls[0]!.headers['if-none-match']).toBeUndefined();
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.requests).toBe(1);
    expect(outcome.uptime.etag).toBe('W/"abc"');
    expect(outcome.components.xw9ff7ygkmwb!.percent90d).toBe(99.92);
  });

  it('sends If-None-Match with a kept ETag; a 304 is the "not modified" outcome', async () => {
    const fetch = fakeFetch({ [URL_PAGE]: { status: 304, headers: { etag: 'W/"abc"' } } });
    const outcome = await readStatuspageUptime(def('anthropic'), ctx(fetch, READ_AT, { etag: 'W/"abc"' }));
    expect(fetch.calls[0]!.headers['if-none-match']).toBe('W/"abc"');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.httpStatus).toBe(NOT_MODIFIED);
  });

  it.each([
    ['a page without uptimeData', html('<!doctype html><title>Status</title>'), 'wrong-shape'],
    ['a challenge (403)', html('<title>Just a moment</title>', { status: 403 }), 'challenge'],
    ['a 503', html('busy', { status: 503 }), 'http'],
    ['a 429', html('slow down', { status: 429, headers: { 'retry-after': '60' } }), 'rate-limited'],
    ['a body declared over the cap', html('x', { headers: { 'content-length': String(MAX_PAGE_BYTES + 1) } }), 'too-large'],
    ['JSON', json({ page: {} }), 'wrong-shape'],
  ])('fails soft on %s', async (_name, reply, kind) => {
    const outcome = await readStatuspageUptime(def('anthropic'), ctx(fakeFetch({ [URL_PAGE]: reply }), READ_AT));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.kind).toBe(kind);
  });

  it('fails soft on a streamed body over 5 MB, and when fetch throws', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 6) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const big = await readStatuspageUptime(def('anthropic'), ctx(fakeFetch({ [URL_PAGE]: { status: 200, headers: { 'content-type': 'text/html' }, body: stream } }), READ_AT));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.kind).toBe('too-large');
    const offline = await readStatuspageUptime(def('anthropic'), ctx(() => Promise.reject(new TypeError('offline')), READ_AT));
    expect(offline.ok).toBe(false);
    if (!offline.ok) expect(offline.error.kind).toBe('network');
  });

  it('is the Statuspage adapter’s fetchUptime', () => {
    expect(statuspageAdapter.fetchUptime).toBe(readStatuspageUptime);
  });
});
