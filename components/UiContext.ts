import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';

/** Translation and locale for every component below a view's root. */
export interface Ui {
  t: Translate;
  locale: string;
}

export const UiContext = createContext<Ui>({ t: (k) => k, locale: 'en' });

/** The current `Ui`. */
export function useUi(): Ui {
  return useContext(UiContext);
}
