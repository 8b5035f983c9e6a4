import { describe, expect, it, vi } from 'vitest';
import { accessAhead, readAccess } from '../../../lib/background/access';
import { catalogEntry } from '../../../lib/providers/catalog';
import { originsOf } from '../../../lib/providers/permissions';

const claude = catalogEntry('anthropic')!;
const github = catalogEntry('github')!;

describe('readAccess', () => {
  it('answers every service from one getAll when its patterns are listed as asked', async () => {
    const api = { getAll: vi.fn(async () => ({ origins: originsOf(claude) })), contains: vi.fn(async () => false) };
    const has = readAccess(api);
    expect(await has(claude)).toBe(true);
    expect(api.getAll).toHaveBeenCalledTimes(1);
    expect(api.contains).not.toHaveBeenCalled();
  });

  it('lets the browser decide a service that is not listed (a broader grant counts; a missing one does not)', async () => {
    const broader = readAccess({ getAll: async () => ({ origins: ['<all_urls>'] }), contains: async () => true });
    expect(await broader(github)).toBe(true);
    const missing = readAccess({ getAll: async () => ({ origins: originsOf(claude) }), contains: async () => false });
    expect(await missing(github)).toBe(false);
  });

  it('a failing getAll or contains never grants access by mistake', async () => {
    const has = readAccess({
      getAll: () => Promise.reject(new Error('no')),
      contains: () => Promise.reject(new Error('no')),
    });
    expect(await has(claude)).toBe(false);
    const throwing = readAccess({
      getAll: () => {
        throw new Error('not implemented');
      },
      contains: async () => true,
    });
    expect(await throwing(claude)).toBe(true);
  });
});

describe('accessAhead', () => {
  const api = () => ({ getAll: vi.fn(async () => ({ origins: originsOf(claude) })), contains: vi.fn(async () => false) });

  it('reads at once; the first poll within a second uses that read, later polls read again', async () => {
    let clock = 0;
    const a = api();
    const ahead = accessAhead(a, () => clock);
    expect(a.getAll).toHaveBeenCalledTimes(1);
    expect(await ahead.read()(claude)).toBe(true);
    expect(a.getAll).toHaveBeenCalledTimes(1);
    clock = 10;
    await ahead.read()(claude);
    expect(a.getAll).toHaveBeenCalledTimes(2);
  });

  it('is not used after a second, nor after permissions changed', async () => {
    let clock = 0;
    const a = api();
    const late = accessAhead(a, () => clock);
    clock = 1_001;
    late.read();
    expect(a.getAll).toHaveBeenCalledTimes(2);
    const b = api();
    const changed = accessAhead(b, () => 0);
    changed.drop();
    changed.read();
    expect(b.getAll).toHaveBeenCalledTimes(2);
  });
});
