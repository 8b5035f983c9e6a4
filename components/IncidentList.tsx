import type { Incident, Maintenance } from '@/lib/model';
import { dateTime, duration, relativeTime } from '@/lib/format';
import { safeLink } from '@/lib/providers/links';
import { useUi } from './UiContext';
import type { Translate } from '@/lib/i18n';

const KNOWN_PHASES = new Set(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed']);
const KNOWN_IMPACTS = new Set(['none', 'minor', 'major', 'critical', 'maintenance']);
// "in_progress" → "InProgress": message keys are `status<Word>` / `impact<Word>`.
const pascal = (word: string) => word.replace(/(^|_)(\w)/g, (_m, _s, c: string) => c.toUpperCase());

/** A provider's phase word ("Investigating"), or the raw word when we don't know it. */
export function phaseLabel(status: string, t: Translate): string {
  return KNOWN_PHASES.has(status) ? t(`status${pascal(status)}`) : status;
}

/** An impact word ("major"), or the raw word. */
export function impactLabel(impact: string, t: Translate): string {
  return KNOWN_IMPACTS.has(impact) ? t(`impact${pascal(impact)}`) : impact;
}

/** "View incident" on the provider's own page (only a safe https link on its host; none otherwise). */
export function IncidentLink({ url, pageUrl, title }: { url: string; pageUrl: string; title: string }) {
  const { t } = useUi();
  const link = safeLink(url, pageUrl);
  if (!link) return null;
  return (
    <a class="incident__link" href={link} target="_blank" rel="noopener noreferrer">
      {t('viewIncident')}
      <span class="sr-only">: {title}</span>
    </a>
  );
}

/** Props of `IncidentList`. */
export interface IncidentListProps {
  incidents: readonly Incident[];
  maintenances: readonly Maintenance[];
  pageUrl: string;
  now: number;
  compact: boolean;
  /** The source gave no incident list (HTML fallback): say so instead of "No active incidents". */
  unavailable?: boolean;
}

/** Active incidents (newest first) and scheduled maintenance. All network text is rendered as text. */
export function IncidentList({ incidents, maintenances, pageUrl, now, compact, unavailable = false }: IncidentListProps) {
  const { t, locale } = useUi();
  const active = incidents.filter((i) => i.resolvedAt === null);
  return (
    <div class="incidents">
      {active.length === 0 ? (
        <p class="incidents__none">{t(unavailable ? 'incidentsUnavailable' : 'noIncidents')}</p>
      ) : (
        <>
          <h3 class="section-title">{t('incidents')}</h3>
          <ul class="incidents__list">
            {active.map((i) => {
              return (
                <li class={`incident incident--${i.impact}`} data-incident-id={i.id} key={i.id}>
                  <p class="incident__title">{i.title}</p>
                  <p class="incident__meta">
                    <span class="chip">{phaseLabel(i.status, t)}</span>
                    <span class="chip chip--impact">{t('impact', impactLabel(i.impact, t))}</span>
                    <span title={dateTime(i.startedAt, locale)}>
                      {t('startedAt', relativeTime(Date.parse(i.startedAt), now, locale))} · {t('lasting', duration(now - Date.parse(i.startedAt), locale))}
                    </span>
                  </p>
                  {i.latestUpdate && <p class={`incident__update${compact ? ' incident__update--clamp' : ''}`}>{i.latestUpdate}</p>}
                  {i.componentNames.length > 0 && <p class="incident__affects">{t('affects', i.componentNames.join(', '))}</p>}
                  <IncidentLink url={i.url} pageUrl={pageUrl} title={i.title} />
                </li>
              );
            })}
          </ul>
        </>
      )}
      {maintenances.length > 0 && (
        <>
          <h3 class="section-title">{t('maintenance')}</h3>
          <ul class="incidents__list">
            {maintenances.map((m) => {
              return (
                <li class="incident incident--maintenance" data-maintenance-id={m.id} key={m.id}>
                  <p class="incident__title">{m.title}</p>
                  <p class="incident__meta">
                    <span class="chip">{phaseLabel(m.status, t)}</span>
                    <span>{t('scheduledFor', [dateTime(m.scheduledFor, locale), m.scheduledUntil ? dateTime(m.scheduledUntil, locale) : '…'])}</span>
                  </p>
                  {!compact && m.latestUpdate && <p class="incident__update">{m.latestUpdate}</p>}
                  <IncidentLink url={m.url} pageUrl={pageUrl} title={m.title} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
