/**
 * The only UI module that touches the extension APIs: messages, i18n, navigation and storage,
 * handed to views as plain functions. It uses the browser's own promise-based namespace instead
 * of the polyfill and the storage library, which keeps the popup bundle small.
 */
import { createTranslate, type Translate } from '../i18n';
import type { BackgroundMessage, PollReply } from '../messages';
import { splitKey } from '../records/core';
import type { ViewStore } from './view-store';

type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
type StorageChange = { newValue?: unknown };
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; openOptionsPage(): Promise<void> };
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
  i18n: { getMessage(key: string, subs?: string | string[]): string; getUILanguage(): string };
  storage: {
    local: Area;
    session: Area;
    onChanged: {
      addListener(cb: (changes: Record<string, StorageChange>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, StorageChange>, area: string) => void): void;
    };
  };
}

// Firefox exposes `browser`; Chrome `chrome` (both promise-based in MV3).
const api = ((globalThis as { browser?: ExtensionApi }).browser ?? (globalThis as { chrome?: ExtensionApi }).chrome) as ExtensionApi;

/** Host permissions, as the views may ask for them (a request must start inside a click handler). */
export interface PermissionsPort {
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
}

/** What a view may ask of the browser. */
export interface UiPorts {
  t: Translate;
  locale: string;
  store: ViewStore;
  send(message: BackgroundMessage): Promise<PollReply | undefined>;
  openDashboard(): Promise<void>;
  permissions: PermissionsPort;
  /** Closes the page (the popup after opening the dashboard). */
  close(): void;
  /** The current time (ms). */
  now(): number;
}

/** Storage over the extension API: the same keys as the worker's items, read-only. */
export function extensionStore(ext: ExtensionApi = api): ViewStore {
  return {
    async get(def) {
      const { area, name } = splitKey(def.key);
      return (await ext.storage[area].get([name]))[name];
    },
    watch(def, cb) {
      const { area, name } = splitKey(def.key);
      const listener = (changes: Record<string, StorageChange>, changedArea: string) => {
        if (changedArea === area && name in changes) cb(changes[name]!.newValue);
      };
      ext.storage.onChanged.addListener(listener);
      return () => ext.storage.onChanged.removeListener(listener);
    },
  };
}

/** Ports backed by the real extension APIs. */
export function browserPorts(): UiPorts {
  return {
    t: createTranslate((key, subs) => api.i18n.getMessage(key, subs)),
    locale: api.i18n.getUILanguage(),
    store: extensionStore(),
    send: async (message) => (await api.runtime.sendMessage(message)) as PollReply | undefined,
    openDashboard: () => api.runtime.openOptionsPage(),
    permissions: {
      // No await before the call: the request must stay inside the user's click.
      request: (origins) => api.permissions.request({ origins }),
      remove: (origins) => api.permissions.remove({ origins }),
      contains: (origins) => api.permissions.contains({ origins }),
    },
    close: () => window.close(),
    now: () => Date.now(),
  };
}
