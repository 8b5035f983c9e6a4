// @vitest-environment happy-dom
/** Provider panels: status labels, panels, component and incident lists. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, fireEvent, screen } from '@testing-library/preact';
import { StatusLabel } from '../../../components/StatusLabel';
import { UiContext } from '../../../components/UiContext';
import { translator, makeStatus, FIX, def, loadJson } from '../helpers';
import { ProviderPanel } from '../../../components/ProviderPanel';
import { PROVIDER_INFO } from '../../../lib/providers/catalog';
import { EMPTY_HEALTH, resolveProvider, type Health } from '../../../lib/status';
import { ComponentList } from '../../../components/ComponentList';
import { SummarySchema } from '../../../lib/providers/statuspage-schema';
import { normalizeSummary } from '../../../lib/providers/normalize';
import { IncidentList } from '../../../components/IncidentList';
import { dateTime } from '../../../lib/format';
import { PanelErrorBoundary } from '../../../components/PanelErrorBoundary';
import type { ComponentChild } from 'preact';
import type { Level } from '../../../lib/levels';
import { FETCH_ERROR_KINDS } from '../../../lib/model';
import type { ComponentStatus, FetchError, ProviderId, ServiceStatus, Incident, Maintenance } from '../../../lib/model';

afterEach(cleanup);

describe('StatusLabel', () => {
  function renderUi(node: ComponentChild, locale: 'en' | 'ko' = 'en') {
    return render(<UiContext.Provider value={{ t: translator(locale), locale }}>{node}</UiContext.Provider>);
  }

  it.each([
    ['operational', '✓', 'Operational'],
    ['degraded', '!', 'Degraded'],
    ['outage', '✕', 'Outage'],
    ['maintenance', '⚒', 'Maintenance'],
    ['unknown', '?', 'Unknown'],
  ] as [Level, string, string][])('%s: glyph %s and the text "%s", not color alone', (level, glyph, text) => {
    const { container } = renderUi(<StatusLabel level={level} />);
    const root = container.querySelector('.status')!;
    expect(root.className).toBe(`status status--${level}`);
    const glyphEl = root.querySelector('.status__glyph')!;
    expect(glyphEl.textContent).toBe(glyph);
    expect(glyphEl.getAttribute('aria-hidden')).toBe('true');
    expect(root.querySelector('.status__text')!.textContent).toBe(text);
  });

  it('loading: "Checking…" with an ellipsis glyph, never the level it was given', () => {
    const { container } = renderUi(<StatusLabel level="operational" loading />);
    const root = container.querySelector('.status')!;
    expect(root.className).toBe('status status--loading');
    expect(root.textContent).toBe('…Checking…');
    expect(container.querySelector('.status--operational')).toBeNull();
  });

  it('is localized', () => {
    const ko = translator('ko');
    const { container } = renderUi(<StatusLabel level="outage" />, 'ko');
    expect(container.querySelector('.status__text')!.textContent).toBe(ko('levelOutage'));
    expect(ko('levelOutage')).not.toBe('Outage');
  });
});

describe('ProviderPanel', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');
  const MIN = 60_000;

  function renderUi(node: ComponentChild) {
    return render(<UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>{node}</UiContext.Provider>);
  }
  const info = (id: ProviderId) => PROVIDER_INFO.find((p) => p.id === id)!;
  const health = (over: Partial<Health> = {}): Health => ({ ...EMPTY_HEALTH, ...over });
  const view = (id: ProviderId, snap: ServiceStatus | null, h: Health | null, intervalSec = 60) => resolveProvider(info(id), snap, h, intervalSec, NOW);
  const fresh = (id: ProviderId, level: Level, over: Partial<ServiceStatus> = {}) =>
    view(id, makeStatus(id, level, { fetchedAt: NOW - 5_000, ...over }), health({ checkedAt: NOW - 5_000, okAt: NOW - 5_000 }));
  const err = (over: Partial<FetchError> = {}): FetchError => ({ kind: 'http', message: 'HTTP 500', httpStatus: 500, at: NOW - 1_000, ...over });
  const comp = (id: string, level: Level, over: Partial<ComponentStatus> = {}): ComponentStatus => ({ id, name: id.toUpperCase(), group: null, rawStatus: level, level, description: '', ...over });

  function panel(container: Element) {
    const el = container.querySelector('section.panel');
    if (!el) throw new Error('no panel');
    return el as HTMLElement;
  }

  describe('test contract', () => {
    it.each(['operational', 'degraded', 'outage', 'maintenance'] as Level[])('fresh %s data: data-provider and data-status', (level) => {
      const { container } = renderUi(<ProviderPanel view={fresh('anthropic', level)} now={NOW} variant="full" />);
      const p = panel(container);
      expect(p.getAttribute('data-provider')).toBe('anthropic');
      expect(p.getAttribute('data-status')).toBe(level);
      expect(p.querySelector('.panel__checked')!.textContent).toBe('Checked 5 seconds ago');
      expect(p.querySelector('.panel__problem')).toBeNull();
    });

    it('names the provider with a link to its official page and labels the region with it', () => {
      const { container } = renderUi(<ProviderPanel view={fresh('openai', 'operational')} now={NOW} variant="compact" />);
      const link = screen.getByRole('link', { name: 'ChatGPT' });
      expect(link.getAttribute('href')).toBe('https://status.openai.com/');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('title')).toBe('ChatGPT status page');
      expect(panel(container).getAttribute('aria-labelledby')).toBe('panel-openai');
      expect(screen.getByRole('region', { name: /ChatGPT/ })).toBe(panel(container));
    });
  });

  describe('loading', () => {
    it('says "Checking…" and is never green', () => {
      const { container } = renderUi(<ProviderPanel view={view('cursor', null, null)} now={NOW} variant="compact" />);
      const p = panel(container);
      expect(p.getAttribute('data-status')).toBe('unknown');
      expect(p.querySelector('.status')!.textContent).toBe('…Checking…');
      expect(p.querySelector('.panel__checked')!.textContent).toBe('Checking…');
      expect(p.querySelector('.status--operational')).toBeNull();
      expect(p.className).not.toContain('operational');
      expect(p.textContent).not.toContain('Operational');
      expect(p.querySelector('.panel__problem')).toBeNull();
      expect(p.querySelector('[data-component-id]')).toBeNull();
    });
  });

  describe('errors and stale data', () => {
    it('stale data with an error: the stale line, the reason, the retry time, data-error-kind', () => {
      const snap = makeStatus('anthropic', 'outage', { fetchedAt: NOW - 10 * MIN });
      const v = view('anthropic', snap, health({ checkedAt: NOW - 30_000, okAt: NOW - 10 * MIN, error: err(), failures: 3, backoffUntil: NOW + 2 * MIN }));
      const { container } = renderUi(<ProviderPanel view={v} now={NOW} variant="full" />);
      const p = panel(container);
      expect(p.getAttribute('data-status')).toBe('unknown');
      const note = p.querySelector('.panel__problem')!;
      expect(note.getAttribute('role')).toBe('note');
      expect(note.getAttribute('data-error-kind')).toBe('http');
      expect(note.textContent).toBe(
        "Couldn't reach status.claude.com — showing data from 10 minutes ago — the server answered with an error (HTTP 500) · Retrying in 2 minutes",
      );
    });

    it('a fresh snapshot with a failed last check still shows its level and the error line', () => {
      const snap = makeStatus('anthropic', 'degraded', { fetchedAt: NOW - MIN });
      const v = view('anthropic', snap, health({ checkedAt: NOW - 1000, okAt: NOW - MIN, error: err({ kind: 'rate-limited', httpStatus: 429 }), retryAfterUntil: NOW + 30_000 }));
      const { container } = renderUi(<ProviderPanel view={v} now={NOW} variant="full" />);
      const p = panel(container);
      expect(p.getAttribute('data-status')).toBe('degraded');
      const note = p.querySelector('.panel__problem')!;
      expect(note.getAttribute('data-error-kind')).toBe('rate-limited');
      expect(note.textContent).toBe("Couldn't reach status.claude.com — showing data from 1 minute ago — rate limited (HTTP 429) · Retrying in 30 seconds");
    });

    it('a retry time in the past is not shown', () => {
      const snap = makeStatus('cursor', 'operational', { fetchedAt: NOW - 10 * MIN });
      const v = view('cursor', snap, health({ okAt: NOW - 10 * MIN, error: err({ kind: 'timeout', httpStatus: null }), backoffUntil: NOW - 1 }));
      const { container } = renderUi(<ProviderPanel view={v} now={NOW} variant="full" />);
      const note = panel(container).querySelector('.panel__problem')!;
      expect(note.textContent).toBe("Couldn't reach status.cursor.com — showing data from 10 minutes ago — timed out");
      expect(note.textContent).not.toContain('Retrying');
    });

    it('stale without an error: data-error-kind="stale", last data kept visible', () => {
      const snap = makeStatus('openai', 'outage', { fetchedAt: NOW - 5 * MIN, components: [comp('api', 'outage')] });
      const v = view('openai', snap, health({ okAt: NOW - 5 * MIN }));
      const { container } = renderUi(<ProviderPanel view={v} now={NOW} variant="full" />);
      const p = panel(container);
      expect(p.getAttribute('data-status')).toBe('unknown');
      const note = p.querySelector('.panel__problem')!;
      expect(note.getAttribute('data-error-kind')).toBe('stale');
      expect(note.textContent).toBe("Couldn't reach status.openai.com — showing data from 5 minutes ago");
      expect(p.querySelector('[data-component-id="api"]')!.getAttribute('data-status')).toBe('outage');
    });

    it('an error before any data: "No data yet" with the reason, unknown, not loading', () => {
      const v = view('cursor', null, health({ checkedAt: NOW - 2_000, error: err({ kind: 'challenge', httpStatus: 403 }) }));
      const { container } = renderUi(<ProviderPanel view={v} now={NOW} variant="compact" />);
      const p = panel(container);
      expect(p.getAttribute('data-status')).toBe('unknown');
      expect(p.querySelector('.status')!.textContent).toBe('?Unknown');
      const note = p.querySelector('.panel__problem')!;
      expect(note.getAttribute('data-error-kind')).toBe('challenge');
      expect(note.textContent).toBe('No data yet: blocked by a bot check (HTTP 403)');
    });

    it.each([
      ['http', 502, 'No data yet: the server answered with an error (HTTP 502)'],
      ['rate-limited', 429, 'No data yet: rate limited (HTTP 429)'],
      ['timeout', null, 'No data yet: timed out'],
      ['network', null, 'No data yet: network unreachable'],
      ['not-json', 200, 'No data yet: a web page instead of status data'],
      ['bad-json', 200, 'No data yet: incomplete data'],
      ['wrong-shape', 200, 'No data yet: unexpected data'],
      ['too-large', 200, 'No data yet: response too large'],
      ['challenge', 403, 'No data yet: blocked by a bot check (HTTP 403)'],
    ] as [FetchError['kind'], number | null, string][])('error kind %s reads "%s"', (kind, httpStatus, text) => {
      const v = view('openai', null, health({ error: err({ kind, httpStatus }) }));
      const { container } = renderUi(<ProviderPanel view={v} now={NOW} variant="compact" />);
      const note = panel(container).querySelector('.panel__problem')!;
      expect(note.getAttribute('data-error-kind')).toBe(kind);
      expect(note.textContent).toBe(text);
    });

    it('every error kind has a message (the table above is complete)', () => {
      expect([...FETCH_ERROR_KINDS].sort()).toEqual(['bad-json', 'challenge', 'http', 'network', 'no-access', 'not-json', 'rate-limited', 'timeout', 'too-large', 'wrong-shape']);
    });

    it('no access: says so with a Grant button, and is never green even with good data', () => {
      const onGrant = vi.fn();
      const v = view('openai', makeStatus('openai', 'operational', { fetchedAt: NOW - 5_000 }), health({ okAt: NOW - 5_000, error: err({ kind: 'no-access', httpStatus: null }) }));
      expect(v.level).toBe('unknown');
      const { container } = renderUi(<ProviderPanel view={v} now={NOW} variant="full" onGrant={onGrant} />);
      const p = panel(container);
      expect(p.getAttribute('data-status')).toBe('unknown');
      expect(p.querySelector('.panel__problem')!.getAttribute('data-error-kind')).toBe('no-access');
      expect(p.querySelector('.panel__problem')!.textContent).toContain('No access — the browser does not let AI Status read status.openai.com.');
      fireEvent.click(screen.getByRole('button', { name: 'Grant' }));
      expect(onGrant).toHaveBeenCalledTimes(1);
    });

    it('shows the "via html" note only for data read from the page', () => {
      const html = renderUi(<ProviderPanel view={fresh('cursor', 'degraded', { via: 'html' })} now={NOW} variant="full" />);
      expect(html.container.querySelector('.panel__note')!.textContent).toBe('Read from the status page (its API was unavailable)');
      cleanup();
      const api = renderUi(<ProviderPanel view={fresh('cursor', 'degraded')} now={NOW} variant="full" />);
      expect(api.container.querySelector('.panel__note')).toBeNull();
    });
  });

  describe('"Notify me when it\'s back"', () => {
    it.each(['degraded', 'outage'] as Level[])('offered while %s; pressing it asks to switch on', (level) => {
      const onWhenBack = vi.fn();
      renderUi(<ProviderPanel view={fresh('anthropic', level)} now={NOW} variant="full" onWhenBack={onWhenBack} />);
      const button = screen.getByRole('button', { name: "Notify me when it's back" });
      expect(button.getAttribute('aria-pressed')).toBe('false');
      fireEvent.click(button);
      expect(onWhenBack).toHaveBeenCalledTimes(1);
      expect(onWhenBack).toHaveBeenCalledWith(true);
    });

    it('when on: pressed, says so, and pressing it switches off', () => {
      const onWhenBack = vi.fn();
      renderUi(<ProviderPanel view={fresh('anthropic', 'outage')} now={NOW} variant="full" whenBack onWhenBack={onWhenBack} />);
      const button = screen.getByRole('button', { pressed: true });
      expect(button.textContent).toBe("✓ You'll be notified when it's back");
      fireEvent.click(button);
      expect(onWhenBack).toHaveBeenCalledWith(false);
    });

    it.each(['operational', 'maintenance'] as Level[])('not offered while %s', (level) => {
      renderUi(<ProviderPanel view={fresh('anthropic', level)} now={NOW} variant="full" onWhenBack={() => undefined} />);
      expect(screen.queryByRole('button', { name: /notif/i })).toBeNull();
    });

    it('not offered while loading, stale, or without a callback', () => {
      renderUi(<ProviderPanel view={view('anthropic', null, null)} now={NOW} variant="full" onWhenBack={() => undefined} />);
      expect(screen.queryByRole('button', { name: /notif/i })).toBeNull();
      cleanup();
      const stale = view('anthropic', makeStatus('anthropic', 'outage', { fetchedAt: NOW - 10 * MIN }), health({ okAt: NOW - 10 * MIN }));
      renderUi(<ProviderPanel view={stale} now={NOW} variant="full" onWhenBack={() => undefined} />);
      expect(screen.queryByRole('button', { name: /notif/i })).toBeNull();
      cleanup();
      renderUi(<ProviderPanel view={fresh('anthropic', 'outage')} now={NOW} variant="full" />);
      expect(screen.queryByRole('button', { name: /notif/i })).toBeNull();
    });
  });

  describe('content', () => {
    const components = [comp('a', 'outage'), comp('b', 'degraded'), comp('c', 'degraded'), comp('d', 'degraded'), comp('e', 'degraded'), comp('f', 'operational')];

    it('compact folds problem rows after 4; full shows them all', () => {
      const compact = renderUi(<ProviderPanel view={fresh('openai', 'outage', { components })} now={NOW} variant="compact" />);
      const compactFolded = compact.container.querySelectorAll('details [data-component-id]');
      expect([...compactFolded].map((e) => e.getAttribute('data-component-id'))).toEqual(['e', 'f']);
      expect(compact.container.textContent).toContain('1 more affected');
      cleanup();
      const full = renderUi(<ProviderPanel view={fresh('openai', 'outage', { components })} now={NOW} variant="full" />);
      expect([...full.container.querySelectorAll('details [data-component-id]')].map((e) => e.getAttribute('data-component-id'))).toEqual(['f']);
      expect(full.container.textContent).not.toContain('more affected');
    });

    it('dims unstarred rows only when a starred component exists in the data', () => {
      const { container } = renderUi(<ProviderPanel view={fresh('openai', 'outage', { components })} now={NOW} variant="full" starred={['b']} />);
      expect(container.querySelector('[data-component-id="b"]')!.className).toBe('component');
      expect(container.querySelector('[data-component-id="a"]')!.className).toBe('component component--dim');
      cleanup();
      const gone = renderUi(<ProviderPanel view={fresh('openai', 'outage', { components })} now={NOW} variant="full" starred={['zzz']} />);
      expect(gone.container.querySelectorAll('.component--dim')).toHaveLength(0);
    });

    it('passes star toggles through with the component id', () => {
      const onToggleStar = vi.fn();
      renderUi(<ProviderPanel view={fresh('openai', 'outage', { components })} now={NOW} variant="full" onToggleStar={onToggleStar} />);
      fireEvent.click(screen.getByRole('button', { name: /^Star C / }));
      expect(onToggleStar).toHaveBeenCalledWith('c');
    });

    it('shows the page description and the active incidents, and renders children', () => {
      const v = fresh('anthropic', 'degraded', {
        description: 'Partially Degraded Service',
        incidents: [
          {
            id: 'i1',
            title: 'Elevated errors',
            status: 'investigating',
            impact: 'minor',
            createdAt: '2026-10-10T11:00:00.000Z',
            startedAt: '2026-10-10T11:00:00.000Z',
            resolvedAt: null,
            updatedAt: '2026-10-10T11:00:00.000Z',
            url: 'https://status.claude.com/incidents/i1',
            latestUpdate: 'Looking into it.',
            componentIds: [],
            componentNames: [],
            phases: [],
          },
        ],
      });
      const { container } = renderUi(
        <ProviderPanel view={v} now={NOW} variant="full">
          <p class="extra">extra section</p>
        </ProviderPanel>,
      );
      expect(container.querySelector('.panel__description')!.textContent).toBe('Partially Degraded Service');
      expect(container.querySelector('[data-incident-id="i1"]')).not.toBeNull();
      expect(panel(container).querySelector('.extra')!.textContent).toBe('extra section');
    });
  });
});

describe('ComponentList', () => {
  function renderUi(node: ComponentChild) {
    return render(<UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>{node}</UiContext.Provider>);
  }
  const comp = (id: string, level: Level, group: string | null = null): ComponentStatus => ({ id, name: `Comp ${id}`, group, rawStatus: level, level, description: '' });
  const ids = (root: ParentNode, selector = '[data-component-id]') => [...root.querySelectorAll(selector)].map((e) => e.getAttribute('data-component-id'));
  /** Rows shown without opening anything (outside <details>). */
  const visibleIds = (root: Element) => ids(root).filter((id) => !root.querySelector(`[data-component-id="${id}"]`)!.closest('details'));

  it('renders nothing without components', () => {
    const { container } = renderUi(<ComponentList components={[]} />);
    expect(container.childNodes).toHaveLength(0);
  });

  it('the real grouped Statuspage fixture: groups kept, problems shown, green rows folded with their count', () => {
    const status = normalizeSummary(SummarySchema.parse(loadJson(FIX.groups)), def('cursor'), Date.parse('2026-10-10T12:00:00Z'));
    const { container } = renderUi(<ComponentList components={status.components} />);
    const groups = container.querySelectorAll('.components__group');
    expect(groups).toHaveLength(2);
    // Ungrouped rows first (both groups are degraded at worst: page order kept).
    expect(groups[0]!.querySelector('h4')).toBeNull();
    expect(visibleIds(groups[0]!)).toEqual(['s7h0w9n2o4w5']);
    expect(groups[0]!.querySelector('details summary')!.textContent).toBe('✓ 2 more operational');
    expect(ids(groups[0]!.querySelector('details')!)).toEqual(['f4h6d0l9e2ix', 'c8n2r5s1u7vq']);
    expect(groups[1]!.querySelector('h4')!.textContent).toBe('Agents');
    expect(visibleIds(groups[1]!)).toEqual(['m9t4g2v6q8zd']);
    expect(groups[1]!.querySelector('details summary')!.textContent).toBe('✓ 2 more operational');
    expect(ids(groups[1]!.querySelector('details')!)).toEqual(['p2x8c4n6r9tf', '7q1d5mzk3w0b']);
    const row = container.querySelector('[data-component-id="m9t4g2v6q8zd"]')!;
    expect(row.getAttribute('data-status')).toBe('degraded');
    expect(row.querySelector('.component__name')!.textContent).toBe('Cloud Agents');
    expect(row.querySelector('.status__text')!.textContent).toBe('Degraded');
  });

  it('puts groups with problems first and collapses all-green groups in a closed <details>', () => {
    const components = [comp('a1', 'operational', 'API'), comp('a2', 'operational', 'API'), comp('a3', 'operational', 'API'), comp('b1', 'operational', 'Apps'), comp('b2', 'outage', 'Apps')];
    const { container } = renderUi(<ComponentList components={components} />);
    const groups = [...container.querySelectorAll('.components__group')];
    expect(groups.map((g) => g.querySelector('h4')?.textContent ?? null)).toEqual(['Apps', null]);
    const api = groups[1]!;
    const details = api.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('✓ API — all 3 operational');
    expect(ids(details)).toEqual(['a1', 'a2', 'a3']);
    expect(visibleIds(container)).toEqual(['b2']);
  });

  it('an all-green ungrouped list is one folded "All N operational"', () => {
    const { container } = renderUi(<ComponentList components={[comp('x', 'operational'), comp('y', 'operational')]} />);
    expect(container.querySelector('summary')!.textContent).toBe('✓ All 2 operational');
    expect(visibleIds(container)).toEqual([]);
  });

  it('orders problems worst first (outage, degraded, unknown, maintenance), keeping page order among equals', () => {
    const components = [comp('m', 'maintenance'), comp('d1', 'degraded'), comp('o', 'outage'), comp('u', 'unknown'), comp('d2', 'degraded'), comp('ok', 'operational')];
    const { container } = renderUi(<ComponentList components={components} />);
    expect(visibleIds(container)).toEqual(['o', 'd1', 'd2', 'u', 'm']);
    expect(ids(container).map((id) => container.querySelector(`[data-component-id="${id}"]`)!.getAttribute('data-status'))).toEqual([
      'outage',
      'degraded',
      'degraded',
      'unknown',
      'maintenance',
      'operational',
    ]);
  });

  it('maxProblems folds the rest into "N more affected"', () => {
    const components = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => comp(id, 'degraded'));
    const { container } = renderUi(<ComponentList components={components} maxProblems={4} />);
    expect(visibleIds(container)).toEqual(['a', 'b', 'c', 'd']);
    const folded = container.querySelector('details')!;
    expect(folded.querySelector('summary')!.textContent).toBe('2 more affected');
    expect(ids(folded)).toEqual(['e', 'f']);
  });

  it('star buttons: aria-pressed and labels follow the starred list; a click reports the id', () => {
    const onToggleStar = vi.fn();
    renderUi(<ComponentList components={[comp('a', 'outage'), comp('b', 'outage')]} starred={['b']} onToggleStar={onToggleStar} />);
    // Both are named "Star …" (the test contract); aria-pressed says which are starred.
    const starA = screen.getByRole('button', { name: 'Star Comp a (badge and alerts follow starred components)' });
    const unstarB = screen.getByRole('button', { name: 'Star Comp b (badge and alerts follow starred components)' });
    expect(starA.getAttribute('aria-pressed')).toBe('false');
    expect(starA.textContent).toBe('☆');
    expect(unstarB.getAttribute('aria-pressed')).toBe('true');
    expect(unstarB.textContent).toBe('★');
    fireEvent.click(starA);
    fireEvent.click(unstarB);
    expect(onToggleStar.mock.calls).toEqual([['a'], ['b']]);
  });

  it('no star buttons without onToggleStar', () => {
    renderUi(<ComponentList components={[comp('a', 'outage')]} starred={['a']} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('dimUnstarred dims every unstarred row, folded ones included', () => {
    const { container } = renderUi(<ComponentList components={[comp('a', 'outage'), comp('b', 'degraded'), comp('c', 'operational')]} starred={['a']} dimUnstarred />);
    expect(container.querySelector('[data-component-id="a"]')!.className).toBe('component');
    expect(container.querySelector('[data-component-id="b"]')!.className).toBe('component component--dim');
    expect(container.querySelector('[data-component-id="c"]')!.className).toBe('component component--dim');
    cleanup();
    const plain = renderUi(<ComponentList components={[comp('a', 'outage'), comp('b', 'degraded')]} starred={['a']} />);
    expect(plain.container.querySelectorAll('.component--dim')).toHaveLength(0);
  });

  it('component names from the network stay text', () => {
    const hostile = { ...comp('h', 'outage'), name: 'IDE <img src=x onerror=alert(1)>', description: '<script>alert(1)</script>' };
    const { container } = renderUi(<ComponentList components={[hostile]} />);
    expect(container.querySelector('.component__name')!.textContent).toBe('IDE <img src=x onerror=alert(1)>');
    expect(container.querySelector('.component__name')!.getAttribute('title')).toBe('<script>alert(1)</script>');
    expect(container.querySelector('img, script')).toBeNull();
  });
});

describe('IncidentList', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');
  const CLAUDE = 'https://status.claude.com';

  function renderUi(node: ComponentChild) {
    return render(<UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>{node}</UiContext.Provider>);
  }
  function incident(id: string, over: Partial<Incident> = {}): Incident {
    return {
      id,
      title: `Incident ${id}`,
      status: 'investigating',
      impact: 'major',
      createdAt: '2026-10-10T09:55:00.000Z',
      startedAt: '2026-10-10T09:55:00.000Z',
      resolvedAt: null,
      updatedAt: '2026-10-10T10:00:00.000Z',
      url: `${CLAUDE}/incidents/${id}`,
      latestUpdate: '',
      componentIds: [],
      componentNames: [],
      phases: [],
      ...over,
    };
  }
  const item = (container: Element, id: string) => container.querySelector(`[data-incident-id="${id}"]`) as HTMLElement;

  describe('active incidents', () => {
    it('lists active incidents only, each with data-incident-id, status, impact, start and duration', () => {
      const incidents = [
        incident('act1', { title: 'Elevated errors on the API', status: 'identified', impact: 'major', componentNames: ['Claude API', 'claude.ai'] }),
        incident('done', { status: 'resolved', resolvedAt: '2026-10-10T11:00:00.000Z' }),
      ];
      const { container } = renderUi(<IncidentList incidents={incidents} maintenances={[]} pageUrl={CLAUDE} now={NOW} compact={false} />);
      expect([...container.querySelectorAll('[data-incident-id]')].map((e) => e.getAttribute('data-incident-id'))).toEqual(['act1']);
      expect(container.querySelector('h3')!.textContent).toBe('Active incidents');
      const li = item(container, 'act1');
      expect(li.className).toBe('incident incident--major');
      expect(li.querySelector('.incident__title')!.textContent).toBe('Elevated errors on the API');
      const chips = [...li.querySelectorAll('.chip')].map((c) => c.textContent);
      expect(chips).toEqual(['Identified', 'Impact: major']);
      expect(li.querySelector('.incident__meta')!.textContent).toContain('Started 2 hours ago · for 2h 5m');
      expect(li.querySelector('.incident__meta span[title]')!.getAttribute('title')).toBe(dateTime('2026-10-10T09:55:00.000Z', 'en'));
      expect(li.querySelector('.incident__affects')!.textContent).toBe('Affects: Claude API, claude.ai');
    });

    it('"No active incidents" when all are resolved', () => {
      const { container } = renderUi(
        <IncidentList incidents={[incident('x', { resolvedAt: '2026-10-10T11:00:00.000Z' })]} maintenances={[]} pageUrl={CLAUDE} now={NOW} compact />,
      );
      expect(container.querySelector('.incidents__none')!.textContent).toBe('No active incidents');
      expect(container.querySelector('[data-incident-id]')).toBeNull();
    });

    it('unknown status and impact words are shown as sent', () => {
      const { container } = renderUi(
        <IncidentList incidents={[incident('odd', { status: 'smouldering', impact: 'apocalyptic' })]} maintenances={[]} pageUrl={CLAUDE} now={NOW} compact={false} />,
      );
      expect([...item(container, 'odd').querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['smouldering', 'Impact: apocalyptic']);
    });

    it('renders the latest update as text: hostile markup is literal and inert', () => {
      const hostile = incident('evil', {
        title: '<img src=x onerror=alert(1)>',
        latestUpdate: '<script>alert(1)</script> We are looking into <img src=x onerror=alert(1)> reports.',
      });
      const { container } = renderUi(<IncidentList incidents={[hostile]} maintenances={[]} pageUrl={CLAUDE} now={NOW} compact={false} />);
      const li = item(container, 'evil');
      expect(li.querySelector('.incident__title')!.textContent).toBe('<img src=x onerror=alert(1)>');
      expect(li.querySelector('.incident__update')!.textContent).toBe('<script>alert(1)</script> We are looking into <img src=x onerror=alert(1)> reports.');
      expect(container.querySelectorAll('img, script, iframe')).toHaveLength(0);
    });

    it('the hostile synthetic fixture, normalized, renders with no element from the network', () => {
      const status = normalizeSummary(SummarySchema.parse(loadJson(FIX.hostile)), def('cursor'), NOW);
      const { container } = renderUi(<IncidentList incidents={status.incidents} maintenances={status.maintenances} pageUrl={status.pageUrl} now={NOW} compact={false} />);
      expect(container.querySelectorAll('[data-incident-id]')).toHaveLength(3);
      expect(container.querySelectorAll('img, script, iframe, strong, p a')).toHaveLength(0);
      expect(item(container, 'x55h0st1le01').querySelector('.incident__title')!.textContent).toBe('<img src=x onerror=alert(1)>');
      expect(item(container, 'x55h0st1le01').querySelector('.incident__update')!.textContent).toContain('<script>alert(1)</script>');
      expect(item(container, 'x55h0st1le02').textContent).toContain('<a href="javascript:alert(1)">Details</a>');
      // Every link is the incident on the provider's own host.
      const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toEqual([
        'https://status.cursor.com/incidents/x55h0st1le01',
        'https://status.cursor.com/incidents/x55h0st1le02',
        'https://status.cursor.com/incidents/x55h0st1le03',
      ]);
    });

    it('clamps the update in compact mode', () => {
      const { container } = renderUi(<IncidentList incidents={[incident('c', { latestUpdate: 'Long text' })]} maintenances={[]} pageUrl={CLAUDE} now={NOW} compact />);
      expect(container.querySelector('.incident__update')!.className).toBe('incident__update incident__update--clamp');
    });
  });

  describe('links', () => {
    it('links https URLs on the provider host, in a new tab without opener or referrer', () => {
      renderUi(<IncidentList incidents={[incident('ok', { title: 'Errors' })]} maintenances={[]} pageUrl={CLAUDE} now={NOW} compact={false} />);
      const link = screen.getByRole('link', { name: /^View incident\s*: Errors$/ });
      expect(link.getAttribute('href')).toBe('https://status.claude.com/incidents/ok');
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    });

    it.each([
      ['javascript:alert(1)'],
      ['http://status.claude.com/incidents/x'],
      ['https://evil.example/phish'],
      ['https://status.claude.com.evil.example/x'],
      ['https://user:pw@status.claude.com/x'],
      ['data:text/html,<script>alert(1)</script>'],
      [''],
    ])('no link for %j', (url) => {
      const { container } = renderUi(<IncidentList incidents={[incident('bad', { url })]} maintenances={[]} pageUrl={CLAUDE} now={NOW} compact={false} />);
      expect(item(container, 'bad')).not.toBeNull();
      expect(container.querySelector('a')).toBeNull();
    });
  });

  describe('maintenance', () => {
    const maintenance = (id: string, over: Partial<Maintenance> = {}): Maintenance => ({
      id,
      title: `Maintenance ${id}`,
      status: 'scheduled',
      scheduledFor: '2026-10-11T06:00:00.000Z',
      scheduledUntil: '2026-10-11T07:00:00.000Z',
      url: `${CLAUDE}/incidents/${id}`,
      latestUpdate: 'We will upgrade the database.',
      componentIds: [],
      ...over,
    });

    it('lists maintenances with their phase, window and update (update hidden when compact)', () => {
      const list = [maintenance('m1', { status: 'in_progress' }), maintenance('m2', { scheduledUntil: null, url: 'https://elsewhere.example/m2' })];
      const { container } = renderUi(<IncidentList incidents={[]} maintenances={list} pageUrl={CLAUDE} now={NOW} compact={false} />);
      expect([...container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Scheduled maintenance']);
      expect(container.querySelector('.incidents__none')!.textContent).toBe('No active incidents');
      const m1 = container.querySelector('[data-maintenance-id="m1"]')!;
      expect(m1.querySelector('.chip')!.textContent).toBe('In progress');
      expect(m1.querySelector('.incident__meta')!.textContent).toBe(
        `In progress${dateTime('2026-10-11T06:00:00.000Z', 'en')} – ${dateTime('2026-10-11T07:00:00.000Z', 'en')}`,
      );
      expect(m1.querySelector('.incident__update')!.textContent).toBe('We will upgrade the database.');
      expect(m1.querySelector('a')!.getAttribute('href')).toBe('https://status.claude.com/incidents/m1');
      const m2 = container.querySelector('[data-maintenance-id="m2"]')!;
      expect(m2.querySelector('.chip')!.textContent).toBe('Scheduled');
      expect(m2.querySelector('.incident__meta')!.textContent).toContain(' – …');
      expect(m2.querySelector('a')).toBeNull();
      cleanup();
      const compact = renderUi(<IncidentList incidents={[]} maintenances={list} pageUrl={CLAUDE} now={NOW} compact />);
      expect(compact.container.querySelector('.incident__update')).toBeNull();
    });

    it('the real in-progress maintenance fixture', () => {
      const status = normalizeSummary(SummarySchema.parse(loadJson(FIX.cursorMaintenance)), def('cursor'), NOW);
      const { container } = renderUi(<IncidentList incidents={status.incidents} maintenances={status.maintenances} pageUrl={status.pageUrl} now={NOW} compact={false} />);
      expect([...container.querySelectorAll('[data-maintenance-id]')].map((e) => e.getAttribute('data-maintenance-id'))).toEqual(['r2t6y0u4i8op', 'w8d3k5q1n6zr']);
      expect(container.querySelector('[data-maintenance-id="r2t6y0u4i8op"] .incident__title')!.textContent).toBe('Origin network maintenance');
    });
  });
});

describe('PanelErrorBoundary', () => {
  function Broken(): never {
    throw new Error('render failed');
  }

  it('replaces a failing panel with an unknown panel that keeps the test contract', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container, findByText } = render(
      <UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>
        <PanelErrorBoundary provider="cursor">
          <Broken />
        </PanelErrorBoundary>
        <PanelErrorBoundary provider="openai">
          <section data-provider="openai" data-status="operational" />
        </PanelErrorBoundary>
      </UiContext.Provider>,
    );
    await findByText('This panel could not be displayed.');
    const failed = container.querySelector('[data-provider="cursor"]')!;
    expect(failed.getAttribute('data-status')).toBe('unknown');
    expect(failed.textContent).toBe('This panel could not be displayed.');
    expect(container.querySelector('[data-provider="openai"]')!.getAttribute('data-status')).toBe('operational');
    expect(log).toHaveBeenCalledWith('[ai-status] panel failed to render', expect.any(Error));
  });
});
