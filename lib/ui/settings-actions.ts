/**
 * Settings changes made from the dashboard, as pure functions of the current settings. The view
 * writes the result through its store (with the settings version mark).
 */
import type { ProviderId } from '../model';
import type { CustomService, IntervalSec, Settings } from '../settings';

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

/** A catalog service (or an added page) turned on or off; on appends it to the end of the order. */
export function withService(settings: Settings, id: ProviderId, on: boolean): Settings {
  const services = settings.services.filter((s) => s !== id);
  return { ...settings, services: on ? [...services, id] : services };
}

/** Moves a shown service one place up (-1) or down (+1). */
export function withMoved(settings: Settings, id: ProviderId, by: -1 | 1): Settings {
  const services = [...settings.services];
  const i = services.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= services.length) return settings;
  [services[i], services[j]] = [services[j]!, services[i]!];
  return { ...settings, services };
}

/** A page added by URL, shown at the end. */
export function withCustomAdded(settings: Settings, custom: CustomService): Settings {
  return {
    ...settings,
    custom: [...settings.custom.filter((c) => c.id !== custom.id), custom],
    services: [...settings.services.filter((s) => s !== custom.id), custom.id],
  };
}

/** A page added by URL, removed with its per-service choices. */
export function withCustomRemoved(settings: Settings, id: ProviderId): Settings {
  const drop = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== id));
  return {
    ...settings,
    custom: settings.custom.filter((c) => c.id !== id),
    services: settings.services.filter((s) => s !== id),
    starred: drop(settings.starred),
    notifications: { ...settings.notifications, providers: drop(settings.notifications.providers), whenBack: drop(settings.notifications.whenBack) },
  };
}
