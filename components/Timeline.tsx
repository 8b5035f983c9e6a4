import type { Incident } from '@/lib/model';
import { dateTime, duration } from '@/lib/format';
import { IncidentLink, impactLabel, phaseLabel } from './IncidentList';
import { useUi } from './UiContext';

function Entry({ incident, pageUrl, now }: { incident: Incident; pageUrl: string; now: number }) {
  const { t, locale } = useUi();
  const end = incident.resolvedAt ? Date.parse(incident.resolvedAt) : now;
  const lasted = Math.max(0, end - Date.parse(incident.startedAt));
  return (
    <li class={`timeline__item incident--${incident.impact}`} data-incident-id={incident.resolvedAt ? incident.id : undefined}>
      <p class="timeline__when">
        <time dateTime={incident.startedAt}>{dateTime(incident.startedAt, locale)}</time> · {incident.resolvedAt ? t('lastedFor', duration(lasted, locale)) : t('ongoing')}
      </p>
      <p class="incident__title">{incident.title}</p>
      <p class="incident__meta">
        <span class="chip chip--impact">{t('impact', impactLabel(incident.impact, t))}</span>
        {incident.phases.length > 0 && (
          <span class="timeline__phases">
            {incident.phases.map((p, i) => (
              <span key={i}>
                {i > 0 && ' → '}
                {phaseLabel(p.status, t)} {new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(p.at))}
              </span>
            ))}
          </span>
        )}
      </p>
      <IncidentLink url={incident.url} pageUrl={pageUrl} title={incident.title} />
    </li>
  );
}

/** The last 90 days of incidents, newest first; the first few shown, the rest folded. */
export function Timeline({ incidents, pageUrl, now }: { incidents: readonly Incident[]; pageUrl: string; now: number }) {
  const { t } = useUi();
  const shown = incidents.slice(0, 5);
  const rest = incidents.slice(5);
  return (
    <section class="timeline" aria-label={t('timelineTitle')}>
      <h3 class="section-title">{t('timelineTitle')}</h3>
      {incidents.length === 0 ? (
        <p class="incidents__none">{t('timelineEmpty')}</p>
      ) : (
        <>
          <ol class="timeline__list">
            {shown.map((i) => (
              <Entry key={i.id} incident={i} pageUrl={pageUrl} now={now} />
            ))}
          </ol>
          {rest.length > 0 && (
            <details class="components__ok">
              <summary>{t('timelineMore', String(rest.length))}</summary>
              <ol class="timeline__list">
                {rest.map((i) => (
                  <Entry key={i.id} incident={i} pageUrl={pageUrl} now={now} />
                ))}
              </ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}
