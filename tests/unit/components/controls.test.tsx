// @vitest-environment happy-dom
/** Controls and live feedback: toolbar, settings, lane footer, live region. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Toolbar, type ToolbarProps } from '../../../components/Toolbar';
import { UiContext } from '../../../components/UiContext';
import { translator, makeStatus } from '../helpers';
import { SettingsForm } from '../../../components/SettingsForm';
import { NotificationSettings } from '../../../components/NotificationSettings';
import { PROVIDER_INFO } from '../../../lib/providers/catalog';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import type { IntervalSec } from '../../../lib/settings';
import { LaneFooter } from '../../../components/LaneFooter';
import { LiveAnnouncer } from '../../../components/LiveAnnouncer';
import { EMPTY_HEALTH, resolveProvider, type ProviderView } from '../../../lib/status';
import type { ComponentChild } from 'preact';
import type { Level } from '../../../lib/levels';

afterEach(cleanup);

describe('Toolbar', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  function renderBar(props: Partial<ToolbarProps> = {}) {
    const all: ToolbarProps = { onRefresh: vi.fn(async () => undefined), onCopy: vi.fn(async () => undefined), ...props };
    render(
      <UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>
        <Toolbar {...all} />
      </UiContext.Provider>,
    );
    return all;
  }
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }
  /** Lets pending promise callbacks (and the renders they cause) run. */
  const settle = () =>
    act(async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });

  it('"Refresh now" starts a refresh and is disabled while busy', async () => {
    const d = deferred();
    const onRefresh = vi.fn(() => d.promise);
    renderBar({ onRefresh });
    const button = screen.getByRole('button', { name: 'Refresh now' }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-busy')).toBe('false');
    fireEvent.click(button);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    await settle();
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.querySelector('[aria-hidden="true"]')!.className).toBe('spin');
    fireEvent.click(button); // disabled: no second refresh
    expect(onRefresh).toHaveBeenCalledTimes(1);
    d.resolve();
    await settle();
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-busy')).toBe('false');
    expect(button.querySelector('[aria-hidden="true"]')!.className).toBe('');
  });

  it('"Copy status" says "Copied", then returns to its label after 2 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { onCopy } = renderBar();
    fireEvent.click(screen.getByRole('button', { name: 'Copy status' }));
    expect(onCopy).toHaveBeenCalledTimes(1);
    await settle();
    const button = screen.getByRole('button', { name: 'Copied' });
    act(() => void vi.advanceTimersByTime(1_999));
    expect(button.textContent).toBe('Copied');
    act(() => void vi.advanceTimersByTime(1));
    expect(button.textContent).toBe('Copy status');
  });

  it('"Copy status" says "Couldn\'t copy" when copying fails', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderBar({ onCopy: vi.fn(async () => Promise.reject(new Error('denied'))) });
    fireEvent.click(screen.getByRole('button', { name: 'Copy status' }));
    await settle();
    expect(screen.getByRole('button', { name: "Couldn't copy" })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copied' })).toBeNull();
  });

  it('"Open dashboard" only when a handler is given', () => {
    const onOpenDashboard = vi.fn();
    renderBar({ onOpenDashboard });
    expect(screen.getAllByRole('button').map((b) => b.textContent!.trim())).toEqual(['↻ Refresh now', 'Copy status', 'Open dashboard']);
    fireEvent.click(screen.getByRole('button', { name: 'Open dashboard' }));
    expect(onOpenDashboard).toHaveBeenCalledTimes(1);
    cleanup();
    renderBar();
    expect(screen.queryByRole('button', { name: 'Open dashboard' })).toBeNull();
  });
});

describe('SettingsForm', () => {
  function renderForm(intervalSec: IntervalSec, onInterval = vi.fn()) {
    render(
      <UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>
        <SettingsForm intervalSec={intervalSec} onInterval={onInterval} />
      </UiContext.Provider>,
    );
    return { onInterval, select: screen.getByLabelText('Refresh interval') as HTMLSelectElement };
  }

  it('a <select> labelled "Refresh interval" with the five intervals', () => {
    const { select } = renderForm(60);
    expect(select.tagName).toBe('SELECT');
    expect(screen.getByRole('combobox', { name: 'Refresh interval' })).toBe(select);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['5', '5 seconds (live while a view is open)'],
      ['10', '10 seconds (live while a view is open)'],
      ['30', '30 seconds'],
      ['60', '1 minute'],
      ['300', '5 minutes'],
    ]);
    expect(select.value).toBe('60');
    expect(select.getAttribute('aria-describedby')).toBe('interval-help');
    expect(document.getElementById('interval-help')!.textContent).toMatch(/^Browsers let extensions wake in the background at most every 30 seconds\./);
    expect(screen.getByRole('region', { name: 'Settings' })).toBeTruthy();
  });

  it('selects the current interval', () => {
    expect(renderForm(300).select.value).toBe('300');
  });

  it('reports a change as a number', () => {
    const { select, onInterval } = renderForm(60);
    fireEvent.change(select, { target: { value: '10' } });
    expect(onInterval).toHaveBeenCalledTimes(1);
    expect(onInterval).toHaveBeenCalledWith(10);
    expect(typeof onInterval.mock.calls[0]![0]).toBe('number');
  });
});

describe('NotificationSettings', () => {
  type N = Settings['notifications'];
  const defaults = (): N => structuredClone(DEFAULT_SETTINGS.notifications);

  function renderIt(settings: N) {
    const onChange = vi.fn<(next: N) => void>();
    render(
      <UiContext.Provider value={{ t: translator('en'), locale: 'en' }}>
        <NotificationSettings settings={settings} providers={PROVIDER_INFO} onChange={onChange} />
      </UiContext.Provider>,
    );
    return onChange;
  }

  it('shows the current settings', () => {
    renderIt({ ...defaults(), minLevel: 'degraded', whenBack: { openai: false, anthropic: true, cursor: false } });
    expect((screen.getByLabelText('Show notifications when a service changes state') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Notify from') as HTMLSelectElement).value).toBe('degraded');
    expect([...(screen.getByLabelText('Notify from') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Degraded or worse', 'Outages only']);
    for (const name of ['ChatGPT', 'Claude', 'Cursor']) expect((screen.getByLabelText(`Alerts for ${name}`) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Notify me when Claude is back') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Notify me when Cursor is back') as HTMLInputElement).checked).toBe(false);
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['ChatGPT', 'Claude', 'Cursor']);
  });

  it('the main switch: onChange with enabled off, the rest unchanged', () => {
    const settings = defaults();
    const onChange = renderIt(settings);
    fireEvent.click(screen.getByLabelText('Show notifications when a service changes state'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ ...settings, enabled: false });
  });

  it('the minimum level select', () => {
    const settings = defaults();
    const onChange = renderIt(settings);
    fireEvent.change(screen.getByLabelText('Notify from'), { target: { value: 'degraded' } });
    expect(onChange).toHaveBeenCalledWith({ ...settings, minLevel: 'degraded' });
  });

  it('per-provider alerts switch only that provider', () => {
    const settings = defaults();
    const onChange = renderIt(settings);
    fireEvent.click(screen.getByLabelText('Alerts for Claude'));
    expect(onChange).toHaveBeenCalledWith({ ...settings, providers: { openai: true, anthropic: false, cursor: true } });
    expect(settings.providers.anthropic).toBe(true); // input not mutated
  });

  it('per-provider "when it\'s back" switches only that provider', () => {
    const settings = defaults();
    const onChange = renderIt(settings);
    fireEvent.click(screen.getByLabelText('Notify me when Cursor is back'));
    expect(onChange).toHaveBeenCalledWith({ ...settings, whenBack: { openai: false, anthropic: false, cursor: true } });
  });

  it('with notifications off, the level and per-provider controls are disabled', () => {
    renderIt({ ...defaults(), enabled: false });
    expect((screen.getByLabelText('Show notifications when a service changes state') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Notify from') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('group', { name: 'Per service' }) as HTMLFieldSetElement).disabled).toBe(true);
  });
});

describe('LaneFooter', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');

  function renderUi(node: ComponentChild, locale: 'en' | 'ko' = 'en') {
    return render(<UiContext.Provider value={{ t: translator(locale), locale }}>{node}</UiContext.Provider>);
  }
  const lane = (c: Element) => c.querySelector('.lane')!;

  it.each([
    [60, 'Background · every 1 minute'],
    [300, 'Background · every 5 minutes'],
    [30, 'Background · every 30 seconds'],
    // Background lane at a live interval: the alarm still runs every 30 s at best.
    [5, 'Background · every 30 seconds'],
  ])('background at %d s: "%s"', (intervalSec, text) => {
    const { container } = renderUi(<LaneFooter lane="background" intervalSec={intervalSec} lastCheckAt={NOW - 1000} now={NOW} />);
    expect(lane(container).getAttribute('data-lane')).toBe('background');
    expect(lane(container).textContent!.trim()).toBe(text);
    expect(container.querySelector('.lane__dot')!.className).toBe('lane__dot lane__dot--background');
  });

  it('live: "Live · checked …" from the last check', () => {
    const { container } = renderUi(<LaneFooter lane="live" intervalSec={5} lastCheckAt={NOW - 3_000} now={NOW} />);
    expect(lane(container).getAttribute('data-lane')).toBe('live');
    expect(lane(container).textContent!.trim()).toBe('Live · checked 3 seconds ago');
    expect(container.querySelector('.lane__dot')!.className).toBe('lane__dot lane__dot--live');
  });

  it('live before any check: waiting', () => {
    const { container } = renderUi(<LaneFooter lane="live" intervalSec={10} lastCheckAt={null} now={NOW} />);
    expect(lane(container).textContent!.trim()).toBe('Waiting for the first check');
  });

  it('is localized (Korean)', () => {
    const ko = translator('ko');
    const { container } = renderUi(<LaneFooter lane="background" intervalSec={60} lastCheckAt={null} now={NOW} />, 'ko');
    const period = new Intl.NumberFormat('ko', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(1);
    expect(lane(container).textContent!.trim()).toBe(ko('laneBackground', period));
    expect(lane(container).textContent).not.toContain('Background');
  });
});

describe('LiveAnnouncer', () => {
  const NOW = Date.parse('2026-10-10T12:00:00Z');
  const ui = { t: translator('en'), locale: 'en' };
  const wrap = (node: ComponentChild) => <UiContext.Provider value={ui}>{node}</UiContext.Provider>;

  /** Views for the three providers at the given levels (null: loading). */
  function views(levels: (Level | null)[]): ProviderView[] {
    return PROVIDER_INFO.map((info, i) => {
      const level = levels[i] ?? null;
      const snap = level ? makeStatus(info.id, level, { fetchedAt: NOW }) : null;
      return resolveProvider(info, snap, level ? { ...EMPTY_HEALTH, okAt: NOW, checkedAt: NOW } : null, 60, NOW);
    });
  }
  const region = (c: Element) => c.querySelector('[role="status"]')!;

  it('is a polite, atomic, visually hidden live region, silent on first render', () => {
    const { container } = render(wrap(<LiveAnnouncer views={views(['operational', 'outage', 'degraded'])} />));
    const r = region(container);
    expect(r.getAttribute('aria-live')).toBe('polite');
    expect(r.getAttribute('aria-atomic')).toBe('true');
    expect(r.className).toBe('sr-only');
    expect(r.textContent).toBe('');
  });

  it('announces a level change: "Claude is now Outage"', () => {
    const { container, rerender } = render(wrap(<LiveAnnouncer views={views(['operational', 'operational', 'operational'])} />));
    rerender(wrap(<LiveAnnouncer views={views(['operational', 'operational', 'operational'])} />));
    expect(region(container).textContent).toBe('');
    rerender(wrap(<LiveAnnouncer views={views(['operational', 'outage', 'operational'])} />));
    expect(region(container).textContent).toBe('Claude is now Outage');
  });

  it('joins several changes and keeps the last message while nothing changes', () => {
    const { container, rerender } = render(wrap(<LiveAnnouncer views={views(['operational', 'operational', 'operational'])} />));
    rerender(wrap(<LiveAnnouncer views={views(['degraded', 'operational', 'maintenance'])} />));
    expect(region(container).textContent).toBe('ChatGPT is now Degraded. Cursor is now Maintenance');
    rerender(wrap(<LiveAnnouncer views={views(['degraded', 'operational', 'maintenance'])} />));
    expect(region(container).textContent).toBe('ChatGPT is now Degraded. Cursor is now Maintenance');
  });

  it('does not announce a provider going back to loading', () => {
    const { container, rerender } = render(wrap(<LiveAnnouncer views={views(['operational', 'operational', 'operational'])} />));
    rerender(wrap(<LiveAnnouncer views={views([null, 'operational', 'operational'])} />));
    expect(region(container).textContent).toBe('');
  });

  // Regression test (was a bug: see the commit that fixed it).
  it('does not announce the first data arriving after the loading state', () => {
    const { container, rerender } = render(wrap(<LiveAnnouncer views={views([null, null, null])} />));
    rerender(wrap(<LiveAnnouncer views={views(['operational', 'operational', 'operational'])} />));
    expect(region(container).textContent).toBe('');
  });
});
