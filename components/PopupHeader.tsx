import type { Level } from '@/lib/levels';
import { StatusLabel } from './StatusLabel';
import { useUi } from './UiContext';

/** Popup title row: the product name and the overall state. */
export function PopupHeader({ level, loading }: { level: Level; loading: boolean }) {
  const { t } = useUi();
  return (
    <header class="popup__header">
      <h1 class="popup__title">{t('extName')}</h1>
      <StatusLabel level={level} loading={loading} />
    </header>
  );
}
