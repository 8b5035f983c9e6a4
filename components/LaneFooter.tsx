import { relativeTime } from '@/lib/format';
import { alarmPeriodSec } from '@/lib/settings';
import { useUi } from './UiContext';

/** Which refresh lane is active: "Live · checked 3 s ago" or "Background · every 30 s". */
export function LaneFooter({ lane, intervalSec, lastCheckAt, now }: { lane: 'live' | 'background'; intervalSec: number; lastCheckAt: number | null; now: number }) {
  const { t, locale } = useUi();
  const period = alarmPeriodSec(intervalSec);
  const periodText = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: period >= 60 ? 'minute' : 'second',
    unitDisplay: 'long',
  }).format(period >= 60 ? period / 60 : period);
  let text: string;
  if (lane === 'live') text = lastCheckAt ? t('laneLive', relativeTime(lastCheckAt, now, locale)) : t('laneNotYet');
  else text = t('laneBackground', periodText);
  return (
    <p class="lane" data-lane={lane}>
      <span class={`lane__dot lane__dot--${lane}`} aria-hidden="true" /> {text}
    </p>
  );
}
