import { describe, expect, it } from 'vitest';
import { z } from '../../../lib/zod';
import { normalizeComponents, normalizeIncident, normalizeSummary, sortIncidents } from '../../../lib/providers/normalize';
import { RawComponentSchema, RawIncidentSchema, SummarySchema, type RawComponent, type RawIncident } from '../../../lib/providers/statuspage-schema';
import { ServiceStatusSchema, type ComponentStatus, type Incident } from '../../../lib/model';
import { FIX, def, loadJson } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const cursor = def('cursor');
const claude = def('anthropic');

function components(rel: string): RawComponent[] {
  const file = loadJson<{ components: unknown[] }>(rel);
  return z.array(RawComponentSchema).parse(file.components);
}

function rawIncident(over: Record<string, unknown>): RawIncident {
  return RawIncidentSchema.parse({ id: 'abc123def456', name: 'Something', status: 'investigating', impact: 'minor', created_at: '2026-10-10T10:00:00Z', incident_updates: [], components: [], ...over });
}

function countBy(list: ComponentStatus[], key: 'rawStatus' | 'level'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of list) out[c[key]] = (out[c[key]] ?? 0) + 1;
  return out;
}

/** Group names in order of first appearance (null = ungrouped). */
function groupOrder(list: ComponentStatus[]): (string | null)[] {
  const seen: (string | null)[] = [];
  for (const c of list) if (!seen.includes(c.group)) seen.push(c.group);
  return seen;
}

/** True when every group's rows are next to each other. */
function contiguous(list: ComponentStatus[]): boolean {
  const done = new Set<string | null>();
  let current: string | null | undefined;
  for (const c of list) {
    if (c.group !== current) {
      if (done.has(c.group)) return false;
      if (current !== undefined) done.add(current);
      current = c.group;
    }
  }
  return true;
}

describe('normalizeComponents with real components.json files (RawComponentSchema)', () => {
  it('GitHub, all operational: 10 components, no groups', () => {
    const list = normalizeComponents(components('statuspage-generic/components-github-all-operational-2021-12-01.json'));
    expect(list).toHaveLength(10);
    expect(countBy(list, 'level')).toEqual({ operational: 10 });
    expect(list.every((c) => c.group === null)).toBe(true);
  });

  it('GitHub, one partial_outage → one degraded', () => {
    const list = normalizeComponents(components('statuspage-generic/components-github-partial-outage-2021-12-10.json'));
    expect(list).toHaveLength(10);
    expect(countBy(list, 'level')).toEqual({ operational: 9, degraded: 1 });
    expect(list.filter((c) => c.level === 'degraded').map((c) => c.rawStatus)).toEqual(['partial_outage']);
  });

  it('Linode: 6 group rows dropped, 62 children named after their group, 7 partial_outage', () => {
    const raw = components('statuspage-generic/components-linode-groups-partial-outage-2021-12-17.json');
    expect(raw).toHaveLength(68);
    const list = normalizeComponents(raw);
    expect(list).toHaveLength(62);
    expect(countBy(list, 'rawStatus')).toEqual({ operational: 55, partial_outage: 7 });
    expect(list.find((c) => c.id === 'kb0cf2d0rryb')).toBeUndefined(); // the "Regions" group row
    const regions = list.filter((c) => c.group === 'Regions');
    expect(regions).toHaveLength(11);
    expect(regions.filter((c) => c.level === 'degraded')).toHaveLength(7);
    expect(list.filter((c) => c.group === null).map((c) => c.name)).toEqual(['Linode.com', 'Linode Manager and API', 'Hosted DNS Service', 'Longview']);
  });

  it('Linode: keeps the page order — top-level items by position, each group’s children together', () => {
    const list = normalizeComponents(components('statuspage-generic/components-linode-groups-partial-outage-2021-12-17.json'));
    expect(contiguous(list)).toBe(true);
    expect(groupOrder(list)).toEqual([null, 'Regions', 'Backups', 'Block Storage', 'NodeBalancers', 'Object Storage', 'Linode Kubernetes Engine']);
    expect(list.slice(0, 5).map((c) => c.name)).toEqual(['Linode.com', 'Linode Manager and API', 'Hosted DNS Service', 'Longview', 'US-East (Newark)']);
  });

  it('Qualys: 12 groups dropped, 1 major_outage and 4 under_maintenance among 259 components', () => {
    const raw = components('statuspage-generic/components-qualys-major-outage-under-maintenance-groups-2021-12-01.json');
    expect(raw).toHaveLength(271);
    const list = normalizeComponents(raw);
    expect(list).toHaveLength(259);
    expect(countBy(list, 'rawStatus')).toEqual({ operational: 254, major_outage: 1, under_maintenance: 4 });
    expect(countBy(list, 'level')).toEqual({ operational: 254, outage: 1, maintenance: 4 });
    expect(new Set(list.map((c) => c.group)).size).toBeGreaterThanOrEqual(12);
    expect(list.filter((c) => c.group === 'US Platform 1')).toHaveLength(26);
    expect(contiguous(list)).toBe(true);
  });

  it('synthetic groups: page order, group names, only_show_if_degraded, descriptions as text', () => {
    const file = loadJson<{ components: unknown[] }>(FIX.groups);
    const list = normalizeComponents(z.array(RawComponentSchema).parse(file.components));
    expect(list.map((c) => [c.name, c.group, c.level])).toEqual([
      ['IDE', null, 'operational'],
      ['Review Agents', 'Agents', 'operational'],
      ['Cloud Agents', 'Agents', 'degraded'],
      ['Automations', 'Agents', 'operational'],
      ['cursor.com', null, 'operational'],
      // "Legacy endpoint" (only_show_if_degraded, operational) is hidden
      ['Status webhooks', null, 'degraded'],
    ]);
    expect(list.find((c) => c.name === 'Status webhooks')?.description).toBe('Webhook deliveries to your endpoints');
  });

  it('a child whose group row is missing is ungrouped', () => {
    const list = normalizeComponents([{ id: 'a', name: 'A', status: 'operational', group_id: 'missing', position: 1 }]);
    expect(list).toEqual([{ id: 'a', name: 'A', group: null, rawStatus: 'operational', level: 'operational', description: '' }]);
  });

  it('keeps list order for components without positions and maps a missing status to unknown', () => {
    const list = normalizeComponents([
      { id: 'b', name: ' B ', status: null },
      { id: 'a', name: 'A', status: 'melting' },
    ]);
    expect(list).toEqual([
      { id: 'b', name: 'B', group: null, rawStatus: '', level: 'unknown', description: '' },
      { id: 'a', name: 'A', group: null, rawStatus: 'melting', level: 'unknown', description: '' },
    ]);
  });

  it('shows an only_show_if_degraded component while it is not operational', () => {
    const rows: RawComponent[] = [
      { id: 'x', name: 'X', status: 'operational', only_show_if_degraded: true },
      { id: 'y', name: 'Y', status: 'under_maintenance', only_show_if_degraded: true },
      { id: 'z', name: 'Z', status: 'melting', only_show_if_degraded: true },
    ];
    expect(normalizeComponents(rows).map((c) => c.id)).toEqual(['y', 'z']);
  });
});

describe('normalizeIncident', () => {
  it('normalizes the real Anthropic incident (impact major, reminder_intervals null)', () => {
    const summary = SummarySchema.parse(loadJson(FIX.anthropicMinor));
    const inc = normalizeIncident(summary.incidents[0]!, claude)!;
    expect(inc).toEqual({
      id: '7g1qpkyz5gxh',
      title: 'Elevated errors for multiple models',
      status: 'investigating',
      impact: 'major',
      createdAt: '2026-09-22T00:57:26.126Z',
      startedAt: '2026-09-22T00:57:26.117Z',
      resolvedAt: null,
      updatedAt: '2026-09-22T00:57:26.258Z',
      url: 'https://status.claude.com/incidents/7g1qpkyz5gxh',
      latestUpdate:
        'We are investigating elevated errors on requests to Claude Mythos 5.1, Claude Fable 5.1, and Claude Opus 5. We will provide an update as soon as possible.',
      componentIds: ['rwppv331jlwc', 'k8w3r06qmzrp', 'yyzkbfz2thpt', 'bpp5gb3hpjcl'],
      componentNames: ['claude.ai', 'Claude API (api.anthropic.com)', 'Claude Code', 'Claude Cowork'],
      phases: [{ status: 'investigating', at: '2026-09-22T00:57:26.256Z' }],
      // What each update set per component: the uptime estimate charges these (lib/uptime.ts).
      componentChanges: ['rwppv331jlwc', 'k8w3r06qmzrp', 'yyzkbfz2thpt', 'bpp5gb3hpjcl'].map((id) => ({ id, status: 'partial_outage', at: '2026-09-22T00:57:26.256Z' })),
    });
  });

  it('links to the page itself, never to the stspg.io shortlink', () => {
    const inc = normalizeIncident(rawIncident({ shortlink: 'https://stspg.io/abc' }), cursor)!;
    expect(inc.url).toBe('https://status.cursor.com/incidents/abc123def456');
  });

  it('encodes a hostile id into a single path segment on the page host', () => {
    const inc = normalizeIncident(rawIncident({ id: '../../x?y=<b>' }), cursor)!;
    expect(inc.url.startsWith('https://status.cursor.com/incidents/')).toBe(true);
    expect(new URL(inc.url).host).toBe('status.cursor.com');
    expect(new URL(inc.url).pathname).toBe('/incidents/..%2F..%2Fx%3Fy%3D%3Cb%3E');
  });

  it('takes the latest update by display time, whatever the list order', () => {
    const inc = normalizeIncident(
      rawIncident({
        incident_updates: [
          { status: 'investigating', body: 'first', display_at: '2026-10-10T10:00:00Z' },
          { status: 'monitoring', body: 'third', display_at: '2026-10-10T12:00:00Z' },
          { status: 'identified', body: 'second', display_at: '2026-10-10T11:00:00Z' },
        ],
      }),
      cursor,
    )!;
    expect(inc.latestUpdate).toBe('third');
    expect(inc.phases.map((p) => p.status)).toEqual(['investigating', 'identified', 'monitoring']);
  });

  it('merges components from the incident and from updates, ids unique, affected_components null tolerated', () => {
    const inc = normalizeIncident(
      rawIncident({
        components: [{ id: 'c1', name: 'IDE' }],
        incident_updates: [
          { status: 'investigating', body: 'a', display_at: '2026-10-10T10:00:00Z', affected_components: null },
          { status: 'identified', body: 'b', display_at: '2026-10-10T11:00:00Z', affected_components: [{ code: 'c2', name: 'CLI' }, { code: 'c1', name: 'IDE again' }, { name: 'no code' }] },
        ],
      }),
      cursor,
    )!;
    expect(inc.componentIds).toEqual(['c1', 'c2']);
    expect(inc.componentNames).toEqual(['IDE', 'CLI']);
  });

  it('resolvedAt: resolved_at, else the last resolved phase, else updated_at', () => {
    expect(normalizeIncident(rawIncident({ status: 'resolved', resolved_at: '2026-10-10T11:00:00Z' }), cursor)!.resolvedAt).toBe('2026-10-10T11:00:00.000Z');
    expect(
      normalizeIncident(
        rawIncident({ status: 'postmortem', resolved_at: null, incident_updates: [{ status: 'resolved', body: 'x', display_at: '2026-10-10T11:30:00Z' }] }),
        cursor,
      )!.resolvedAt,
    ).toBe('2026-10-10T11:30:00.000Z');
    expect(normalizeIncident(rawIncident({ status: 'Resolved', updated_at: '2026-10-10T11:45:00Z' }), cursor)!.resolvedAt).toBe('2026-10-10T11:45:00.000Z');
    expect(normalizeIncident(rawIncident({ status: 'monitoring', resolved_at: '2026-10-10T11:00:00Z' }), cursor)!.resolvedAt).toBeNull();
  });

  it('falls back for missing fields', () => {
    const inc = normalizeIncident(RawIncidentSchema.parse({ id: 'only-id', started_at: '2026-10-10T09:00:00-07:00' }), cursor)!;
    expect(inc).toMatchObject({ title: 'only-id', status: 'unknown', impact: 'none', createdAt: '2026-10-10T16:00:00.000Z', startedAt: '2026-10-10T16:00:00.000Z', updatedAt: '2026-10-10T16:00:00.000Z', resolvedAt: null, latestUpdate: '', componentIds: [], phases: [] });
  });

  it('is null when the incident has no usable time', () => {
    expect(normalizeIncident(RawIncidentSchema.parse({ id: 'x', created_at: 'yesterday' }), cursor)).toBeNull();
    expect(normalizeIncident(RawIncidentSchema.parse({ id: 'x' }), cursor)).toBeNull();
  });

  it('lower-cases status and impact but keeps unknown values', () => {
    const inc = normalizeIncident(rawIncident({ status: 'SMOULDERING', impact: 'Apocalyptic' }), cursor)!;
    expect(inc.status).toBe('smouldering');
    expect(inc.impact).toBe('apocalyptic');
  });
});

describe('sortIncidents', () => {
  const base = normalizeIncident(rawIncident({}), cursor)!;
  const mk = (id: string, createdAt: string, resolvedAt: string | null): Incident => ({ ...base, id, createdAt, resolvedAt });

  it('puts active incidents first, newest first in each part', () => {
    const sorted = sortIncidents([
      mk('old-resolved', '2026-10-01T00:00:00.000Z', '2026-10-01T01:00:00.000Z'),
      mk('old-active', '2026-10-02T00:00:00.000Z', null),
      mk('new-resolved', '2026-10-09T00:00:00.000Z', '2026-10-09T01:00:00.000Z'),
      mk('new-active', '2026-10-08T00:00:00.000Z', null),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['new-active', 'old-active', 'new-resolved', 'old-resolved']);
  });

  it('does not mutate its input', () => {
    const input = [mk('a', '2026-10-01T00:00:00.000Z', null), mk('b', '2026-10-02T00:00:00.000Z', null)];
    sortIncidents(input);
    expect(input.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('normalizeSummary', () => {
  it('produces a schema-valid ServiceStatus with the registry name and page url', () => {
    const s = normalizeSummary(SummarySchema.parse(loadJson(FIX.anthropicOk)), claude, NOW);
    expect(ServiceStatusSchema.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({
      providerId: 'anthropic',
      name: 'Claude',
      pageUrl: 'https://status.claude.com',
      level: 'operational',
      description: 'All Systems Operational',
      sourceUpdatedAt: '2026-09-22T04:54:19.632Z',
      fetchedAt: NOW,
      error: null,
      stale: false,
      via: 'api',
      uptime: null,
      incidents: [],
      maintenances: [],
    });
    expect(s.components.map((c) => c.name)).toEqual([
      'claude.ai',
      'Claude Console (platform.claude.com)',
      'Claude API (api.anthropic.com)',
      'Claude Code',
      'Claude Cowork',
      'Claude for Government',
    ]);
  });

  it('drops completed maintenances from the real scheduled-maintenances file and keeps running ones, sorted', () => {
    const summary = loadJson<Record<string, unknown>>(FIX.anthropicOk);
    const maint = loadJson<{ scheduled_maintenances: Record<string, unknown>[] }>(FIX.anthropicMaintenances).scheduled_maintenances;
    expect(maint.map((m) => m.status)).toEqual(['completed', 'completed']);
    expect(normalizeSummary(SummarySchema.parse({ ...summary, scheduled_maintenances: maint }), claude, NOW).maintenances).toEqual([]);

    const running = { ...maint[0]!, status: 'in_progress' };
    const upcoming = { ...maint[1]!, status: 'scheduled' };
    const s = normalizeSummary(SummarySchema.parse({ ...summary, scheduled_maintenances: [upcoming, running] }), claude, NOW);
    expect(s.maintenances).toHaveLength(2);
    const sortedFor = [...s.maintenances].map((m) => m.scheduledFor);
    expect(sortedFor).toEqual([...sortedFor].sort());
    const first = s.maintenances.find((m) => m.id === 'x017628t2rl5')!;
    expect(first).toMatchObject({
      title: 'Upgrades to Connector Auth Storage',
      status: 'in_progress',
      scheduledFor: '2025-08-29T01:25:00.000Z',
      scheduledUntil: '2025-08-29T02:40:00.000Z',
      url: 'https://status.claude.com/incidents/x017628t2rl5',
    });
    expect(first.componentIds).toContain('rwppv331jlwc');
  });

  it('a summary with neither incidents nor maintenances keys is fine (incident.io)', () => {
    const s = normalizeSummary(SummarySchema.parse({ status: { indicator: 'none', description: 'ok' }, components: [] }), def('openai'), NOW);
    expect(s).toMatchObject({ level: 'operational', incidents: [], maintenances: [], components: [], sourceUpdatedAt: null });
  });

  it('with no indicator and only unknown components the level is unknown', () => {
    const s = normalizeSummary(SummarySchema.parse({ components: [{ id: 'a', name: 'A', status: 'melting' }] }), cursor, NOW);
    expect(s.level).toBe('unknown');
    expect(s.description).toBe('');
  });
});
