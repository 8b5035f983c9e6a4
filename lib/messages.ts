/** Messages views send to the background (the only fetcher). */

/** "Refresh now": poll at once, skipping the interval gate and our own backoff. */
export interface RefreshMessage {
  type: 'refresh';
}
/** Live-lane tick from a visible view; polls only when the interval has elapsed. */
export interface TickMessage {
  type: 'tick';
}
/** Any message the background understands. */
export type BackgroundMessage = RefreshMessage | TickMessage;

/** What the background answers to a message. */
export interface PollReply {
  /** `polled`: a poll ran; `skipped`: the interval gate held; `busy`: joined a running poll. */
  result: 'polled' | 'skipped' | 'busy';
  changed: boolean;
}

/** Narrows an incoming message. */
export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'refresh' || type === 'tick';
}
