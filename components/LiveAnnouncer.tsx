import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProviderView } from '@/lib/status';
import { levelLabel } from '@/lib/format';
import { useUi } from './UiContext';

/** A polite live region announcing provider level changes (not the first load). */
export function LiveAnnouncer({ views }: { views: readonly ProviderView[] }) {
  const { t } = useUi();
  const previous = useRef<Map<string, string> | null>(null);
  const [message, setMessage] = useState('');
  const key = views.map((v) => `${v.info.id}:${v.loading ? 'loading' : v.level}`).join('|');
  useEffect(() => {
    const current = new Map(views.map((v) => [v.info.id, v.loading ? 'loading' : v.level]));
    const before = previous.current;
    previous.current = current;
    if (!before) return;
    const changes = views
      .filter((v) => {
        const was = before.get(v.info.id);
        // Data arriving after "Checking…" is not a change of state worth announcing.
        return !v.loading && was !== undefined && was !== 'loading' && was !== v.level;
      })
      .map((v) => t('liveRegionChanged', [v.info.name, levelLabel(v.level, t)]));
    if (changes.length) setMessage(changes.join('. '));
  }, [key]);
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
