/**
 * The only UI module that touches the extension APIs: messages, i18n, navigation and storage,
 * handed to views as plain functions. It uses the browser's own promise-based namespace instead
 * of the polyfill and the storage library, which keeps the popup bundle small.
 */
import { createTranslate, type Translate } from '../i18n';
import type { BackgroundMessage, PollReply } from '../messages';
import { splitKey, type StorageKey } from '../storage-keys';
import type { ViewStore } from './view-store';

type Area = {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};
type StorageChange = { newValue?: unknown };
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; openOptionsPage(): Promise<void> };
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

/** What a view may ask of the browser. */
export interface UiPorts {
  t: Translate;
  locale: string;
  store: ViewStore;
  send(message: BackgroundMessage): Promise<PollReply | undefined>;
  openDashboard(): Promise<void>;
}

/** Storage over the extension API, with the same keys and version marks as the worker's items. */
export function extensionStore(ext: ExtensionApi = api): ViewStore {
  return {
    async get(key: StorageKey) {
      const { area, name } = splitKey(key);
      return (await ext.storage[area].get([name]))[name];
    },
    watch(key, cb) {
      const { area, name } = splitKey(key);
      const listener = (changes: Record<string, StorageChange>, changedArea: string) => {
        if (changedArea === area && name in changes) cb(changes[name]!.newValue);
      };
      ext.storage.onChanged.addListener(listener);
      return () => ext.storage.onChanged.removeListener(listener);
    },
    async set(key, value, version) {
      const { area, name } = splitKey(key);
      await ext.storage[area].set(version ? { [name]: value, [`${name}$`]: { v: version } } : { [name]: value });
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
  };
}
