import { describe, expect, it } from 'vitest';
import { statusMarkdown } from '../../../lib/ui/copy-status';
import { PROVIDER_INFO } from '../../../lib/providers/catalog';
import { EMPTY_HEALTH, resolveProvider, type ProviderView } from '../../../lib/status';
import type { Incident } from '../../../lib/model';
import { makeStatus, translator } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00.123Z');
const [openai, anthropic, cursor] = PROVIDER_INFO as [(typeof PROVIDER_INFO)[number], (typeof PROVIDER_INFO)[number], (typeof PROVIDER_INFO)[number]];
const t = translator('en');

function incident(over: Partial<Incident>): Incident {
  return {
    id: 'inc1',
    title: 'Elevated errors on Claude.ai',
    status: 'investigating',
    impact: 'major',
    createdAt: '2026-10-10T11:00:00.000Z',
    startedAt: '2026-10-10T11:00:00.000Z',
    resolvedAt: null,
    updatedAt: '2026-10-10T11:30:00.000Z',
    url: 'https://status.claude.com/incidents/inc1',
    latestUpdate: '',
    componentIds: [],
    componentNames: [],
    phases: [],
    ...over,
  };
}

function views(): ProviderView[] {
  const checked = { ...EMPTY_HEALTH, checkedAt: NOW - 5_000, okAt: NOW - 5_000 };
  return [
    resolveProvider(openai, makeStatus('openai', 'operational', { fetchedAt: NOW - 5_000, description: 'All Systems Operational' }), checked, 60, NOW),
    resolveProvider(
      anthropic,
      makeStatus('anthropic', 'outage', {
        fetchedAt: NOW - 5_000,
        description: 'Major System Outage',
        incidents: [incident({}), incident({ id: 'old', title: 'Resolved thing', status: 'resolved', resolvedAt: '2026-10-09T00:00:00.000Z' })],
        components: [
          { id: 'a', name: 'claude.ai', group: null, rawStatus: 'major_outage', level: 'outage', description: '' },
          { id: 'b', name: 'Claude API', group: null, rawStatus: 'degraded_performance', level: 'degraded', description: '' },
          { id: 'c', name: 'Console', group: null, rawStatus: 'operational', level: 'operational', description: '' },
        ],
      }),
      checked,
      60,
      NOW,
    ),
    resolveProvider(cursor, null, null, 60, NOW),
  ];
}

describe('statusMarkdown', () => {
  it('writes one line per provider with state, description, age, active incidents and broken components', () => {
    expect(statusMarkdown(views(), t, NOW, 'en').split('\n')).toEqual([
      '**AI Status** — 2026-10-10T12:00:00Z',
      '',
      '- **ChatGPT**: Operational — All Systems Operational (Checked 5 seconds ago)',
      '- **Claude**: Outage — Major System Outage (Checked 5 seconds ago)',
      '  - Elevated errors on Claude.ai (investigating) https://status.claude.com/incidents/inc1',
      '  - claude.ai: Outage, Claude API: Degraded',
      '- **Cursor**: Checking…',
    ]);
  });

  it('says Unknown (not the stale level) for stale data and is localized', () => {
    const stale = resolveProvider(openai, makeStatus('openai', 'outage', { fetchedAt: NOW - 3_600_000 }), { ...EMPTY_HEALTH, checkedAt: NOW - 60_000 }, 60, NOW);
    expect(statusMarkdown([stale], t, NOW, 'en')).toContain('- **ChatGPT**: Unknown (Checked 1 minute ago)');
    const ko = translator('ko');
    const line = statusMarkdown([stale], ko, NOW, 'ko').split('\n')[2];
    expect(line).toBe(`- **ChatGPT**: ${ko('levelUnknown')} (${ko('checkedAgo', '1분 전')})`);
    expect(line).not.toContain('Unknown');
  });
});
