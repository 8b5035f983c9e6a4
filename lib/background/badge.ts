/**
 * The toolbar badge: color of the worst displayed level, a short text, and a tooltip listing
 * each provider's state and when it was last checked. Pure; `applyBadge` does the I/O.
 */
import { LEVEL_COLOR, type Level } from '../levels';
import type { ProviderView } from '../status';
import { overallLevel } from '../status';
import type { Translate } from '../i18n';
import { providerLine } from '../format';

/** What the badge shows. */
export interface Badge {
  color: string;
  text: string;
  title: string;
  level: Level;
}

/**
 * Computes the badge. Color and text follow the focus levels (starred components where any are
 * starred): text empty when all are operational, `?` when the worst is unknown, otherwise the
 * number of providers that are not operational. The title names every provider with its OWN
 * state, the failed check and the age of its data (see `providerLine`).
 */
export function computeBadge(views: readonly ProviderView[], t: Translate, now: number, locale: string): Badge {
  const level = overallLevel(views);
  const notOk = views.filter((v) => v.focusLevel !== 'operational').length;
  const text = level === 'operational' ? '' : level === 'unknown' ? '?' : String(notOk);
  const lines = views.map((v) => providerLine(v, t, now, locale));
  return { color: LEVEL_COLOR[level], text, title: [t('extName'), ...lines].join('\n'), level };
}

/** The parts of `browser.action` the badge needs. */
export interface ActionApi {
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setBadgeText(details: { text: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
}

/** Paints the badge. */
export async function applyBadge(action: ActionApi, badge: Badge): Promise<void> {
  await Promise.all([
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setBadgeText({ text: badge.text }),
    action.setTitle({ title: badge.title }),
    action.setBadgeTextColor?.({ color: '#ffffff' }),
  ]);
}
