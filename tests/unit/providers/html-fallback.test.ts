import { describe, expect, it } from 'vitest';
import { parseStatusPageHtml, statusFromHtml } from '../../../lib/providers/html-fallback';
import { ServiceStatusSchema } from '../../../lib/model';
import { FIX, def, loadFixture } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const cursor = def('cursor');

function row(id: string, name: string, status: string): string {
  return `<div class="component-container border-color"><div data-component-id="${id}" class="component-inner-container" data-component-status="${status}"><span class="name">${name}</span></div></div>`;
}

describe('parseStatusPageHtml', () => {
  it('reads the full synthetic Cursor page: rows, group, indicator and description', () => {
    const parsed = parseStatusPageHtml(loadFixture(FIX.cursorPage));
    expect(parsed.indicator).toBe('minor');
    expect(parsed.description).toBe('Minor Service Outage');
    expect(parsed.components).toEqual([
      { id: '7q1d5mzk3w0b', name: 'Automations', group: null, rawStatus: 'operational', level: 'operational', description: '' },
      { id: 'p2x8c4n6r9tf', name: 'Review Agents', group: 'Agents', rawStatus: 'operational', level: 'operational', description: '' },
      { id: 'm9t4g2v6q8zd', name: 'Cloud Agents', group: 'Agents', rawStatus: 'partial_outage', level: 'degraded', description: '' },
      { id: 'b5j0w7y3k1hs', name: 'CLI', group: null, rawStatus: 'degraded_performance', level: 'degraded', description: '' },
      { id: 'c8n2r5s1u7vq', name: 'cursor.com', group: null, rawStatus: 'operational', level: 'operational', description: '' },
      { id: 'f4h6d0l9e2ix', name: 'IDE', group: null, rawStatus: 'operational', level: 'operational', description: '' },
      { id: 'o3g7n1r5i9kt', name: 'Origin', group: null, rawStatus: 'operational', level: 'operational', description: '' },
      { id: 'sm5wkcnqkvr9', name: 'Grok Bot', group: null, rawStatus: 'operational', level: 'operational', description: '' },
    ]);
  });

  it('skips the group header row itself', () => {
    const parsed = parseStatusPageHtml(loadFixture(FIX.cursorPage));
    expect(parsed.components.some((c) => c.id === 'g1r0u2p3agnt')).toBe(false);
  });

  it('reads the real (unclosed) Grok Bot fragment', () => {
    const parsed = parseStatusPageHtml(loadFixture(FIX.cursorGrokHtml));
    expect(parsed.components).toEqual([{ id: 'sm5wkcnqkvr9', name: 'Grok Bot', group: null, rawStatus: 'operational', level: 'operational', description: '' }]);
    expect(parsed.indicator).toBeNull();
    expect(parsed.description).toBe('');
  });

  it('finds nothing in a challenge page', () => {
    expect(parseStatusPageHtml(loadFixture(FIX.challengePage))).toEqual({ components: [], indicator: null, description: '' });
  });

  it.each([
    ['status-none', 'none'],
    ['status-major', 'major'],
    ['status-critical', 'critical'],
    ['status-maintenance', 'maintenance'],
    ['status-purple', null],
  ])('reads the page-status class %s', (cls, expected) => {
    const parsed = parseStatusPageHtml(`<div class="page-status ${cls}"><span class="status">x</span></div>${row('abc', 'A', 'operational')}`);
    expect(parsed.indicator).toBe(expected);
  });

  it('skips rows with unsafe ids, duplicates and rows without the required attributes', () => {
    const html = [
      row('ok1', 'Good', 'operational'),
      row('bad id', 'Space', 'operational'),
      row('x&quot;&gt;&lt;script&gt;', 'Inject', 'operational'),
      row('x'.repeat(65), 'Long', 'operational'),
      row('ok1', 'Duplicate', 'major_outage'),
      '<div class="component-inner-container" data-component-id="nostatus"><span class="name">No status</span></div>',
      '<div class="component-inner-container" data-component-status="operational"><span class="name">No id</span></div>',
      row('ok2', '', 'melting'),
    ].join('');
    const parsed = parseStatusPageHtml(html);
    expect(parsed.components.map((c) => [c.id, c.name, c.level])).toEqual([
      ['ok1', 'Good', 'operational'],
      ['ok2', 'ok2', 'unknown'],
    ]);
  });

  it('returns names as text, never markup', () => {
    const parsed = parseStatusPageHtml(row('abc', 'IDE <b>bold</b> &lt;img src=x onerror=alert(1)&gt;', 'operational'));
    expect(parsed.components[0]!.name).toBe('IDE bold <img src=x onerror=alert(1)>');
  });
});

describe('statusFromHtml', () => {
  it('builds a ServiceStatus marked via html, level = worse of indicator and rows', () => {
    const s = statusFromHtml(loadFixture(FIX.cursorPage), cursor, NOW)!;
    expect(ServiceStatusSchema.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({
      providerId: 'cursor',
      name: 'Cursor',
      pageUrl: 'https://status.cursor.com',
      level: 'degraded',
      description: 'Minor Service Outage',
      incidents: [],
      maintenances: [],
      uptime: null,
      sourceUpdatedAt: null,
      fetchedAt: NOW,
      error: null,
      stale: false,
      via: 'html',
    });
    expect(s.components).toHaveLength(8);
  });

  it('a row worse than the indicator wins', () => {
    const s = statusFromHtml(`<div class="page-status status-minor"></div>${row('a', 'A', 'major_outage')}`, cursor, NOW)!;
    expect(s.level).toBe('outage');
  });

  it('without an indicator the rows decide', () => {
    expect(statusFromHtml(loadFixture(FIX.cursorGrokHtml), cursor, NOW)!.level).toBe('operational');
    expect(statusFromHtml(row('a', 'A', 'under_maintenance'), cursor, NOW)!.level).toBe('maintenance');
  });

  it('is null for a page without component rows', () => {
    expect(statusFromHtml(loadFixture(FIX.challengePage), cursor, NOW)).toBeNull();
    expect(statusFromHtml('', cursor, NOW)).toBeNull();
  });
});
