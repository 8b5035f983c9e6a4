import { INTERVALS, type IntervalSec } from '@/lib/settings';
import { useUi } from './UiContext';

/** The refresh interval select, with an honest note about what MV3 allows. */
export function SettingsForm({ intervalSec, onInterval }: { intervalSec: IntervalSec; onInterval: (value: IntervalSec) => void }) {
  const { t } = useUi();
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title" class="settings__title">
        {t('settings')}
      </h2>
      <div class="field">
        <label for="interval">{t('refreshInterval')}</label>
        <select
          id="interval"
          value={String(intervalSec)}
          aria-describedby="interval-help"
          onChange={(e) => onInterval(Number((e.currentTarget as HTMLSelectElement).value) as IntervalSec)}
        >
          {INTERVALS.map((i) => (
            <option key={i} value={String(i)}>
              {t(`interval${i}`)}
            </option>
          ))}
        </select>
        <p id="interval-help" class="field__help">
          {t('intervalHelp')}
        </p>
      </div>
    </section>
  );
}
