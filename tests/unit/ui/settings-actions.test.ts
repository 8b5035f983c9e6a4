import { describe, expect, it } from 'vitest';
import { withInterval, withNotifications, withStarToggled, withWhenBack } from '../../../lib/ui/settings-actions';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../../lib/settings';

const base = (): Settings => structuredClone(DEFAULT_SETTINGS);

describe('settings actions', () => {
  it('withInterval sets the interval and leaves the input untouched', () => {
    const s = base();
    const next = withInterval(s, 5);
    expect(next.intervalSec).toBe(5);
    expect(s.intervalSec).toBe(60);
    expect(next.notifications).toEqual(s.notifications);
  });

  it('withStarToggled adds then removes an id for one provider only', () => {
    const s = base();
    const one = withStarToggled(s, 'anthropic', 'api');
    expect(one.starred).toEqual({ openai: [], anthropic: ['api'], cursor: [] });
    const two = withStarToggled(one, 'anthropic', 'console');
    expect(two.starred.anthropic).toEqual(['api', 'console']);
    const back = withStarToggled(two, 'anthropic', 'api');
    expect(back.starred.anthropic).toEqual(['console']);
    expect(s.starred.anthropic).toEqual([]);
    expect(one.starred.anthropic).toEqual(['api']);
    // The result stays valid settings.
    expect(sanitizeSettings(back)).toEqual(back);
  });

  it('withWhenBack switches one provider', () => {
    const s = base();
    const on = withWhenBack(s, 'cursor', true);
    expect(on.notifications.whenBack).toEqual({ openai: false, anthropic: false, cursor: true });
    expect(on.notifications.providers).toEqual(s.notifications.providers);
    expect(s.notifications.whenBack.cursor).toBe(false);
    expect(withWhenBack(on, 'cursor', false).notifications.whenBack.cursor).toBe(false);
  });

  it('withNotifications replaces the notification block only', () => {
    const s = withInterval(base(), 300);
    const n = { ...s.notifications, enabled: false, minLevel: 'degraded' as const };
    const next = withNotifications(s, n);
    expect(next.notifications).toBe(n);
    expect(next.intervalSec).toBe(300);
    expect(next.starred).toEqual(s.starred);
  });
});
