import type { Settings, NotifyLevel } from '@/lib/settings';
import type { ProviderId } from '@/lib/model';
import type { ProviderInfo } from '@/lib/providers/catalog';
import { useUi } from './UiContext';

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return <input type="checkbox" aria-label={label} checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />;
}

/** Notification switches: global, minimum level, per provider, and "notify me when it's back". */
export function NotificationSettings({
  settings,
  providers,
  onChange,
}: {
  settings: Settings['notifications'];
  providers: readonly ProviderInfo[];
  onChange: (next: Settings['notifications']) => void;
}) {
  const { t } = useUi();
  const set = (patch: Partial<Settings['notifications']>) => onChange({ ...settings, ...patch });
  const perProvider = (key: 'providers' | 'whenBack', id: ProviderId, value: boolean) => set({ [key]: { ...settings[key], [id]: value } });
  return (
    <section class="settings" aria-labelledby="notify-title">
      <h2 id="notify-title" class="settings__title">
        {t('notifications')}
      </h2>
      <div class="field field--inline">
        <input id="notify-enabled" type="checkbox" checked={settings.enabled} onChange={(e) => set({ enabled: (e.currentTarget as HTMLInputElement).checked })} />
        <label for="notify-enabled">{t('notificationsEnabled')}</label>
      </div>
      <div class="field">
        <label for="notify-min">{t('notifyMinLevel')}</label>
        <select
          id="notify-min"
          value={settings.minLevel}
          disabled={!settings.enabled}
          onChange={(e) => set({ minLevel: (e.currentTarget as HTMLSelectElement).value as NotifyLevel })}
        >
          <option value="degraded">{t('notifyMinDegraded')}</option>
          <option value="outage">{t('notifyMinOutage')}</option>
        </select>
      </div>
      <fieldset class="field" disabled={!settings.enabled}>
        <legend>{t('notifyPerProvider')}</legend>
        <table class="notify-table">
          <thead>
            <tr>
              <th scope="col">{t('notifyProvider')}</th>
              <th scope="col">{t('notifyAlerts')}</th>
              <th scope="col">{t('notifyWhenBack')}</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>
                  <Check label={t('notifyAlertsFor', p.name)} checked={settings.providers[p.id] !== false} onChange={(on) => perProvider('providers', p.id, on)} />
                </td>
                <td>
                  <Check label={t('notifyWhenBackFor', p.name)} checked={settings.whenBack[p.id] === true} onChange={(on) => perProvider('whenBack', p.id, on)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="field__help">{t('notifyHelp')}</p>
      </fieldset>
    </section>
  );
}
