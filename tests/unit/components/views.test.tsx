// @vitest-environment happy-dom
/** Whole views over createDashboardState and an in-memory store. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PopupApp } from '../../../components/PopupApp';
import { DashboardApp } from '../../../components/DashboardApp';
import { EMPTY_HEALTH } from '../../../lib/status';
import { makeStatus, FIX, def, loadJson } from '../helpers';
import { fakePorts, KEYS, type StorageKey } from '../fake-ports';
import { IncidentsSchema } from '../../../lib/providers/statuspage-schema';
import { normalizeIncident } from '../../../lib/providers/normalize';
import type { ComponentStatus, Incident, ServiceStatus } from '../../../lib/model';

afterEach(cleanup);

describe('PopupView', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');

  const comp = (id: string, level: ComponentStatus['level']): ComponentStatus => ({ id, name: `Comp ${id}`, group: null, rawStatus: level, level, description: '' });
  const incident: Incident = {
    id: 'inc-1',
    title: 'Elevated errors on Claude.ai',
    status: 'investigating',
    impact: 'minor',
    createdAt: '2026-10-10T11:00:00.000Z',
    startedAt: '2026-10-10T11:00:00.000Z',
    resolvedAt: null,
    updatedAt: '2026-10-10T11:00:00.000Z',
    url: 'https://status.claude.com/incidents/inc-1',
    latestUpdate: 'We are investigating.',
    componentIds: ['a'],
    componentNames: ['Comp a'],
    phases: [],
  };
  const snapshots = (claude: Partial<ServiceStatus> & { level?: ServiceStatus['level'] } = {}) => ({
    openai: makeStatus('openai', 'operational', { fetchedAt: NOW - 5_000 }),
    anthropic: makeStatus('anthropic', claude.level ?? 'degraded', { fetchedAt: NOW - 5_000, components: [comp('a', 'degraded'), comp('b', 'operational')], incidents: [incident], ...claude }),
    cursor: makeStatus('cursor', 'operational', { fetchedAt: NOW - 5_000 }),
  });
  const checked = { ...EMPTY_HEALTH, checkedAt: NOW - 5_000, okAt: NOW - 5_000 };

  /** The real popup shell over fake ports. */
  function setup(initial: Partial<Record<StorageKey, unknown>>) {
    const f = fakePorts(initial, NOW);
    const utils = render(<PopupApp ports={f.ports} />);
    const panel = (id: string) => utils.container.querySelector(`[data-provider="${id}"]`) as HTMLElement;
    return { ...f, panel, ...utils };
  }

  const fullStore = () => ({
    [KEYS.snapshots]: snapshots(),
    [KEYS.health]: { openai: checked, anthropic: checked, cursor: checked },
    [KEYS.history]: {
      anthropic: {
        incidents: [{ ...incident, id: 'old', title: 'Login issues', status: 'resolved', startedAt: '2026-10-01T00:00:00.000Z', resolvedAt: '2026-10-01T01:00:00.000Z' }],
        fetchedAt: NOW,
        activeKey: '',
      },
    },
    [KEYS.poll]: { lastPollAt: NOW - 6_000, lastDoneAt: NOW - 5_000, },
  });

  describe('over createDashboardState', () => {
    it('first paints every panel as checking (never green), then the stored data', async () => {
      const { panel, container } = setup(fullStore());
      for (const id of ['openai', 'anthropic', 'cursor']) {
        expect(panel(id).getAttribute('data-status')).toBe('unknown');
        expect(panel(id).querySelector('.status')!.textContent).toBe('…Checking…');
      }
      expect(container.querySelector('.popup__header .status')!.textContent).toBe('…Checking…');
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));
      expect(panel('openai').getAttribute('data-status')).toBe('operational');
      expect(panel('cursor').getAttribute('data-status')).toBe('operational');
      expect(container.querySelector('.popup__header .status__text')!.textContent).toBe('Degraded');
      expect(panel('anthropic').querySelector('[data-component-id="a"]')!.getAttribute('data-status')).toBe('degraded');
      expect(panel('anthropic').querySelector('[data-incident-id="inc-1"]')).not.toBeNull();
      expect(panel('anthropic').querySelector('.panel__checked')!.textContent).toBe('Checked 5 seconds ago');
    });

    it('re-renders on a store change: the panel follows and the change is announced', async () => {
      const { panel, change, container } = setup(fullStore());
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));
      change(KEYS.snapshots, snapshots({ level: 'outage', components: [comp('a', 'outage'), comp('b', 'operational')] }));
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('outage'));
      expect(panel('anthropic').querySelector('[data-component-id="a"]')!.getAttribute('data-status')).toBe('outage');
      await waitFor(() => expect(container.querySelector('[role="status"][aria-live="polite"]')!.textContent).toBe('Claude is now Outage'));
      expect(container.querySelector('.popup__header .status__text')!.textContent).toBe('Outage');
    });

    // Regression test (was a bug: see the commit that fixed it).
    it('opening the popup announces nothing', async () => {
      const { panel, container } = setup(fullStore());
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));
      await new Promise((r) => setTimeout(r, 20));
      expect(container.querySelector('[role="status"]')!.textContent).toBe('');
    });

    it('shows the 90-day history line from stored history plus current incidents', async () => {
      const { panel } = setup(fullStore());
      await waitFor(() => expect(panel('anthropic').querySelector('.history-summary')).not.toBeNull());
      const line = panel('anthropic').querySelector('.history-summary')!;
      expect(line.getAttribute('data-history-count')).toBe('2');
      expect(line.textContent).toBe('Incidents in 90 days: 2 · latest: Elevated errors on Claude.ai (1 hour ago)');
      expect(panel('openai').querySelector('.history-summary')).toBeNull();
    });

    // The history record is the largest: every panel's level is drawn without waiting for it, and
    // until it answers there is no line at all (a count from the current incidents alone would be wrong).
    it('draws the levels before the history record answers, and no history line until it has', async () => {
      const f = fakePorts(fullStore(), NOW);
      const get = f.ports.store.get;
      let answer!: () => void;
      const historyHeld = new Promise<void>((resolve) => (answer = resolve));
      f.ports.store.get = (d) => (d.key === KEYS.history ? historyHeld.then(() => get(d)) : get(d));
      const { container } = render(<PopupApp ports={f.ports} />);
      const panel = (id: string) => container.querySelector(`[data-provider="${id}"]`) as HTMLElement;
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));
      expect(panel('anthropic').querySelector('[data-incident-id="inc-1"]')).not.toBeNull();
      expect(container.querySelector('.history-summary')).toBeNull();
      answer();
      await waitFor(() => expect(panel('anthropic').querySelector('.history-summary')?.getAttribute('data-history-count')).toBe('2'));
    });

    it('has no lane footer (the dashboard shows the lane)', async () => {
      const { container, panel } = setup(fullStore());
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));
      expect(container.querySelector('.lane')).toBeNull();
    });

    it('buttons reach the background, open the dashboard and copy', async () => {
      const writeText = vi.fn(async () => undefined);
      vi.stubGlobal('navigator', { clipboard: { writeText } });
      const { ports, sent, panel } = setup(fullStore());
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));
      fireEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
      fireEvent.click(screen.getByRole('button', { name: 'Open dashboard' }));
      fireEvent.click(screen.getByRole('button', { name: 'Copy status' }));
      expect(sent).toEqual([{ type: 'refresh' }]);
      expect(ports.openDashboard).toHaveBeenCalledTimes(1);
      await screen.findByRole('button', { name: 'Copied' });
      expect(writeText).toHaveBeenCalledWith(expect.stringContaining('**Claude**: Degraded'));
      await waitFor(() => expect(ports.close).toHaveBeenCalled());
      vi.unstubAllGlobals();
    });

    it('watches storage while mounted and stops watching on unmount', async () => {
      const { watching, unmount, panel } = setup(fullStore());
      await waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));
      expect(watching()).toEqual([KEYS.settings, KEYS.snapshots, KEYS.history, KEYS.health].sort());
      unmount();
      expect(watching()).toEqual([]);
    });
  });
});

describe('DashboardView', () => {
  const NOW = Date.parse('2026-09-15T12:00:00Z');

  const comp = (id: string, name: string, level: ComponentStatus['level']): ComponentStatus => ({ id, name, group: null, rawStatus: level, level, description: '' });
  function claudeHistory(): Incident[] {
    return IncidentsSchema.parse(loadJson(FIX.anthropicIncidents))
      .incidents.map((i) => normalizeIncident(i, def('anthropic')))
      .filter((i): i is Incident => i !== null);
  }
  const checked = { ...EMPTY_HEALTH, checkedAt: NOW - 5_000, okAt: NOW - 5_000 };

  /** Stored data; the full 50-incident history only where a test needs it (it is slow to draw). */
  function initialData(fullHistory = false) {
    return {
      [KEYS.snapshots]: {
        openai: makeStatus('openai', 'operational', { fetchedAt: NOW - 5_000, components: [comp('api', 'API', 'operational')] }),
        anthropic: makeStatus('anthropic', 'degraded', {
          fetchedAt: NOW - 5_000,
          components: [comp('rwppv331jlwc', 'claude.ai', 'degraded'), comp('k8w3r06qmzrp', 'Claude API (api.anthropic.com)', 'operational')],
        }),
        cursor: makeStatus('cursor', 'operational', { fetchedAt: NOW - 5_000 }),
      },
      [KEYS.health]: { openai: checked, anthropic: checked, cursor: checked },
      [KEYS.history]: { anthropic: { incidents: fullHistory ? claudeHistory() : claudeHistory().slice(0, 3), fetchedAt: NOW, activeKey: '' } },
      [KEYS.observed]: { since: NOW - 3_600_000, providers: { cursor: [{ at: NOW - 3_600_000, level: 'operational' }] }, components: {} },
      [KEYS.poll]: { lastPollAt: NOW - 6_000, lastDoneAt: NOW - 5_000, },
    };
  }

  /** The real dashboard shell over fake ports (the same wiring the options page runs). */
  function setup(fullHistory = false, initial: Partial<Record<StorageKey, unknown>> = initialData(fullHistory)) {
    const f = fakePorts(initial, NOW);
    const utils = render(<DashboardApp ports={f.ports} />);
    const panel = (id: string) => utils.container.querySelector(`[data-provider="${id}"]`) as HTMLElement;
    return { ...f, ...utils, panel, writes: f.saved };
  }
  const loaded = async (panel: (id: string) => HTMLElement) => waitFor(() => expect(panel('anthropic').getAttribute('data-status')).toBe('degraded'));

  describe('over createDashboardState', () => {
    it('renders the three panels with their levels and the overall state', async () => {
      const { panel, container } = setup();
      await loaded(panel);
      expect(['openai', 'anthropic', 'cursor'].map((id) => panel(id).getAttribute('data-status'))).toEqual(['operational', 'degraded', 'operational']);
      expect(container.querySelector('h1')!.textContent).toBe('AI Status');
      expect(container.querySelector('.dashboard__overall .status__text')!.textContent).toBe('Degraded');
      expect(screen.getByRole('button', { name: 'Refresh now' })).toBeTruthy();
    });

    // The whole page's first render takes about as long as the answers it waits for: it is drawn
    // once, with the data, and history and uptime follow as their (larger) records answer.
    it('draws nothing until settings, snapshots and health have answered, then every level at once; history follows', async () => {
      const f = fakePorts(initialData(), NOW);
      const get = f.ports.store.get;
      const asked: string[] = [];
      const held = new Map<string, () => void>();
      const hold = new Set<string>([KEYS.snapshots, KEYS.history]);
      f.ports.store.get = (d) => {
        asked.push(d.key);
        if (!hold.has(d.key)) return get(d);
        return new Promise<void>((resolve) => held.set(d.key, resolve)).then(() => get(d));
      };
      const { container } = render(<DashboardApp ports={f.ports} />);
      const panel = (id: string) => container.querySelector(`[data-provider="${id}"]`) as HTMLElement | null;
      await new Promise((r) => setTimeout(r, 20));
      expect(asked).toEqual(expect.arrayContaining([KEYS.settings, KEYS.snapshots, KEYS.health]));
      expect(asked).not.toContain(KEYS.history); // asked for once the panels are drawn
      expect(container.querySelector('[data-provider]')).toBeNull();
      expect(container.textContent).not.toContain('Checking');
      held.get(KEYS.snapshots)!();
      await waitFor(() => expect(panel('anthropic')?.getAttribute('data-status')).toBe('degraded'));
      expect(panel('openai')!.getAttribute('data-status')).toBe('operational');
      await waitFor(() => expect(asked).toContain(KEYS.history));
      expect(panel('anthropic')!.querySelector('.timeline [data-incident-id]')).toBeNull();
      held.get(KEYS.history)!();
      await waitFor(() => expect(panel('anthropic')!.querySelector('.timeline [data-incident-id]')).not.toBeNull());
    });

    it('each uptime strip sits inside its provider panel with its source and days', async () => {
      const { panel } = setup(true);
      await loaded(panel);
      await waitFor(() => expect(panel('anthropic').querySelector('.history .uptime')).not.toBeNull());
      const claude = panel('anthropic').querySelector('.history > .uptime')!;
      expect(claude.getAttribute('data-uptime-source')).toBe('incidents');
      expect(claude.getAttribute('data-uptime-days')).toBe('56');
      const perComponent = panel('anthropic').querySelectorAll('.uptime[data-component-id]');
      expect([...perComponent].map((e) => e.getAttribute('data-component-id'))).toEqual(['rwppv331jlwc', 'k8w3r06qmzrp']);
      expect(panel('anthropic').querySelectorAll('.timeline [data-incident-id]')).toHaveLength(50);
      expect(panel('anthropic').querySelector('.timeline details summary')!.textContent).toBe('45 older incidents');
      const cursor = panel('cursor').querySelector('.history > .uptime')!;
      expect(cursor.getAttribute('data-uptime-source')).toBe('observed');
      expect(cursor.getAttribute('data-uptime-days')).toBe('1');
      expect(panel('openai').querySelector('.uptime')).toBeNull();
      expect(panel('openai').querySelector('.history .incidents__none')!.textContent).toBe('No uptime figures yet.');
    });

    it('re-renders when the worker writes new snapshots', async () => {
      const { panel, change, container } = setup();
      await loaded(panel);
      const next = initialData()[KEYS.snapshots];
      change(KEYS.snapshots, { ...next, openai: makeStatus('openai', 'outage', { fetchedAt: NOW, components: [comp('api', 'API', 'outage')] }) });
      await waitFor(() => expect(panel('openai').getAttribute('data-status')).toBe('outage'));
      expect(panel('openai').querySelector('[data-component-id="api"]')!.getAttribute('data-status')).toBe('outage');
      expect(container.querySelector('.dashboard__overall .status__text')!.textContent).toBe('Outage');
      await waitFor(() => expect(container.querySelector('[role="status"]')!.textContent).toContain('ChatGPT is now Outage'));
    });

    it('the "Refresh interval" select saves the setting with its version mark and switches the lane', async () => {
      const { panel, writes, container } = setup();
      await loaded(panel);
      expect(container.querySelector('.lane')!.textContent!.trim()).toBe('Background · every 1 minute');
      fireEvent.change(screen.getByLabelText('Refresh interval'), { target: { value: '5' } });
      expect(writes).toHaveLength(1);
      expect(writes[0]!.intervalSec).toBe(5);
      await waitFor(() => expect(container.querySelector('.lane')!.getAttribute('data-lane')).toBe('live'));
      expect((screen.getByLabelText('Refresh interval') as HTMLSelectElement).value).toBe('5');
    });

    it('starring a healthy component saves it and presses its star; the summary keeps the provider state', async () => {
      const { panel, writes } = setup();
      await loaded(panel);
      const claude = within(panel('anthropic'));
      fireEvent.click(claude.getByRole('button', { name: /^Star Claude API \(api\.anthropic\.com\)/ }));
      expect(writes.at(-1)!.starred).toEqual({ openai: [], anthropic: ['k8w3r06qmzrp'], cursor: [] });
      await waitFor(() => expect(claude.getByRole('button', { name: /^Star Claude API/ }).getAttribute('aria-pressed')).toBe('true'));
      // The starred part is fine: nothing is dimmed (the user's own parts have no problem), the
      // panel and the header keep Claude's own level, and say what the user's parts are.
      expect(panel('anthropic').querySelector('li.component[data-component-id="rwppv331jlwc"]')!.className).toBe('component');
      expect(panel('anthropic').getAttribute('data-status')).toBe('degraded');
      expect(document.querySelector('.dashboard__overall .status__text')!.textContent).toBe('Degraded');
      await waitFor(() => expect(panel('anthropic').querySelector('.panel__yours')!.textContent).toBe('Your components: Operational'));
    });

    it('starring a component in trouble dims the other rows', async () => {
      const { panel } = setup();
      await loaded(panel);
      const claude = within(panel('anthropic'));
      fireEvent.click(claude.getByRole('button', { name: /^Star claude\.ai/ }));
      await waitFor(() => expect(panel('anthropic').querySelector('li.component[data-component-id="k8w3r06qmzrp"]')!.className).toBe('component component--dim'));
      expect(panel('anthropic').querySelector('li.component[data-component-id="rwppv331jlwc"]')!.className).toBe('component');
    });

    it('"Notify me when it\'s back" on the degraded panel saves and shows the pressed state', async () => {
      const { panel, writes } = setup();
      await loaded(panel);
      expect(within(panel('openai')).queryByRole('button', { name: "Notify me when it's back" })).toBeNull();
      fireEvent.click(within(panel('anthropic')).getByRole('button', { name: "Notify me when it's back" }));
      expect(writes.at(-1)!.notifications.whenBack).toEqual({ openai: false, anthropic: true, cursor: false });
      await waitFor(() => expect(within(panel('anthropic')).getByRole('button', { pressed: true }).textContent).toBe("✓ You'll be notified when it's back"));
    });

    it('notification settings go to the background, the only writer', async () => {
      const { panel, writes, sent } = setup();
      await loaded(panel);
      fireEvent.click(screen.getByLabelText('Alerts for Cursor'));
      expect(sent.at(-1)!.type).toBe('save-settings');
      expect(writes.at(-1)!.notifications.providers).toEqual({ openai: true, anthropic: true, cursor: false });
    });

    // Regression: the form must read the settings signal during render (a vnode built once at
    // start-up showed the defaults and saved them over the stored notification settings).
    it('notification settings show the stored settings and keep them when one switch changes', async () => {
      const m = setup(false, { ...initialData(), [KEYS.settings]: { intervalSec: 60, notifications: { enabled: true, minLevel: 'degraded', providers: {}, whenBack: {} } } });
      await waitFor(() => expect((screen.getByLabelText('Notify from') as HTMLSelectElement).value).toBe('degraded'));
      await new Promise((r) => setTimeout(r, 20));
      fireEvent.click(screen.getByLabelText('Alerts for Cursor'));
      expect(m.writes.at(-1)!.notifications.minLevel).toBe('degraded');
      expect((screen.getByLabelText('Notify from') as HTMLSelectElement).value).toBe('degraded');
    });

    it('stops watching storage on unmount', async () => {
      const { panel, watching, unmount } = setup();
      await loaded(panel);
      expect(watching()).toEqual([KEYS.settings, KEYS.snapshots, KEYS.history, KEYS.officialUptime, KEYS.observed, KEYS.health, KEYS.poll].sort());
      unmount();
      expect(watching()).toEqual([]);
    });
  });
});
