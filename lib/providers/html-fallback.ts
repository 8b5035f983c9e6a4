/**
 * Last resort for Statuspage pages whose JSON API answers with HTML or a bot challenge: read the
 * component rows of the public page (`div.component-inner-container[data-component-id]
 * [data-component-status]` with `span.name`). Incidents are not read from HTML.
 */
import { load } from 'cheerio/slim';
import { componentLevel, indicatorLevel, worstProviderLevel } from '../levels';
import type { ComponentStatus, ServiceStatus } from '../model';
import type { ProviderDefinition } from './types';
import { plainLine } from './text';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Component rows of a Statuspage HTML page; empty when the page has none (e.g. a challenge). */
export function parseStatusPageHtml(html: string): { components: ComponentStatus[]; indicator: string | null; description: string } {
  const $ = load(html);
  const components: ComponentStatus[] = [];
  const seen = new Set<string>();
  $('div.component-inner-container[data-component-id][data-component-status]').each((_, el) => {
    const row = $(el);
    const id = row.attr('data-component-id') ?? '';
    if (!ID.test(id) || seen.has(id)) return;
    const container = row.parent('.component-container');
    // A group's header row sits directly in an `.is-group` container; its children are nested.
    if (container.hasClass('is-group') && container.children('.component-inner-container').first().is(el)) return;
    const groupHeader = row.closest('.child-components-container').parent('.component-container.is-group');
    const group = groupHeader.length ? plainLine(groupHeader.children('.component-inner-container').first().find('span.name').first().text()) : '';
    const rawStatus = row.attr('data-component-status') ?? '';
    seen.add(id);
    components.push({
      id,
      name: plainLine(row.find('span.name').first().text()) || id,
      group: group || null,
      rawStatus,
      level: componentLevel(rawStatus),
      description: '',
    });
  });
  const statusClass = ($('.page-status').attr('class') ?? '').match(/\bstatus-(none|minor|major|critical|maintenance)\b/);
  return {
    components,
    indicator: statusClass?.[1] ?? null,
    description: plainLine($('.page-status .status').first().text()),
  };
}

/** A `ServiceStatus` from the HTML page, or null when the page has no component rows. */
export function statusFromHtml(html: string, def: ProviderDefinition, now: number): ServiceStatus | null {
  const parsed = parseStatusPageHtml(html);
  if (parsed.components.length === 0) return null;
  // A page without an indicator leaves the rows to decide; an indicator we do not know is unknown.
  const pageLevels = parsed.indicator ? [indicatorLevel(parsed.indicator)] : [];
  return {
    providerId: def.id,
    name: def.name,
    pageUrl: def.pageUrl,
    level: worstProviderLevel([...pageLevels, ...parsed.components.map((c) => c.level)]),
    description: parsed.description,
    components: parsed.components,
    incidents: [],
    maintenances: [],
    uptime: null,
    sourceUpdatedAt: null,
    fetchedAt: now,
    error: null,
    stale: false,
    via: 'html',
  };
}
