import { useState } from 'preact/hooks';
import { useUi } from './UiContext';

/** Props of `Toolbar`. */
export interface ToolbarProps {
  onRefresh: () => Promise<unknown>;
  onCopy: () => Promise<void>;
  onOpenDashboard?: () => void;
}

/** "Refresh now", "Copy status" and, in the popup, "Open dashboard". */
export function Toolbar({ onRefresh, onCopy, onOpenDashboard }: ToolbarProps) {
  const { t } = useUi();
  const [busy, setBusy] = useState(false);
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const refresh = async () => {
    setBusy(true);
    try {
      await onRefresh();
    } catch {
      // The worker answers on its next start; the panels' own lines say what went wrong.
    } finally {
      setBusy(false);
    }
  };
  const copyStatus = async () => {
    try {
      await onCopy();
      setCopy('done');
    } catch {
      setCopy('failed');
    }
    setTimeout(() => setCopy('idle'), 2000);
  };
  return (
    <div class="toolbar">
      <button type="button" class="button button--primary" onClick={refresh} aria-busy={busy} disabled={busy}>
        <span aria-hidden="true" class={busy ? 'spin' : ''}>↻</span> {t('refreshNow')}
      </button>
      <button type="button" class="button" onClick={copyStatus}>
        {copy === 'done' ? t('copied') : copy === 'failed' ? t('copyFailed') : t('copyStatus')}
      </button>
      {onOpenDashboard && (
        <button type="button" class="button" onClick={onOpenDashboard}>
          {t('openDashboard')}
        </button>
      )}
    </div>
  );
}
