/** Messages views send to the background (the only fetcher and the only writer). */
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
/** Any message the background understands. */
export type BackgroundMessage = RefreshMessage | TickMessage | SaveSettingsMessage;

/** What the background answers to a poll message. */
export interface PollReply {
  /** `polled`: a poll ran; `skipped`: the interval gate held; `busy`: joined a running poll. */
  result: 'polled' | 'skipped' | 'busy';
  changed: boolean;
}

/** Narrows an incoming message. */
export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'refresh' || type === 'tick' || type === 'save-settings';
}
