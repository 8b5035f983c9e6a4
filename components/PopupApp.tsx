import { useLayoutEffect, useState } from 'preact/hooks';
import type { UiPorts } from '@/lib/ui/browser-ports';
import { historyRecord } from '@/lib/records/live';
import { readRecentHistory } from '@/lib/ui/recent-incidents';
import { startPopupState, type PopupActions, type PopupState } from '@/lib/ui/popup-state';
import { PopupView } from './PopupView';
import { UiContext } from './UiContext';

// The popup counts and names recent incidents only: a lighter reader of the history record.
const RECENT_HISTORY = { ...historyRecord, read: readRecentHistory };

/** The popup as an app: its state over the ports (lib/ui/popup-state.ts), and the view. */
export function PopupApp({ ports }: { ports: UiPorts }) {
  const [state, setState] = useState<PopupState | null>(null);
  const [actions, setActions] = useState<PopupActions | null>(null);
  // Before the first paint (an effect would wait for it): the reads leave as the page renders.
  useLayoutEffect(() => {
    const popup = startPopupState(ports, RECENT_HISTORY, setState);
    setActions(popup.actions);
    return popup.stop;
  }, [ports]);
  if (!state || !actions) return null;
  return (
    <UiContext.Provider value={{ t: ports.t, locale: ports.locale }}>
      <PopupView state={state} onRefresh={actions.refresh} onCopy={actions.copy} onOpenDashboard={() => void ports.openDashboard().then(ports.close)} />
    </UiContext.Provider>
  );
}
