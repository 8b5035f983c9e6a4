/** Messages views send to the background (the only fetcher and the only writer). */
import type { Level } from './levels';
import type { Platform } from './providers/catalog';
import type { Settings } from './settings';

/** "Refresh now": poll at once, skipping the interval gate and our own backoff. */
export interface RefreshMessage {
  type: 'refresh';
}
/** Live-lane tick from a visible view; polls only when the interval has elapsed. */
export interface TickMessage {
  type: 'tick';
}
/** New settings from the dashboard; the background sanitizes and stores them. */
export interface SaveSettingsMessage {
  type: 'save-settings';
  settings: Settings;
}
/** "Preview" of a page added by URL: the background detects its platform and reads it once. */
export interface DetectMessage {
  type: 'detect';
  url: string;
}
/** Any message the background understands. */
export type BackgroundMessage = RefreshMessage | TickMessage | SaveSettingsMessage | DetectMessage;

/** What a page found by URL looks like, for the preview and for storing it. */
export type DetectReply =
  | {
      ok: true;
      providerId: string;
      name: string;
      pageUrl: string;
      platform: Platform;
      product?: string;
      /** A built-in service at the same page. */
      catalogId?: string;
      level: Level;
      description: string;
      components: { id: string; name: string; level: Level }[];
    }
  | { ok: false; messageKey: string };

/** What the background answers to a poll message. */
export interface PollReply {
  /** `polled`: a poll ran; `skipped`: the interval gate held; `busy`: joined a running poll. */
  result: 'polled' | 'skipped' | 'busy';
  changed: boolean;
}

/** Narrows an incoming message. */
export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'refresh' || type === 'tick' || type === 'save-settings' || type === 'detect';
}

/**
 * A `runtime.onMessage` listener that answers with what `handle` resolves to, through `reply`
 * (kept open by returning true: what every browser supports); `handle` returns undefined for a
 * message that is not its own, which is then left to other listeners. A failed answer is undefined.
 */
export function answering(handle: (message: unknown) => Promise<unknown> | undefined) {
  return (message: unknown, _sender: unknown, reply: (answer: unknown) => void): true | undefined => {
    const answer = handle(message);
    if (!answer) return undefined;
    void answer.then(reply, () => reply(undefined));
    return true;
  };
}
