/**
 * The dashboard tab's title and favicon level. They summarize every provider's OWN state: with
 * starred components the badge may follow the user's parts, but a provider in outage is never
 * summarized as operational here ("Outage — Cursor · AI Status").
 */
import { levelLabel } from '../format';
import type { Translate } from '../i18n';
import type { Level } from '../levels';
import { ownLevel, type ProviderView } from '../status';

/** Title text and the level its favicon shows. */
export function pageTitle(views: readonly ProviderView[], t: Translate): { title: string; level: Level } {
  if (views.length === 0 || views.every((v) => v.loading)) return { title: t('extName'), level: 'unknown' };
  const level = ownLevel(views);
  const names = views.filter((v) => v.level === level && level !== 'operational').map((v) => v.info.name);
  const label = levelLabel(level, t);
  return { title: t('overallTitle', names.length ? `${label} — ${names.join(', ')}` : label), level };
}
