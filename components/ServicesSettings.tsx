import { useState } from 'preact/hooks';
import { CATALOG, providerHost, type ProviderInfo } from '@/lib/providers/catalog';
import type { CustomService } from '@/lib/settings';
import type { AddState } from '@/lib/ui/services';
import { levelLabel } from '@/lib/format';
import { StatusLabel } from './StatusLabel';
import { useUi } from './UiContext';

/** Props of `ServicesSettings`. */
export interface ServicesSettingsProps {
  /** Shown services, in order. */
  shown: readonly ProviderInfo[];
  custom: readonly CustomService[];
  error: { key: string; subs?: string[] } | null;
  add: AddState;
  onToggle: (id: string, on: boolean) => void;
  onMove: (id: string, by: -1 | 1) => void;
  onPreview: (url: string) => void;
  onAdd: () => void;
  onCancelAdd: () => void;
  onRemove: (id: string) => void;
}

/** Choosing services: the catalog as checkboxes, the order, pages added by URL, and the add form. */
export function ServicesSettings({ shown, custom, error, add, onToggle, onMove, onPreview, onAdd, onCancelAdd, onRemove }: ServicesSettingsProps) {
  const { t } = useUi();
  const [url, setUrl] = useState('');
  const on = new Set(shown.map((s) => s.id));
  const addError = add.step === 'error' ? t(add.messageKey, add.subs) : null;
  return (
    <section class="settings" aria-labelledby="services-title">
      <h2 id="services-title" class="settings__title">
        {t('services')}
      </h2>
      <p class="field__help">{t('servicesHelp')}</p>
      <div role="group" aria-labelledby="services-title" class="services__catalog">
        {CATALOG.map((s) => (
          <label class="services__item" key={s.id}>
            <input type="checkbox" checked={on.has(s.id)} onChange={(e) => onToggle(s.id, (e.currentTarget as HTMLInputElement).checked)} />
            <span class="services__label">
              <span>{s.name}</span>
              <span class="services__host">{providerHost(s)}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {t(error.key, error.subs)}
        </p>
      )}
      {shown.length > 1 && (
        <fieldset class="field">
          <legend>{t('serviceOrder')}</legend>
          <ol class="services__order">
            {shown.map((s, i) => (
              <li key={s.id} data-order-id={s.id}>
                <span class="services__name">{s.name}</span>
                <button type="button" class="button button--icon" aria-label={t('moveUp', s.name)} title={t('moveUp', s.name)} disabled={i === 0} onClick={() => onMove(s.id, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--icon"
                  aria-label={t('moveDown', s.name)}
                  title={t('moveDown', s.name)}
                  disabled={i === shown.length - 1}
                  onClick={() => onMove(s.id, 1)}
                >
                  ↓
                </button>
              </li>
            ))}
          </ol>
        </fieldset>
      )}
      {custom.length > 0 && (
        <fieldset class="field">
          <legend>{t('addedPages')}</legend>
          <ul class="services__order">
            {custom.map((c) => (
              <li key={c.id} data-custom-id={c.id}>
                <label class="services__item">
                  <input type="checkbox" checked={on.has(c.id)} onChange={(e) => onToggle(c.id, (e.currentTarget as HTMLInputElement).checked)} />
                  <span class="services__label">
                    <span>{c.name}</span>
                    <span class="services__host">{providerHost(c)}</span>
                  </span>
                </label>
                <button type="button" class="button button--small" aria-label={t('removeService', c.name)} onClick={() => onRemove(c.id)}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <form
        class="field services__add"
        // The extension checks the address itself (an address without https:// is read as https;
        // its messages are the extension's own), so the browser's URL check must not block it.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onPreview(url);
        }}
      >
        <h3 class="section-title">{t('addByUrl')}</h3>
        <label for="status-page-url">{t('statusPageUrl')}</label>
        <div class="services__row">
          <input
            id="status-page-url"
            type="url"
            inputMode="url"
            placeholder="https://status.example.com"
            value={url}
            aria-describedby="status-page-url-help"
            aria-invalid={addError ? true : undefined}
            onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button" disabled={add.step === 'checking'} aria-busy={add.step === 'checking'}>
            {t('preview')}
          </button>
        </div>
        <p id="status-page-url-help" class="field__help">
          {add.step === 'checking' ? t('previewing') : t('statusPageUrlHelp')}
        </p>
        {addError && (
          <p class="form-error" role="alert">
            {addError}
          </p>
        )}
        {add.step === 'preview' && (
          <div class="services__preview" data-preview-platform={add.found.platform} data-status={add.found.level}>
            <p>
              <strong>{add.found.name}</strong> · {t(`platform_${add.found.platform.replace('-', '_')}`)} · <StatusLabel level={add.found.level} />
            </p>
            {add.found.description && <p class="field__help">{add.found.description}</p>}
            {add.found.components.length > 0 && (
              <details>
                <summary>{t('previewComponents', String(add.found.components.length))}</summary>
                <ul class="services__components">
                  {add.found.components.map((c) => (
                    <li key={c.id}>
                      {c.name}: {levelLabel(c.level, t)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <div class="services__row">
              <button type="button" class="button button--primary" onClick={onAdd}>
                {t('addService')}
              </button>
              <button type="button" class="button" onClick={onCancelAdd}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
