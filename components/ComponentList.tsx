import { levelSeverity } from '@/lib/levels';
import type { ComponentStatus } from '@/lib/model';
import { StatusLabel } from './StatusLabel';
import { useUi } from './UiContext';

interface Group {
  name: string | null;
  rows: ComponentStatus[];
  worst: number;
}

function groupRows(components: readonly ComponentStatus[]): Group[] {
  const groups = new Map<string | null, ComponentStatus[]>();
  for (const c of components) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups.entries()]
    .map(([name, rows]) => {
      const sorted = rows
        .map((row, i) => ({ row, i }))
        .sort((a, b) => levelSeverity(b.row.level) - levelSeverity(a.row.level) || a.i - b.i)
        .map(({ row }) => row);
      return { name, rows: sorted, worst: Math.max(...sorted.map((r) => levelSeverity(r.level))) };
    })
    .sort((a, b) => b.worst - a.worst);
}

/** Props of `ComponentList`. */
export interface ComponentListProps {
  components: readonly ComponentStatus[];
  starred?: readonly string[];
  onToggleStar?: (id: string) => void;
  /** Dim unstarred rows (only while one of the user's starred components has a problem). */
  dimUnstarred?: boolean;
  /** Show at most this many problem rows per group; the rest fold away (popup). */
  maxProblems?: number;
}

function Row({ c, starred, onToggleStar, dim }: { c: ComponentStatus; starred: boolean; onToggleStar?: (id: string) => void; dim: boolean }) {
  const { t } = useUi();
  return (
    <li class={`component${dim ? ' component--dim' : ''}`} data-component-id={c.id} data-status={c.level}>
      {onToggleStar && (
        <button
          type="button"
          class="star"
          aria-pressed={starred}
          aria-label={t('starComponent', c.name)}
          title={t('starComponent', c.name)}
          onClick={() => onToggleStar(c.id)}
        >
          {starred ? '★' : '☆'}
        </button>
      )}
      <span class="component__name" title={c.description || undefined}>
        {c.name}
      </span>
      <StatusLabel level={c.level} />
      {c.level === 'unknown' && c.rawStatus && <span class="component__raw">{t('rawStatus', c.rawStatus)}</span>}
    </li>
  );
}

/** Components grouped as the provider groups them, problems first, all-green groups collapsed. */
export function ComponentList({ components, starred = [], onToggleStar, dimUnstarred = false, maxProblems = Infinity }: ComponentListProps) {
  const { t } = useUi();
  if (components.length === 0) return null;
  const groups = groupRows(components);
  return (
    <div class="components">
      {groups.map((g) => {
        const allProblems = g.rows.filter((r) => r.level !== 'operational');
        const problems = allProblems.slice(0, maxProblems);
        const moreProblems = allProblems.slice(maxProblems);
        const ok = g.rows.filter((r) => r.level === 'operational');
        const rows = (list: ComponentStatus[]) => (
          <ul class="components__list">
            {list.map((c) => (
              <Row key={c.id} c={c} starred={starred.includes(c.id)} onToggleStar={onToggleStar} dim={dimUnstarred && !starred.includes(c.id)} />
            ))}
          </ul>
        );
        const okSummary = problems.length
          ? t('moreOperational', String(ok.length))
          : g.name
            ? t('groupAllOk', [g.name, String(ok.length)])
            : t('componentsAllOk', String(ok.length));
        return (
          <div class="components__group" key={g.name ?? ''}>
            {problems.length > 0 && (
              <>
                {g.name && <h4 class="components__title">{g.name}</h4>}
                {rows(problems)}
              </>
            )}
            {moreProblems.length > 0 && (
              <details class="components__ok">
                <summary>{t('moreAffected', String(moreProblems.length))}</summary>
                {rows(moreProblems)}
              </details>
            )}
            {ok.length > 0 && (
              <details class="components__ok">
                <summary>
                  <span class="status__glyph status--operational" aria-hidden="true">✓</span> {okSummary}
                </summary>
                {rows(ok)}
              </details>
            )}
          </div>
        );
      })}
    </div>
  );
}
