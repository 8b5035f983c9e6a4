/**
 * Settings changes made from the dashboard, as pure functions of the current settings. The view
 * writes the result through its store (with the settings version mark).
 */
import type { ProviderId } from '../model';
import type { IntervalSec, Settings } from '../settings';

/** New interval. */
export function withInterval(settings: Settings, intervalSec: IntervalSec): Settings {
  return { ...settings, intervalSec };
}

/** Star or unstar one component of a provider. */
export function withStarToggled(settings: Settings, provider: ProviderId, componentId: string): Settings {
  const current = settings.starred[provider] ?? [];
  const next = current.includes(componentId) ? current.filter((id) => id !== componentId) : [...current, componentId];
  return { ...settings, starred: { ...settings.starred, [provider]: next } };
}

/** "Notify me when it's back" on or off for a provider. */
export function withWhenBack(settings: Settings, provider: ProviderId, on: boolean): Settings {
  return { ...settings, notifications: { ...settings.notifications, whenBack: { ...settings.notifications.whenBack, [provider]: on } } };
}

/** New notification settings. */
export function withNotifications(settings: Settings, notifications: Settings['notifications']): Settings {
  return { ...settings, notifications };
}
