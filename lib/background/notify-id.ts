/**
 * Our notifications' ids: one per service, so a service's new notification replaces its last. Apart
 * from `notify.ts` because the worker needs only these to answer a click.
 */
import type { ProviderId } from '../model';
import { isProviderId } from '../records/core';

const ID_PREFIX = 'ai-status-';

/** The notification id of a provider. */
export function notificationId(providerId: ProviderId): string {
  return `${ID_PREFIX}${providerId}`;
}

/** The provider of one of our notification ids, or null. */
export function providerOfNotification(id: string): ProviderId | null {
  const rest = id.startsWith(ID_PREFIX) ? id.slice(ID_PREFIX.length) : '';
  return isProviderId(rest) ? rest : null;
}
