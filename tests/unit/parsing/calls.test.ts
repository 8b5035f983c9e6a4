/**
 * The parsing document's storage and notifications, made by the worker: each side real, the calls
 * crossing as JSON.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerCall, workerAreas, workerNotifications, type CallApis } from '../../../lib/parsing/calls';
import type { WorkerCall } from '../../../lib/parsing/wire';

const across = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function worker(apis: Partial<CallApis> = {}) {
  const made: WorkerCall[] = [];
  const full: CallApis = {
    storage: fakeBrowser.storage,
    notifications: { create: (id) => Promise.resolve(id), clear: () => Promise.resolve(true) },
    ...apis,
  };
  const send = async (call: WorkerCall) => {
    made.push(across(call));
    return across(await answerCall(across(call), full));
  };
  return { send, made };
}

describe('the worker storing and notifying for the document', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads and writes the worker\'s storage areas, each in its own area', async () => {
    const w = worker();
    const areas = workerAreas(w.send);
    await areas.local.set({ observed: { a: 1 }, observed$: { v: 2 } });
    await areas.session.set({ health: {} });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ observed: { a: 1 }, observed$: { v: 2 } });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ health: {} });
    expect(await areas.local.get(['observed', 'missing'])).toEqual({ observed: { a: 1 } });
    expect(w.made.map((c) => `${c.api}.${c.op}`)).toEqual(['storage.set', 'storage.set', 'storage.get']);
  });

  it('shows and clears notifications with the worker\'s API', async () => {
    const shown: string[] = [];
    const w = worker({ notifications: { create: (id) => (shown.push(id), Promise.resolve(id)), clear: (id) => (shown.push(`-${id}`), Promise.resolve(true)) } });
    const api = workerNotifications(w.send);
    await api.clear('ai-status-cursor');
    expect(await api.create('ai-status-cursor', { type: 'basic', iconUrl: 'icon/128.png', title: 'T', message: 'M' })).toBe('ai-status-cursor');
    expect(shown).toEqual(['-ai-status-cursor', 'ai-status-cursor']);
  });

  it('a failing API is a rejection in the document, with its message; nothing is thrown in the worker', async () => {
    const broken = { get: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const w = worker({ storage: { local: broken, session: broken } });
    await expect(workerAreas(w.send).local.set({ a: 1 })).rejects.toThrow('QUOTA_BYTES');
    expect(await answerCall({ type: 'parser-call', api: 'storage', op: 'get', area: 'local', keys: ['a'] }, { storage: { local: broken, session: broken }, notifications: { create: () => Promise.resolve(''), clear: () => Promise.resolve(true) } })).toEqual({ ok: false, message: 'QUOTA_BYTES quota exceeded' });
    // No answer at all (the worker went away): a rejection too.
    await expect(workerAreas(() => Promise.resolve(undefined)).local.get(['a'])).rejects.toThrow('did not answer');
  });
});
