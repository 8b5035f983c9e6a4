/**
 * The live lane: while a view is visible and the interval is 5 s or 10 s, send the background a
 * tick at that interval (a message wakes the worker). Hidden views send nothing.
 */
import { effect, type ReadonlySignal } from '@preact/signals-core';
import { isLiveInterval } from '../settings';

/** What the ticker needs; `doc` is `document` in a view. */
export interface LiveTickDeps {
  intervalSec: ReadonlySignal<number>;
  send: () => void;
  doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (id: unknown) => void;
}

/** Starts ticking; returns a stop function. */
export function startLiveTicks(deps: LiveTickDeps): () => void {
  let timer: unknown = null;
  const stopTimer = () => {
    if (timer !== null) deps.clearInterval(timer);
    timer = null;
  };
  const sync = () => {
    stopTimer();
    const seconds = deps.intervalSec.value;
    if (deps.doc.visibilityState !== 'visible' || !isLiveInterval(seconds)) return;
    deps.send();
    timer = deps.setInterval(deps.send, seconds * 1000);
  };
  const onVisibility = () => sync();
  deps.doc.addEventListener('visibilitychange', onVisibility);
  const dispose = effect(() => {
    void deps.intervalSec.value;
    sync();
  });
  return () => {
    dispose();
    stopTimer();
    deps.doc.removeEventListener('visibilitychange', onVisibility);
  };
}
