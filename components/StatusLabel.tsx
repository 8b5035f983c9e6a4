import { LEVEL_GLYPH, type Level } from '@/lib/levels';
import { levelLabel } from '@/lib/format';
import { useUi } from './UiContext';

/** A level as glyph + text + color; never color alone. */
export function StatusLabel({ level, loading = false }: { level: Level; loading?: boolean }) {
  const { t } = useUi();
  return (
    <span class={`status status--${loading ? 'loading' : level}`}>
      <span class="status__glyph" aria-hidden="true">
        {loading ? '…' : LEVEL_GLYPH[level]}
      </span>
      <span class="status__text">{loading ? t('stateChecking') : levelLabel(level, t)}</span>
    </span>
  );
}
