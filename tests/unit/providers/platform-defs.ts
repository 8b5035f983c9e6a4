/**
 * Provider definitions for the platform tests (incident.io native, Better Stack, Instatus,
 * Google Workspace, the detector): catalog entries with their adapters, and pages added by URL.
 * Plus a check that every text field of a status is plain text and every link stays on the page.
 */
import { expect } from 'vitest';
import { catalogEntry, type Platform } from '../../../lib/providers/catalog';
import { ADAPTERS, definitionOf } from '../../../lib/providers/registry';
import { safeLink } from '../../../lib/providers/links';
import type { ProviderDefinition } from '../../../lib/providers/types';
import type { Incident, ServiceStatus } from '../../../lib/model';
import { ServiceStatusSchema } from '../../../lib/model';

/** A built-in catalog service with its adapter. */
export function catalogDef(id: string): ProviderDefinition {
  const entry = catalogEntry(id);
  if (!entry) throw new Error(`no catalog entry ${id}`);
  return definitionOf(entry)!;
}

/** A page added by URL: `custom:<hostname>`. */
export function customDef(platform: Platform, pageUrl: string, extra: Partial<ProviderDefinition> = {}): ProviderDefinition {
  const host = new URL(pageUrl).hostname;
  return { id: `custom:${host}`, name: host, vendor: host, pageUrl, platform, adapter: ADAPTERS[platform], ...extra };
}

const MARKUP = /<\s*\/?\s*(p|b|strong|br|div|span|script|img|a)\b[^>]*>/i;

/** Schema-valid; links https on the page's host; titles and updates free of HTML formatting and Markdown emphasis. */
export function expectCleanStatus(status: ServiceStatus): void {
  expect(ServiceStatusSchema.safeParse(status).success).toBe(true);
  for (const i of status.incidents) expectCleanIncident(i, status.pageUrl);
  for (const m of status.maintenances) {
    expect(safeLink(m.url, status.pageUrl)).toBe(m.url);
    expect(m.url.startsWith('https://')).toBe(true);
    expect(m.title).toBe(m.title.trim());
  }
  for (const c of status.components) {
    expect(c.name).toBe(c.name.trim());
    expect(c.name).not.toBe('');
  }
}

/** One incident: link on the page's host, plain title and text. */
export function expectCleanIncident(i: Incident, pageUrl: string): void {
  expect(safeLink(i.url, pageUrl)).toBe(i.url);
  expect(i.url.startsWith('https://')).toBe(true);
  expect(i.title).toBe(i.title.trim());
  expect(i.title).not.toMatch(/\*\*/);
  expect(i.latestUpdate).not.toMatch(/\*\*|\\_|\\\./);
  if (!/<script>/.test(i.latestUpdate)) expect(i.latestUpdate).not.toMatch(MARKUP);
}
