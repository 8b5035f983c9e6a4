import type { Level } from '@/lib/levels';
import { levelLabel } from '@/lib/format';
import { StatusLabel } from './StatusLabel';
import { useUi } from './UiContext';

/**
 * Popup title row: the product name and the overall state — the worst of the providers' OWN
 * levels; when starred components say otherwise, that is shown beside it, never instead.
 */
export function PopupHeader({ level, focus, loading }: { level: Level; focus: Level; loading: boolean }) {
  const { t } = useUi();
  return (
    <>
      <header class="popup__header">
        <h1 class="popup__title">{t('extName')}</h1>
        <StatusLabel level={level} loading={loading} />
      </header>
      {!loading && focus !== level && <p class="popup__yours">{t('yourComponentsOk', levelLabel(focus, t))}</p>}
    </>
  );
}
