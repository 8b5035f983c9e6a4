import { describe, expect, it } from 'vitest';
import { effectiveLevel, usesStarred } from '../../lib/starred';
import type { ComponentStatus, Level } from '../../lib/model';
import { makeStatus } from './helpers';

function component(id: string, level: Level): ComponentStatus {
  return { id, name: id.toUpperCase(), group: null, rawStatus: level, level, description: '' };
}

const status = makeStatus('anthropic', 'outage', {
  components: [component('api', 'operational'), component('chat', 'outage'), component('code', 'degraded'), component('console', 'maintenance')],
});

describe('effectiveLevel', () => {
  it('is the provider level when nothing is starred', () => {
    expect(effectiveLevel(status, [])).toBe('outage');
    expect(effectiveLevel(status, undefined)).toBe('outage');
    expect(usesStarred(status, [])).toBe(false);
  });

  it('is the worst level among the starred components', () => {
    expect(effectiveLevel(status, ['api'])).toBe('operational');
    expect(effectiveLevel(status, ['api', 'code'])).toBe('degraded');
    expect(effectiveLevel(status, ['code', 'chat'])).toBe('outage');
    expect(effectiveLevel(status, ['api', 'console'])).toBe('maintenance');
    expect(usesStarred(status, ['api'])).toBe(true);
  });

  it('ignores starred ids that no longer exist, and falls back when none exist', () => {
    expect(effectiveLevel(status, ['gone', 'api'])).toBe('operational');
    expect(effectiveLevel(status, ['gone'])).toBe('outage');
    expect(usesStarred(status, ['gone'])).toBe(false);
  });

  it('an unknown starred component is never hidden behind an operational one', () => {
    const s = makeStatus('cursor', 'degraded', { components: [component('a', 'unknown'), component('b', 'operational')] });
    expect(effectiveLevel(s, ['a'])).toBe('unknown');
    expect(effectiveLevel(s, ['a', 'b'])).toBe('unknown');
  });
});
