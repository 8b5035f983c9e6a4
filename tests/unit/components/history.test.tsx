// @vitest-environment happy-dom
/** History: uptime strips, timeline, popup summary. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { UptimeStrip } from '../../../components/UptimeStrip';
import { UiContext } from '../../../components/UiContext';
import { uptimeFromIncidents, uptimeFromObserved } from '../../../lib/uptime';
import { translator } from '../helpers';
import { Timeline } from '../../../components/Timeline';
import { dateTime } from '../../../lib/format';
import { HistorySummary } from '../../../components/HistorySummary';
import type { ComponentChild } from 'preact';
import type { Incident, Uptime } from '../../../lib/model';

afterEach(cleanup);

describe('UptimeStrip', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');

  function renderUi(node: ComponentChild) {
    return render(<UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>{node}</UiContext.Provider>);
  }
  function incident(id: string, title: string, impact: string, start: string, end: string): Incident {
    return {
      id,
      title,
      status: 'resolved',
      impact,
      createdAt: start,
      startedAt: start,
      resolvedAt: end,
      updatedAt: end,
      url: '',
      latestUpdate: '',
      componentIds: [],
      componentNames: [],
      phases: [],
    };
  }

  /** 2 h of outage on Oct 8 and 30 min degraded on Oct 1; coverage starts Oct 1 (10 days). */
  function sample(): Uptime {
    return uptimeFromIncidents(
      [
        incident('a', 'API down', 'major', '2026-10-08T10:00:00.000Z', '2026-10-08T12:00:00.000Z'),
        incident('b', 'Slow responses', 'minor', '2026-10-01T00:00:00.000Z', '2026-10-01T00:30:00.000Z'),
      ],
      NOW,
    );
  }

  it('carries the test-contract attributes and 90 bars with level classes', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="Uptime" />);
    const root = container.querySelector('.uptime')!;
    expect(root.getAttribute('data-uptime-source')).toBe('incidents');
    expect(root.getAttribute('data-uptime-days')).toBe('10');
    const bars = [...root.querySelectorAll('.uptime__bar')];
    expect(bars).toHaveLength(90);
    const count = (level: string) => bars.filter((b) => b.className === `uptime__bar uptime__bar--${level}`).length;
    expect([count('unknown'), count('operational'), count('degraded'), count('outage')]).toEqual([80, 8, 1, 1]);
    expect(bars[80]!.className).toBe('uptime__bar uptime__bar--degraded'); // Oct 1
    expect(bars[87]!.className).toBe('uptime__bar uptime__bar--outage'); // Oct 8
    expect(bars.every((b) => b.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it('each bar has a tooltip naming the day, its level, the minutes and the day’s incidents', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="Uptime" />);
    const bars = [...container.querySelectorAll('.uptime__bar')];
    expect(bars[87]!.getAttribute('title')).toBe('2026-10-08 · Outage · outage 2h\nAPI down');
    expect(bars[80]!.getAttribute('title')).toBe('2026-10-01 · Degraded · degraded 30m\nSlow responses');
    expect(bars[89]!.getAttribute('title')).toBe('2026-10-10 · Operational');
    expect(bars[0]!.getAttribute('title')).toBe('2026-07-13 · Unknown');
  });

  it('shows both figures, the source sentence, and an accessible summary', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="Uptime" />);
    // 2 h down in the 228 h covered (Oct 1 00:00 → Oct 10 12:00): 99.123 %.
    expect(container.querySelector('.uptime__figures')!.textContent).toBe('30 d: 99.123% · 90 d: 99.123%');
    expect(container.querySelector('.uptime__title')!.textContent).toBe('Uptime');
    expect(container.querySelector('.uptime__source')!.textContent).toBe("Computed from the provider's recent incidents · covers 10 days");
    expect(container.querySelector('.uptime__bars')!.getAttribute('role')).toBe('img');
    expect(container.querySelector('.uptime__bars')!.getAttribute('aria-label')).toBe(
      "Uptime: 2 of the last 90 days had problems. Computed from the provider's recent incidents · covers 10 days",
    );
  });

  it('names official and observed sources, and "—" for a figure with no coverage', () => {
    const official: Uptime = { ...sample(), source: 'official', coversDays: 90, percent30d: 99.95, percent90d: 99.9 };
    const a = renderUi(<UptimeStrip uptime={official} title="Uptime" />);
    expect(a.container.querySelector('.uptime__source')!.textContent).toBe('Official figures from the status page · covers 90 days');
    expect(a.container.querySelector('.uptime__figures')!.textContent).toBe('30 d: 99.95% · 90 d: 99.90%');
    cleanup();
    const observed = uptimeFromObserved([], NOW - 3_600_000, NOW);
    const b = renderUi(<UptimeStrip uptime={{ ...observed, percent30d: null, percent90d: null }} title="Uptime" />);
    expect(b.container.querySelector('.uptime')!.getAttribute('data-uptime-source')).toBe('observed');
    expect(b.container.querySelector('.uptime')!.getAttribute('data-uptime-days')).toBe('1');
    expect(b.container.querySelector('.uptime__source')!.textContent).toBe('Observed by this extension since install · covers 1 day');
    expect(b.container.querySelector('.uptime__figures')!.textContent).toBe('30 d: — · 90 d: —');
  });

  it('compact: no source sentence but the same data attributes and bars', () => {
    const { container } = renderUi(<UptimeStrip uptime={sample()} title="claude.ai" compact />);
    expect(container.querySelector('.uptime')!.className).toBe('uptime uptime--compact');
    expect(container.querySelector('.uptime__source')).toBeNull();
    expect(container.querySelectorAll('.uptime__bar')).toHaveLength(90);
    expect(container.querySelector('.uptime__bars')!.getAttribute('aria-label')).toContain('claude.ai: 2 of the last 90 days had problems.');
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
