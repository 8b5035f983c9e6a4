import type { ComponentChildren } from 'preact';
import type { ProviderView } from '@/lib/status';
import { errorReason, levelLabel, relativeTime } from '@/lib/format';
import { providerHost } from '@/lib/providers/catalog';
import { safeLink } from '@/lib/providers/links';
import { StatusLabel } from './StatusLabel';
import { ComponentList } from './ComponentList';
import { IncidentList } from './IncidentList';
import { useUi } from './UiContext';

/** Props of `ProviderPanel`. */
export interface ProviderPanelProps {
  view: ProviderView;
  now: number;
  variant: 'compact' | 'full';
  starred?: readonly string[];
  onToggleStar?: (id: string) => void;
  /** "Notify me when it's back" state and switch (shown while the provider has a problem). */
  whenBack?: boolean;
  onWhenBack?: (on: boolean) => void;
  /** Notifications are off: the "when back" switch is disabled, with this reason. */
  whenBackBlocked?: boolean;
  /** Asks for the host permission again (shown when the browser denies access). */
  onGrant?: () => void;
  /** Extra sections (history summary, uptime, timeline). */
  children?: ComponentChildren;
}

const PROBLEM = new Set(['degraded', 'outage']);

/** One provider: state, freshness, errors, components, incidents. */
export function ProviderPanel({ view, now, variant, starred = [], onToggleStar, whenBack = false, onWhenBack, whenBackBlocked = false, onGrant, children }: ProviderPanelProps) {
  const { t, locale } = useUi();
  const { info, status, error } = view;
  const headingId = `panel-${info.id}`;
  const host = providerHost(info);
  const hasStarred = starred.length > 0 && (status?.components ?? []).some((c) => starred.includes(c.id));
  // The rest of the rows are dimmed only while the user's own parts have a problem.
  const dim = hasStarred && PROBLEM.has(view.focusLevel);
  const whenBackId = `when-back-${info.id}`;
  return (
    <section class={`panel panel--${variant} panel--${view.level}`} data-provider={info.id} data-status={view.level} aria-labelledby={headingId}>
      <header class="panel__header">
        <h2 class="panel__name" id={headingId}>
          <a href={safeLink(info.pageUrl, info.pageUrl) ?? undefined} target="_blank" rel="noopener noreferrer" title={t('openStatusPage', info.name)}>
            {info.name}
          </a>
          <span class="panel__vendor">{info.vendor}</span>
        </h2>
        <StatusLabel level={view.level} loading={view.loading} />
      </header>
      <p class="panel__meta">
        {status?.description && <span class="panel__description">{status.description}</span>}
        {!error && (
          <span class="panel__checked">
            {view.okAt !== null ? t('checkedAgo', relativeTime(view.okAt, now, locale)) : view.loading ? t('stateChecking') : t('notCheckedYet')}
          </span>
        )}
      </p>
      {hasStarred && view.focusLevel !== view.level && !view.stale && !view.noAccess && (
        <p class="panel__yours" data-focus-status={view.focusLevel}>
          {t('yourComponentsOk', levelLabel(view.focusLevel, t))}
        </p>
      )}
      {view.noAccess ? (
        <p class="panel__problem" role="note" data-error-kind="no-access">
          {t('noAccessLine', host)}{' '}
          {onGrant && (
            <button type="button" class="button button--small" onClick={onGrant}>
              {variant === 'compact' ? t('grantInDashboard') : t('grantAccess')}
            </button>
          )}
        </p>
      ) : (
        (error || view.stale) && (
          <p class="panel__problem" role="note" data-error-kind={error?.kind ?? 'stale'}>
            {status && view.okAt !== null ? t('staleLine', [host, relativeTime(view.okAt, now, locale)]) : t('noDataYet', error ? errorReason(error, t) : '')}
            {error && status && <> — {errorReason(error, t)}</>}
            {view.retryAt && view.retryAt > now && <> · {t('retryIn', relativeTime(view.retryAt, now, locale))}</>}
          </p>
        )
      )}
      {status?.via === 'html' && <p class="panel__note">{t('viaHtml')}</p>}
      {onWhenBack && status && (PROBLEM.has(view.level) || whenBack) && (
        <>
          <button
            type="button"
            class="button button--small"
            aria-pressed={whenBack}
            disabled={whenBackBlocked}
            aria-describedby={whenBackBlocked ? whenBackId : undefined}
            onClick={() => onWhenBack(!whenBack)}
          >
            {whenBack && <span aria-hidden="true">✓ </span>}
            {whenBack ? t('whenBackOn') : t('whenBackButton')}
          </button>
          {whenBackBlocked && (
            <p class="field__help" id={whenBackId}>
              {t('whenBackNeedsNotifications')}
            </p>
          )}
        </>
      )}
      {status && (
        <>
          <ComponentList components={status.components} starred={starred} onToggleStar={onToggleStar} dimUnstarred={dim} maxProblems={variant === 'compact' ? 4 : Infinity} />
          <IncidentList
            incidents={status.incidents}
            maintenances={status.maintenances}
            pageUrl={info.pageUrl}
            now={now}
            compact={variant === 'compact'}
            unavailable={status.via === 'html'}
          />
        </>
      )}
      {children}
    </section>
  );
}
