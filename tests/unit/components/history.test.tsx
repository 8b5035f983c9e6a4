// @vitest-environment happy-dom
/** History: uptime strips, timeline, popup summary. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { UptimeStrip } from '../../../components/UptimeStrip';
import { UiContext } from '../../../components/UiContext';
import { aggregateUptime, buildUptime, uptimeFromObserved } from '../../../lib/uptime';
import { officialUptimeFromHtml } from '../../../lib/providers/statuspage-uptime';
import { HistoryPanel } from '../../../components/HistoryPanel';
import type { ProviderHistoryView } from '../../../lib/ui/history-view';
import { loadFixture, translator } from '../helpers';
import { Timeline } from '../../../components/Timeline';
import { dateTime } from '../../../lib/format';
import { HistorySummary } from '../../../components/HistorySummary';
import type { ComponentChild } from 'preact';
import type { Incident, Uptime } from '../../../lib/model';

afterEach(cleanup);


/** One entry per day: a run of plain days (`data-days` = n) counts n times. */
function perDay(root: ParentNode): Element[] {
  return [...root.querySelectorAll('.uptime__bar')].flatMap((b) => Array.from({ length: Number(b.getAttribute('data-days') ?? 1) }, () => b));
}

describe('UptimeStrip', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');

  function renderUi(node: ComponentChild, locale: 'en' | 'ko' = 'en') {
    return render(<UiContext.Provider value={{ t: translator(locale), locale }}>{node}</UiContext.Provider>);
  }

  /** 2 h of major outage on Oct 8 (API) and 30 min partial on Oct 1 (Chat); coverage starts Oct 1 (10 days). */
  function sample(): Uptime {
    const at = Date.parse;
    const api = buildUptime({ now: NOW, coverStart: at('2026-10-01T00:00:00Z'), source: 'incidents', major: [{ start: at('2026-10-08T10:00:00Z'), end: at('2026-10-08T12:00:00Z') }], labels: [{ start: at('2026-10-08T10:00:00Z'), end: at('2026-10-08T12:00:00Z'), title: 'API down' }] });
    const chat = buildUptime({ now: NOW, coverStart: at('2026-10-01T00:00:00Z'), source: 'incidents', partial: [{ start: at('2026-10-01T00:00:00Z'), end: at('2026-10-01T00:30:00Z') }], labels: [{ start: at('2026-10-01T00:00:00Z'), end: at('2026-10-01T00:30:00Z'), title: 'Slow responses' }] });
    return aggregateUptime([{ id: 'api', name: 'API', uptime: api }, { id: 'chat', name: 'Chat', uptime: chat }], 'incidents', { uncounted: 1 });
  }

  it('carries the test-contract attributes and 90 bars with level classes; no-data days are drawn as such', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="Uptime" now={NOW} />);
    const root = container.querySelector('.uptime')!;
    expect(root.getAttribute('data-uptime-source')).toBe('incidents');
    expect(root.getAttribute('data-uptime-days')).toBe('10');
    // Coverage begins Oct 1: neither window is covered, so neither figure is an attribute.
    expect(root.hasAttribute('data-uptime-30')).toBe(false);
    expect(root.hasAttribute('data-uptime-90')).toBe(false);
    expect(root.hasAttribute('data-component-id')).toBe(false);
    const bars = perDay(root);
    expect(bars).toHaveLength(90);
    // Consecutive plain days are one bar (a run): 8 operational days in 2 runs, each day its own element otherwise.
    expect(root.querySelectorAll('.uptime__bar')).toHaveLength(80 + 2 + 1 + 1);
    const count = (level: string) => bars.filter((b) => b.classList.contains(`uptime__bar--${level}`)).length;
    expect([count('nodata'), count('operational'), count('degraded'), count('outage')]).toEqual([80, 8, 1, 1]);
    expect(bars[80]!.className).toBe('uptime__bar uptime__bar--degraded'); // Oct 1
    expect(bars[87]!.className).toBe('uptime__bar uptime__bar--outage'); // Oct 8
    expect(bars.every((b) => b.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it('each bar has a tooltip: the day, its level, major/partial outage time, and the day’s incidents', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="Uptime" now={NOW} />);
    const bars = perDay(container);
    expect(bars[87]!.getAttribute('title')).toBe('2026-10-08 · Outage · 2h major outage · API down');
    expect(bars[80]!.getAttribute('title')).toBe('2026-10-01 · Degraded · 30m partial outage · Slow responses');
    // A run of plain days says which days it spans.
    expect(bars[89]!.getAttribute('title')).toBe('2026-10-09 – 2026-10-10 · Operational');
    expect(bars[89]!.getAttribute('style')).toContain('span 2');
    expect(bars[0]!.getAttribute('title')).toBe('2026-07-13 · No data');
  });

  it('the official Statuspage tooltip: "2h 11m partial outage · <event>" from the page’s own seconds', () => {
    const read = officialUptimeFromHtml(loadFixture('statuspage-html/page-9m1mvp2nv6sb-2021.html'), Date.parse('2021-01-23T01:00:00Z'))!;
    const { container } = renderUi(<UptimeStrip uptime={read.components.myv179qjmsf8!} title="EMEA" componentId="myv179qjmsf8" now={Date.parse('2021-01-23T01:00:00Z')} compact />);
    const root = container.querySelector('.uptime')!;
    expect(root.getAttribute('data-component-id')).toBe('myv179qjmsf8');
    expect(root.getAttribute('data-uptime-90')).toBe('99.94');
    expect(root.getAttribute('data-uptime-30')).toBe('100');
    expect(container.querySelector('.uptime__label')!.textContent).toBe('Official');
    const day = [...container.querySelectorAll('.uptime__bar')].find((b) => b.getAttribute('title')!.startsWith('2020-11-24'))!;
    expect(day.getAttribute('title')).toBe('2020-11-24 · Degraded · 4h 11m partial outage · Email Delivery issue in EMEA Region');
  });

  it('figures: "—" for a window the data does not cover, and the figure "since <date>"; the source, basis and uncounted lines', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="Uptime" now={NOW} />);
    expect(container.querySelector('.uptime__figures')!.textContent).toBe('30 d: — · 90 d: — · since Oct 1, 2026: 99.52%'); // (99.12 + 99.93) / 2
    expect(container.querySelector('.uptime__title')!.textContent).toBe('Uptime');
    expect(container.querySelector('.uptime__label')!.textContent).toBe('Estimated from incidents');
    expect(container.querySelector('.uptime__source')!.textContent).toBe("Estimated from the provider's recent incidents · covers 10 days · since Oct 1, 2026");
    expect([...container.querySelectorAll('.uptime__basis')].map((p) => p.textContent)).toEqual([
      'Average of 2 components',
      '1 incidents name no component and are not counted',
    ]);
    expect(container.querySelector('.uptime__bars')!.getAttribute('role')).toBe('img');
    expect(container.querySelector('.uptime__bars')!.getAttribute('aria-label')).toBe('Uptime: 2 of the last 90 days had problems. Estimated from incidents');
  });

  it('official: figures as attributes equal to what is shown; the lowest component named; an old figure shows its date', () => {
    const read = officialUptimeFromHtml(loadFixture('statuspage-html/page-5b4dcn321xtp-2021.html'), Date.parse('2021-01-23T01:00:00Z'))!;
    const { container } = renderUi(<UptimeStrip uptime={read.uptime} title="Uptime" now={Date.parse('2021-01-23T06:00:00Z')} />);
    const root = container.querySelector('.uptime')!;
    expect(root.getAttribute('data-uptime-source')).toBe('official');
    expect(root.getAttribute('data-uptime-90')).toBe('99.98');
    expect(root.getAttribute('data-uptime-30')).toBe(String(read.uptime.percent30d));
    expect(container.querySelector('.uptime__figures')!.textContent).toBe(`30 d: ${read.uptime.percent30d!.toFixed(2)}% · 90 d: 99.98%`);
    expect(container.querySelector('.uptime__label')!.textContent).toBe('Official');
    expect(container.querySelector('.uptime__source')!.textContent).toBe('Official figures from the status page · covers 90 days');
    expect(container.querySelector('.uptime__basis')!.textContent).toBe('Average of 14 components · lowest: API (30 d 99.82% · 90 d 99.92%)');
    cleanup();
    const old = renderUi(<UptimeStrip uptime={read.uptime} title="Uptime" now={NOW} />);
    expect(old.container.querySelector('.uptime__label')!.textContent).toBe('Official · as of Jan 22, 2021');
    expect(old.container.querySelector('.uptime__source')!.textContent).toBe('Official figures from the status page · covers 90 days · as of Jan 22, 2021');
  });

  it('observed: "Observed by AI Status since <date>"; nothing covered shows "—"', () => {
    const observed = uptimeFromObserved([{ at: NOW - 3_600_000, level: 'operational' }], NOW - 3_600_000, NOW);
    const b = renderUi(<UptimeStrip uptime={observed} title="Uptime" now={NOW} />);
    expect(b.container.querySelector('.uptime')!.getAttribute('data-uptime-source')).toBe('observed');
    expect(b.container.querySelector('.uptime')!.getAttribute('data-uptime-days')).toBe('1');
    expect(b.container.querySelector('.uptime__label')!.textContent).toBe('Observed by AI Status since Oct 10, 2026');
    expect(b.container.querySelector('.uptime__source')!.textContent).toBe('Observed by AI Status · covers 1 day');
    expect(b.container.querySelector('.uptime__figures')!.textContent).toBe('30 d: — · 90 d: — · since Oct 10, 2026: 100.00%');
  });

  it('a lowest component the summary does not list is named as such, not by its id', () => {
    const u: Uptime = { ...sample(), basis: { method: 'mean', components: 37, worst90: { id: '01JMDK9XYN8Z6K633X01G7WFD9', name: '', percent: 99.74 }, worst30: null } };
    const { container } = renderUi(<UptimeStrip uptime={u} title="Uptime" now={NOW} />);
    expect(container.querySelector('.uptime__basis')!.textContent).toBe('Average of 37 components · lowest over 90 days: a component not in the summary (99.74%)');
  });

  it('Korean labels', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="가동률" now={NOW} />, 'ko');
    expect(container.querySelector('.uptime__label')!.textContent).toBe('사고 기록으로 추정');
    expect(container.querySelector('.uptime__basis')!.textContent).toBe('구성 요소 2개의 평균');
  });

  it('compact: the source label but no sentence; the same data attributes and bars', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="claude.ai" componentId="rwppv331jlwc" now={NOW} compact />);
    expect(container.querySelector('.uptime')!.className).toBe('uptime uptime--compact');
    expect(container.querySelector('.uptime')!.getAttribute('data-component-id')).toBe('rwppv331jlwc');
    expect(container.querySelector('.uptime__label')!.textContent).toBe('Estimated from incidents');
    expect(container.querySelector('.uptime__source')).toBeNull();
    expect(perDay(container)).toHaveLength(90);
    expect(container.querySelector('.uptime__bars')!.getAttribute('aria-label')).toContain('claude.ai: 2 of the last 90 days had problems.');
  });
});

describe('HistoryPanel', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');

  it('renders every component’s uptime element (with data-component-id) inside the folded section, closed', () => {
    const u = uptimeFromObserved([{ at: NOW - 100 * 86_400_000, level: 'operational' }], NOW - 100 * 86_400_000, NOW);
    const history: ProviderHistoryView = { uptime: u, components: { a: u, b: u }, timeline: [] };
    const components = [
      { id: 'a', name: 'A', group: null, rawStatus: 'operational', level: 'operational' as const, description: '' },
      { id: 'b', name: 'B', group: null, rawStatus: 'operational', level: 'operational' as const, description: '' },
      { id: 'c', name: 'C', group: null, rawStatus: 'operational', level: 'operational' as const, description: '' },
    ];
    const { container } = render(
      <UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>
        <HistoryPanel history={history} components={components} pageUrl="https://status.claude.com" now={NOW} />
      </UiContext.Provider>,
    );
    expect(container.querySelector('.history > [data-uptime-source]')!.hasAttribute('data-component-id')).toBe(false);
    expect(container.querySelector('details')!.open).toBe(false);
    const strips = [...container.querySelectorAll('details [data-uptime-source]')];
    expect(strips.map((s) => s.getAttribute('data-component-id'))).toEqual(['a', 'b']);
    expect(strips.every((s) => s.getAttribute('data-uptime-90') === '100' && s.getAttribute('data-uptime-30') === '100')).toBe(true);
  });
});

describe('Timeline', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');
  const CLAUDE = 'https://status.claude.com';
  const DAY = 86_400_000;

  function renderUi(node: ComponentChild) {
    return render(<UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>{node}</UiContext.Provider>);
  }
  function resolved(id: string, daysAgo: number, over: Partial<Incident> = {}): Incident {
    const start = NOW - daysAgo * DAY;
    return {
      id,
      title: `Incident ${id}`,
      status: 'resolved',
      impact: 'minor',
      createdAt: new Date(start).toISOString(),
      startedAt: new Date(start).toISOString(),
      resolvedAt: new Date(start + 90 * 60_000).toISOString(),
      updatedAt: new Date(start).toISOString(),
      url: `${CLAUDE}/incidents/${id}`,
      latestUpdate: '',
      componentIds: [],
      componentNames: [],
      phases: [],
      ...over,
    };
  }
  const time = (iso: string) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(iso));

  it('empty: says there were no resolved incidents', () => {
    const { container } = renderUi(<Timeline incidents={[]} pageUrl={CLAUDE} now={NOW} />);
    expect(container.querySelector('section')!.getAttribute('aria-label')).toBe('Past incidents, last 90 days');
    expect(container.querySelector('.incidents__none')!.textContent).toBe('No resolved incidents in the last 90 days.');
    expect(container.querySelector('li')).toBeNull();
  });

  it('an entry: date, how long it lasted, title, impact, phases in order, link', () => {
    const inc = resolved('r1', 2, {
      title: 'Elevated errors',
      impact: 'major',
      phases: [
        { status: 'investigating', at: '2026-10-08T12:00:00.000Z' },
        { status: 'monitoring', at: '2026-10-08T13:00:00.000Z' },
        { status: 'resolved', at: '2026-10-08T13:30:00.000Z' },
      ],
    });
    const { container } = renderUi(<Timeline incidents={[inc]} pageUrl={CLAUDE} now={NOW} />);
    const li = container.querySelector('[data-incident-id="r1"]')!;
    expect(li.className).toBe('timeline__item incident--major');
    expect(li.querySelector('time')!.getAttribute('datetime')).toBe('2026-10-08T12:00:00.000Z');
    expect(li.querySelector('.timeline__when')!.textContent).toBe(`${dateTime('2026-10-08T12:00:00.000Z', 'en')} · lasted 1h 30m`);
    expect(li.querySelector('.incident__title')!.textContent).toBe('Elevated errors');
    expect(li.querySelector('.chip--impact')!.textContent).toBe('Impact: major');
    expect(li.querySelector('.timeline__phases')!.textContent).toBe(
      `Investigating ${time('2026-10-08T12:00:00.000Z')} → Monitoring ${time('2026-10-08T13:00:00.000Z')} → Resolved ${time('2026-10-08T13:30:00.000Z')}`,
    );
    const a = li.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://status.claude.com/incidents/r1');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
  });

  it('shows the first 5 and folds the rest under "N older incidents"', () => {
    const list = Array.from({ length: 8 }, (_, i) => resolved(`r${i}`, i + 1));
    const { container } = renderUi(<Timeline incidents={list} pageUrl={CLAUDE} now={NOW} />);
    const lists = container.querySelectorAll('ol.timeline__list');
    expect(lists).toHaveLength(2);
    const top = [...lists[0]!.querySelectorAll('li')].map((li) => li.getAttribute('data-incident-id'));
    expect(top).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(lists[0]!.closest('details')).toBeNull();
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('3 older incidents');
    expect([...details.querySelectorAll('li')].map((li) => li.getAttribute('data-incident-id'))).toEqual(['r5', 'r6', 'r7']);
  });

  it('exactly 5: nothing folded', () => {
    const { container } = renderUi(<Timeline incidents={Array.from({ length: 5 }, (_, i) => resolved(`r${i}`, i + 1))} pageUrl={CLAUDE} now={NOW} />);
    expect(container.querySelector('details')).toBeNull();
    expect(container.querySelectorAll('li')).toHaveLength(5);
  });

  it('an unresolved entry says "ongoing" and carries no incident id; off-host links are dropped', () => {
    const open = resolved('open', 0.5, { resolvedAt: null, status: 'investigating', url: 'https://evil.example/x' });
    const { container } = renderUi(<Timeline incidents={[open]} pageUrl={CLAUDE} now={NOW} />);
    const li = container.querySelector('li')!;
    expect(li.hasAttribute('data-incident-id')).toBe(false);
    expect(li.querySelector('.timeline__when')!.textContent).toMatch(/ · ongoing$/);
    expect(li.querySelector('a')).toBeNull();
  });

  it('network titles stay text', () => {
    const { container } = renderUi(<Timeline incidents={[resolved('h', 1, { title: '<img src=x onerror=alert(1)>' })]} pageUrl={CLAUDE} now={NOW} />);
    expect(container.querySelector('.incident__title')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('HistorySummary', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');

  function renderUi(node: ComponentChild) {
    return render(<UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>{node}</UiContext.Provider>);
  }
  const latest: Incident = {
    id: 'x',
    title: 'Elevated errors on <b>Opus</b>',
    status: 'resolved',
    impact: 'major',
    createdAt: '2026-10-08T12:00:00.000Z',
    startedAt: '2026-10-08T12:00:00.000Z',
    resolvedAt: '2026-10-08T13:00:00.000Z',
    updatedAt: '2026-10-08T13:00:00.000Z',
    url: '',
    latestUpdate: '',
    componentIds: [],
    componentNames: [],
    phases: [],
  };

  it('nothing without a latest incident', () => {
    const { container } = renderUi(<HistorySummary count={0} latest={null} now={NOW} />);
    expect(container.childNodes).toHaveLength(0);
  });

  it('count, latest title (as text) and when', () => {
    const { container } = renderUi(<HistorySummary count={7} latest={latest} now={NOW} />);
    const p = container.querySelector('p.history-summary')!;
    expect(p.getAttribute('data-history-count')).toBe('7');
    expect(p.textContent).toBe('Incidents in 90 days: 7 · latest: Elevated errors on <b>Opus</b> (2 days ago)');
    expect(p.querySelector('b')).toBeNull();
  });
});
