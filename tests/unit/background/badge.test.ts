import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyBadge, computeBadge, type ActionApi } from '../../../lib/background/badge';
import { EMPTY_HEALTH, resolveProvider, type ProviderView } from '../../../lib/status';
import { PROVIDER_INFO } from '../../../lib/providers/catalog';
import { LEVEL_COLOR, type Level } from '../../../lib/levels';
import type { ProviderId } from '../../../lib/model';
import { makeStatus, translator } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const t = translator('en');
const IDS: ProviderId[] = ['openai', 'anthropic', 'cursor'];

/** Views with fresh data at the given displayed levels ('unknown' = stale data). */
function views(...levels: Level[]): ProviderView[] {
  return IDS.map((id, i) => {
    const level = levels[i] ?? 'operational';
    const info = PROVIDER_INFO.find((p) => p.id === id)!;
    const stale = level === 'unknown';
    const okAt = stale ? NOW - 10 * 60_000 : NOW - 3_000;
    return resolveProvider(info, makeStatus(id, stale ? 'operational' : level, { fetchedAt: okAt }), { ...EMPTY_HEALTH, okAt, checkedAt: NOW - 3_000 }, 60, NOW);
  });
}

describe('computeBadge', () => {
  it('all operational: green, empty text', () => {
    const b = computeBadge(views('operational', 'operational', 'operational'), t, NOW, 'en');
    expect(b).toMatchObject({ level: 'operational', color: '#22c55e', text: '' });
  });

  it.each([
    [['degraded', 'operational', 'operational'], 'degraded', '#f59e0b', '1'],
    [['outage', 'operational', 'operational'], 'outage', '#ef4444', '1'],
    [['maintenance', 'operational', 'operational'], 'maintenance', '#3b82f6', '1'],
    [['degraded', 'outage', 'operational'], 'outage', '#ef4444', '2'],
    [['degraded', 'maintenance', 'outage'], 'outage', '#ef4444', '3'],
    [['unknown', 'operational', 'operational'], 'unknown', '#6b7280', '?'],
    [['unknown', 'maintenance', 'operational'], 'unknown', '#6b7280', '?'],
    [['unknown', 'degraded', 'operational'], 'degraded', '#f59e0b', '2'],
    [['unknown', 'unknown', 'outage'], 'outage', '#ef4444', '3'],
    [['unknown', 'unknown', 'unknown'], 'unknown', '#6b7280', '?'],
  ] as [Level[], Level, string, string][])('%j → %s %s %j', (levels, level, color, text) => {
    const b = computeBadge(views(...levels), t, NOW, 'en');
    expect(b.level).toBe(level);
    expect(b.color).toBe(color);
    expect(b.color).toBe(LEVEL_COLOR[level]);
    expect(b.text).toBe(text);
  });

  it('stale data shows unknown in the badge (data kept, level not trusted)', () => {
    const v = views('unknown', 'operational', 'operational');
    expect(v[0]!.stale).toBe(true);
    expect(v[0]!.status?.level).toBe('operational');
    expect(computeBadge(v, t, NOW, 'en').text).toBe('?');
  });

  it('title lists each provider with its label and when it was checked', () => {
    const b = computeBadge(views('operational', 'degraded', 'outage'), t, NOW, 'en');
    expect(b.title).toBe(
      ['AI Status', 'ChatGPT: Operational · Checked 3 seconds ago', 'Claude: Degraded · Checked 3 seconds ago', 'Cursor: Outage · Checked 3 seconds ago'].join('\n'),
    );
  });

  it('title says "Checking…" and "Not checked yet" before the first answer', () => {
    const fresh = PROVIDER_INFO.map((info) => resolveProvider(info, null, null, 60, NOW));
    const b = computeBadge(fresh, t, NOW, 'en');
    expect(b).toMatchObject({ level: 'unknown', text: '?', color: '#6b7280' });
    expect(b.title.split('\n')).toEqual(['AI Status', 'ChatGPT: Checking…', 'Claude: Checking…', 'Cursor: Checking…']);
  });
});

describe('applyBadge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('paints color, text, title and a white text color', async () => {
    const action = fakeBrowser.action as unknown as ActionApi;
    await applyBadge(action, { color: '#ef4444', text: '2', title: 'AI Status\nx', level: 'outage' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xef, 0x44, 0x44, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('AI Status\nx');
    expect(await fakeBrowser.action.getBadgeTextColor({})).toBe('#ffffff');
  });

  it('clears the text when all are operational', async () => {
    const action = fakeBrowser.action as unknown as ActionApi;
    await applyBadge(action, computeBadge(views('outage'), t, NOW, 'en'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await applyBadge(action, computeBadge(views(), t, NOW, 'en'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x22, 0xc5, 0x5e, 255]);
  });

  it('works where setBadgeTextColor is missing', async () => {
    const calls: string[] = [];
    const action: ActionApi = {
      setBadgeBackgroundColor: async ({ color }) => void calls.push(`bg:${color}`),
      setBadgeText: async ({ text }) => void calls.push(`text:${text}`),
      setTitle: async ({ title }) => void calls.push(`title:${title}`),
    };
    await applyBadge(action, { color: '#6b7280', text: '?', title: 'T', level: 'unknown' });
    expect(calls.sort()).toEqual(['bg:#6b7280', 'text:?', 'title:T']);
  });
});
