/**
 * The catalog is the one list of services: ids, adapters (by platform), host permissions and the
 * hosts the end-to-end tests answer all derive from it, so adding a service on an existing platform
 * touches the catalog, a fixture and a test — nothing else.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, DEFAULT_PROVIDER_IDS, PLATFORMS, catalogEntry, providerHost } from '../../../lib/providers/catalog';
import { CATALOG_HOSTS, OPTIONAL_ORIGINS, REQUIRED_ORIGINS, isRequired, originsOf } from '../../../lib/providers/permissions';
import { ADAPTERS, definitionOf } from '../../../lib/providers/registry';
import { DEFAULT_SETTINGS, activeServices } from '../../../lib/settings';
import { OPTIONAL_CATALOG_HOSTS } from '../../support/e2e-build';
import { EXTRA_HOSTS, STATUS_HOSTS } from '../../support/status-answers';

describe('the catalog', () => {
  it('has unique ids, https pages on their own hosts, and a known platform each', () => {
    expect(new Set(CATALOG.map((e) => e.id)).size).toBe(CATALOG.length);
    for (const e of CATALOG) {
      expect(e.pageUrl).toMatch(/^https:\/\/[^/]+/);
      expect(e.hosts).toContain(providerHost(e));
      expect(PLATFORMS).toContain(e.platform);
      expect(definitionOf(e)?.adapter).toBe(ADAPTERS[e.platform]);
    }
  });

  it('keeps ChatGPT, Claude and Cursor on by default, and 15+ more off', () => {
    expect(DEFAULT_PROVIDER_IDS).toEqual(['openai', 'anthropic', 'cursor']);
    expect(CATALOG.filter((e) => !e.defaultOn).length).toBeGreaterThanOrEqual(15);
    expect(activeServices(DEFAULT_SETTINGS).map((s) => s.id)).toEqual(['openai', 'anthropic', 'cursor']);
  });

  it('every host list derives from it: required, optional and test hosts', () => {
    const defaults = CATALOG.filter((e) => e.defaultOn);
    expect(REQUIRED_ORIGINS).toEqual(defaults.flatMap((e) => e.hosts.map((h) => `https://${h}/*`)));
    expect(OPTIONAL_ORIGINS).toEqual([...CATALOG.filter((e) => !e.defaultOn).flatMap((e) => e.hosts.map((h) => `https://${h}/*`)), 'https://*/*']);
    expect([...CATALOG_HOSTS].sort()).toEqual([...new Set(CATALOG.flatMap((e) => e.hosts))].sort());
    expect([...OPTIONAL_CATALOG_HOSTS].sort()).toEqual([...new Set(CATALOG.filter((e) => !e.defaultOn).flatMap((e) => e.hosts))].sort());
    // The end-to-end tests answer every catalog host locally (and nothing reaches the internet).
    for (const host of CATALOG_HOSTS) expect([...STATUS_HOSTS, ...EXTRA_HOSTS]).toContain(host);
  });

  it('knows which services need a permission asked for', () => {
    expect(isRequired(catalogEntry('cursor')!)).toBe(true);
    expect(isRequired(catalogEntry('huggingface')!)).toBe(false);
    expect(originsOf({ id: 'custom:status.example.dev', pageUrl: 'https://status.example.dev' })).toEqual(['https://status.example.dev/*']);
  });
});
