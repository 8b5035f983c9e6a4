/**
 * The live lane: while a view is visible and the interval is 5 s or 10 s, send the background a
 * tick at that interval (a message wakes the worker). Hidden views send nothing.
 */
import { isLiveInterval } from '../settings';

/**
 * A value to follow: `subscribe` calls back at once and on every change, and returns an
 * unsubscribe function. A Preact signal is one; the popup, which runs without signals, passes its own.
 */
export interface Subscribable<T> {
  subscribe(fn: (value: T) => void): () => void;
}

/** What the ticker needs; `doc` is `document` in a view. */
export interface LiveTickDeps {
  intervalSec: Subscribable<number>;
  send: () => void;
  doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (id: unknown) => void;
}

/** Starts ticking; returns a stop function. */
export function startLiveTicks(deps: LiveTickDeps): () => void {
  let timer: unknown = null;
  let seconds = Infinity; // until the first value arrives: no lane
  const stopTimer = () => {
    if (timer !== null) deps.clearInterval(timer);
    timer = null;
  };
  const sync = () => {
    stopTimer();
    if (deps.doc.visibilityState !== 'visible' || !isLiveInterval(seconds)) return;
    deps.send();
    timer = deps.setInterval(deps.send, seconds * 1000);
  };
  const onVisibility = () => sync();
  deps.doc.addEventListener('visibilitychange', onVisibility);
  const dispose = deps.intervalSec.subscribe((value) => {
    seconds = value;
    sync();
  });
  return () => {
    dispose();
    stopTimer();
    deps.doc.removeEventListener('visibilitychange', onVisibility);
  };
}

/**
 * The ticker of an open popup or dashboard: its ticks are `tick` messages to the background
 * (a failed send is dropped: the next tick or the alarm polls anyway).
 */
export function startViewTicks(send: (message: { type: 'tick' }) => Promise<unknown>, intervalSec: Subscribable<number>): () => void {
  return startLiveTicks({
    intervalSec,
    send: () => {
      send({ type: 'tick' }).catch(() => undefined);
    },
    doc: document,
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
  });
}
