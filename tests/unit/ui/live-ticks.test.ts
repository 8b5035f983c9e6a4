import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signal } from '@preact/signals';
import { startLiveTicks, type LiveTickDeps } from '../../../lib/ui/live-ticks';

/** A document stand-in: visibility plus visibilitychange listeners. */
function fakeDoc(initial: DocumentVisibilityState = 'visible') {
  const listeners = new Set<EventListenerOrEventListenerObject>();
  const doc = {
    visibilityState: initial,
    addEventListener: vi.fn((type: string, fn: EventListenerOrEventListenerObject) => {
      if (type === 'visibilitychange') listeners.add(fn);
    }),
    removeEventListener: vi.fn((type: string, fn: EventListenerOrEventListenerObject) => {
      if (type === 'visibilitychange') listeners.delete(fn);
    }),
    setVisibility(state: DocumentVisibilityState) {
      doc.visibilityState = state;
      for (const fn of [...listeners]) (typeof fn === 'function' ? fn : fn.handleEvent)(new Event('visibilitychange'));
    },
    listenerCount: () => listeners.size,
  };
  return doc;
}

function setup(intervalSec: number, visibility: DocumentVisibilityState = 'visible') {
  const interval = signal(intervalSec);
  const doc = fakeDoc(visibility);
  const send = vi.fn();
  const deps: LiveTickDeps = {
    intervalSec: interval,
    send,
    doc: doc as unknown as LiveTickDeps['doc'],
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
  };
  const stop = startLiveTicks(deps);
  return { interval, doc, send, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startLiveTicks', () => {
  it('at 5 s while visible: one tick at once, then one every 5 s', () => {
    const { send, stop } = setup(5);
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4_999);
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(send).toHaveBeenCalledTimes(4);
    stop();
  });

  it.each([30, 60, 300])('at %d s (background lane): never ticks and holds no timer', (sec) => {
    const { send, stop } = setup(sec);
    vi.advanceTimersByTime(600_000);
    expect(send).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });

  it('hidden views send nothing until they become visible, and stop again when hidden', () => {
    const { send, doc, stop } = setup(10, 'hidden');
    vi.advanceTimersByTime(60_000);
    expect(send).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    doc.setVisibility('visible');
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(20_000);
    expect(send).toHaveBeenCalledTimes(3);
    doc.setVisibility('hidden');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(send).toHaveBeenCalledTimes(3);
    stop();
  });

  it('follows interval changes: 5 s → 10 s restarts the period, → 60 s stops ticking', () => {
    const { send, interval, stop } = setup(5);
    expect(send).toHaveBeenCalledTimes(1);
    interval.value = 10;
    expect(send).toHaveBeenCalledTimes(2); // a tick at once with the new interval
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(9_999);
    expect(send).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledTimes(3);
    interval.value = 60;
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(120_000);
    expect(send).toHaveBeenCalledTimes(3);
    interval.value = 5;
    expect(send).toHaveBeenCalledTimes(4);
    stop();
  });

  it('stop clears the timer, removes the listener and ignores later changes', () => {
    const { send, doc, interval, stop } = setup(5);
    expect(doc.listenerCount()).toBe(1);
    stop();
    expect(doc.listenerCount()).toBe(0);
    expect(doc.removeEventListener).toHaveBeenCalledWith('visibilitychange', doc.addEventListener.mock.calls[0]![1]);
    expect(vi.getTimerCount()).toBe(0);
    interval.value = 10;
    doc.setVisibility('visible');
    vi.advanceTimersByTime(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('never runs two timers: repeated visibility events keep exactly one', () => {
    const { send, doc, stop } = setup(5);
    doc.setVisibility('visible');
    doc.setVisibility('visible');
    expect(vi.getTimerCount()).toBe(1);
    expect(send).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(5_000);
    expect(send).toHaveBeenCalledTimes(4);
    stop();
  });
});
