import type { Incident } from '@/lib/model';
import { relativeTime } from '@/lib/format';
import { useUi } from './UiContext';

/** Popup line: incidents in the last 90 days and the most recent one. */
export function HistorySummary({ count, latest, now }: { count: number; latest: Incident | null; now: number }) {
  const { t, locale } = useUi();
  if (!latest) return null;
  return (
    <p class="history-summary" data-history-count={count}>
      {t('historySummary', [String(count), latest.title, relativeTime(Date.parse(latest.startedAt), now, locale)])}
    </p>
  );
}
