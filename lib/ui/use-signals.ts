/**
 * Re-renders a component when any signal it reads changes, without `@preact/signals` (the Preact
 * integration): the popup subscribes once at its root, which keeps that integration out of its
 * bundle. `read` touches every signal the view draws from.
 */
import { effect } from '@preact/signals-core';
import { useEffect, useReducer } from 'preact/hooks';

/** Subscribes the calling component to whatever `read` reads. */
export function useSignals(read: () => void): void {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let first = true;
    return effect(() => {
      read();
      if (first) first = false;
      else rerender(0);
    });
  }, []);
}
