/** The toolbar's "Refresh now" and "Copy status" (a short Markdown summary of every provider). */
import { levelLabel, relativeTime } from '../format';
import type { Translate } from '../i18n';
import type { ProviderView } from '../status';
import type { UiPorts } from './browser-ports';

/** What the toolbar's buttons call, in the popup and the dashboard alike. */
export interface ToolbarActions {
  refresh(): Promise<unknown>;
  copy(): Promise<void>;
}

/** The toolbar's actions over the ports; `views` gives what is drawn at the moment of the click. */
export function toolbarActions(ports: Pick<UiPorts, 'send' | 't' | 'now' | 'locale'>, views: () => readonly ProviderView[]): ToolbarActions {
  return {
    refresh: () => ports.send({ type: 'refresh' }),
    copy: () => navigator.clipboard.writeText(statusMarkdown(views(), ports.t, ports.now(), ports.locale)),
  };
}

/** The Markdown summary, one line per provider, with active incidents and problem components. */
export function statusMarkdown(views: readonly ProviderView[], t: Translate, now: number, locale: string): string {
  const lines = [`**${t('extName')}** — ${new Date(now).toISOString().replace(/\.\d+Z$/, 'Z')}`, ''];
  for (const v of views) {
    const state = v.loading ? t('stateChecking') : levelLabel(v.level, t);
    const when = v.checkedAt ? ` (${t('checkedAgo', relativeTime(v.checkedAt, now, locale))})` : '';
    lines.push(`- **${v.info.name}**: ${state}${v.status?.description ? ` — ${v.status.description}` : ''}${when}`);
    for (const incident of v.status?.incidents.filter((i) => i.resolvedAt === null) ?? []) {
      lines.push(`  - ${incident.title} (${incident.status}) ${incident.url}`);
    }
    const broken = v.status?.components.filter((c) => c.level !== 'operational') ?? [];
    if (broken.length) lines.push(`  - ${broken.map((c) => `${c.name}: ${levelLabel(c.level, t)}`).join(', ')}`);
  }
  return lines.join('\n');
}
