/**
 * Managing services from the dashboard: turning catalog services on and off, adding a page by
 * URL, removing it, and asking again for access. Host permissions are requested inside the click
 * that asks for them (the browsers require a user gesture, with no `await` before the request) and
 * released when no shown service needs them any more. The settings themselves are saved by the
 * background (`save`).
 */
import { signal, type Signal } from '@preact/signals-core';
import type { DetectReply } from '../messages';
import { catalogEntry, type ProviderInfo } from '../providers/catalog';
import { isRequired, originsOf, REQUIRED_ORIGINS } from '../providers/permissions';
import { normalizeStatusUrl } from '../providers/page-url';
import { activeServices, customId, type Settings } from '../settings';
import type { UiPorts } from './browser-ports';
import { withCustomAdded, withCustomRemoved, withService } from './settings-actions';

/** What the "add by URL" form shows. */
export type AddState =
  | { step: 'idle' }
  | { step: 'checking'; url: string }
  | { step: 'preview'; url: string; found: Extract<DetectReply, { ok: true }> }
  | { step: 'error'; messageKey: string; subs?: string[] };

/** The actions behind the Services settings. */
export interface ServiceActions {
  /** The last error of turning a service on (shown in an alert), as a message key and substitutions. */
  error: Signal<{ key: string; subs?: string[] } | null>;
  add: Signal<AddState>;
  toggle(id: string, on: boolean): void;
  grant(info: ProviderInfo): void;
  preview(url: string): void;
  confirmAdd(): void;
  cancelAdd(): void;
  remove(id: string): void;
}

/** Origins of `removed` that no other shown service still needs and that were not required. */
function releasable(removed: ProviderInfo, remaining: readonly ProviderInfo[]): string[] {
  const inUse = new Set(remaining.flatMap(originsOf));
  return originsOf(removed).filter((o) => !inUse.has(o) && !REQUIRED_ORIGINS.includes(o));
}

/** Creates the actions over the ports and the current settings. */
export function createServiceActions(ports: UiPorts, settings: () => Settings, save: (next: Settings) => Promise<unknown>, now: () => number = ports.now): ServiceActions {
  const error = signal<{ key: string; subs?: string[] } | null>(null);
  const add = signal<AddState>({ step: 'idle' });
  const release = (info: ProviderInfo, next: Settings) => {
    const origins = releasable(info, activeServices(next));
    if (origins.length) void ports.permissions.remove(origins).catch(() => false);
  };

  return {
    error,
    add,
    toggle(id, on) {
      const info = catalogEntry(id) ?? settings().custom.find((c) => c.id === id);
      if (!info) return;
      error.value = null;
      if (!on) {
        const next = withService(settings(), id, false);
        void save(next).then(() => release(info, next));
        return;
      }
      if (isRequired(info)) {
        void save(withService(settings(), id, true));
        return;
      }
      // The request must be the first thing the click does.
      ports.permissions
        .request(originsOf(info))
        .then((granted) => {
          if (granted) return save(withService(settings(), id, true));
          error.value = { key: 'enableErrorPermission', subs: [info.name] };
          return undefined;
        })
        .catch(() => {
          error.value = { key: 'enableErrorPermission', subs: [info.name] };
        });
    },
    grant(info) {
      ports.permissions
        .request(originsOf(info))
        .then((granted) => (granted ? ports.send({ type: 'refresh' }) : undefined))
        .catch(() => undefined);
    },
    preview(url) {
      const page = normalizeStatusUrl(url);
      if (!page.ok) {
        add.value = { step: 'error', messageKey: page.reason === 'not-https' ? 'addServiceErrorNotHttps' : 'addServiceErrorInvalidUrl' };
        return;
      }
      const id = customId(page.host);
      const current = settings();
      const known = catalogEntry(id) ?? activeServices(current).find((s) => s.id === id || originsOf(s).includes(`https://${page.host}/*`));
      if (known && current.services.includes(known.id)) {
        add.value = { step: 'error', messageKey: 'addServiceErrorDuplicate' };
        return;
      }
      const origins = [`https://${page.host}/*`];
      add.value = { step: 'checking', url };
      ports.permissions
        .request(origins)
        .then(async (granted) => {
          if (!granted) {
            add.value = { step: 'error', messageKey: 'addServiceErrorPermission' };
            return;
          }
          const reply = (await ports.send({ type: 'detect', url })) as unknown as DetectReply | undefined;
          if (!reply || !reply.ok) {
            add.value = { step: 'error', messageKey: reply?.messageKey ?? 'addServiceErrorUnreachable' };
            if (!activeServices(settings()).some((s) => originsOf(s).some((o) => origins.includes(o)))) void ports.permissions.remove(origins).catch(() => false);
            return;
          }
          const inCatalog = reply.catalogId ? catalogEntry(reply.catalogId) : undefined;
          if (inCatalog) {
            add.value = { step: 'error', messageKey: 'addServiceErrorInCatalog', ...{ subs: [inCatalog.name] } };
            return;
          }
          add.value = { step: 'preview', url, found: reply };
        })
        .catch(() => {
          add.value = { step: 'error', messageKey: 'addServiceErrorUnreachable' };
        });
    },
    confirmAdd() {
      const state = add.value;
      if (state.step !== 'preview') return;
      const f = state.found;
      const custom = { id: f.providerId, name: f.name, vendor: '', pageUrl: f.pageUrl, platform: f.platform, ...(f.product ? { product: f.product } : {}), addedAt: now() };
      void save(withCustomAdded(settings(), custom)).then(() => {
        add.value = { step: 'idle' };
      });
    },
    cancelAdd() {
      const state = add.value;
      add.value = { step: 'idle' };
      if (state.step !== 'preview') return;
      const origins = [`https://${new URL(state.found.pageUrl).host}/*`];
      if (!activeServices(settings()).some((s) => originsOf(s).some((o) => origins.includes(o)))) void ports.permissions.remove(origins).catch(() => false);
    },
    remove(id) {
      const info = settings().custom.find((c) => c.id === id);
      if (!info) return;
      const next = withCustomRemoved(settings(), id);
      void save(next).then(() => release(info, next));
    },
  };
}
