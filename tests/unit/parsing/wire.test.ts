import { describe, expect, it } from 'vitest';
import { fromWire, isDocumentCall, isFetchRequest, isParseRequest, isWorkerCall, toWire } from '../../../lib/parsing/wire';
import { httpGet, MAX_BODY_BYTES } from '../../../lib/providers/http';
import { makeResponse } from '../helpers';

const NOW = Date.parse('2026-10-10T12:00:00Z');

/** What crosses between the worker and the document: JSON, as extension messages are. */
const across = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('a response on the wire', () => {
  it('keeps status, headers, text, URL and redirection', async () => {
    const original = makeResponse({ status: 200, headers: { 'content-type': 'application/json', etag: '"e1"' }, body: '{"ok":"✓ café"}' });
    Object.defineProperties(original, { url: { value: 'https://status.example.com/final' }, redirected: { value: true } });
    const back = fromWire(across(await toWire(original, MAX_BODY_BYTES)));
    expect(back.status).toBe(200);
    expect(back.headers.get('etag')).toBe('"e1"');
    expect(back.headers.get('content-type')).toBe('application/json');
    expect(back.url).toBe('https://status.example.com/final');
    expect(back.redirected).toBe(true);
    expect(await back.text()).toBe('{"ok":"✓ café"}');
  });

  it('a 304 and a 503 cross without a body, with their headers', async () => {
    const notModified = fromWire(across(await toWire(makeResponse({ status: 304, headers: { etag: '"e2"' } }), MAX_BODY_BYTES)));
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe('"e2"');
    const unavailable = fromWire(across(await toWire(makeResponse({ status: 503, headers: { 'retry-after': '120' }, body: 'busy' }), MAX_BODY_BYTES)));
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('120');
  });

  it('a body over the cap is not read or sent; the reader on the other side refuses it as too large', async () => {
    const big = 'x'.repeat(64);
    const wire = await toWire(makeResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: big }), 32);
    expect(wire.body).toBeNull();
    expect(wire.headers.filter(([n]) => n === 'content-length')).toEqual([['content-length', '33']]);
    const read = await httpGet('https://status.example.com/api', { fetch: () => Promise.resolve(fromWire(across(wire))), now: () => NOW }, 'application/json', 32);
    expect(read).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('tells its messages from any other', () => {
    expect(isParseRequest({ type: 'parse', id: 'a', op: 'status' })).toBe(true);
    expect(isParseRequest({ type: 'parse', id: 'a', op: 'write' })).toBe(false);
    expect(isParseRequest({ type: 'refresh' })).toBe(false);
    expect(isParseRequest(null)).toBe(false);
    expect(isFetchRequest({ type: 'parser-fetch', id: 'a', url: 'https://x.test/', init: {} })).toBe(true);
    expect(isFetchRequest({ type: 'parser-fetch', id: 'a', url: 'https://x.test/' })).toBe(false);
    expect(isFetchRequest({ type: 'tick' })).toBe(false);
    expect(isParseRequest({ type: 'parse', id: 'a', op: 'after-poll' })).toBe(true);
    expect(isParseRequest({ type: 'parse', id: 'a', op: 'toString' })).toBe(false);
  });

  it('takes a storage or notifications call only with every field of its kind', () => {
    const note = { type: 'basic', iconUrl: 'icon/128.png', title: 'T', message: 'M' };
    const good = [
      { type: 'parser-call', api: 'storage', op: 'get', area: 'local', keys: ['observed', 'observed$'] },
      { type: 'parser-call', api: 'storage', op: 'set', area: 'session', items: { health: {} } },
      { type: 'parser-call', api: 'notifications', op: 'create', notificationId: 'ai-status-cursor', options: note },
      { type: 'parser-call', api: 'notifications', op: 'clear', notificationId: 'ai-status-cursor' },
    ];
    for (const call of good) {
      expect(isWorkerCall(across(call)), JSON.stringify(call)).toBe(true);
      expect(isDocumentCall(call)).toBe(true);
    }
    const bad = [
      { type: 'parser-call', api: 'storage', op: 'get', area: 'sync', keys: ['a'] },
      { type: 'parser-call', api: 'storage', op: 'get', area: 'local', keys: [1] },
      { type: 'parser-call', api: 'storage', op: 'get', area: 'local', keys: 'a' },
      { type: 'parser-call', api: 'storage', op: 'set', area: 'local', items: ['a'] },
      { type: 'parser-call', api: 'storage', op: 'clear', area: 'local' },
      { type: 'parser-call', api: 'notifications', op: 'create', notificationId: 'x', options: { ...note, type: 'image' } },
      { type: 'parser-call', api: 'notifications', op: 'create', notificationId: 'x' },
      { type: 'parser-call', api: 'notifications', op: 'clear' },
      { type: 'parser-call', api: 'tabs', op: 'create' },
      { type: 'refresh' },
      null,
      'parser-call',
    ];
    for (const call of bad) expect(isWorkerCall(call), JSON.stringify(call)).toBe(false);
    expect(isDocumentCall({ type: 'parser-fetch', id: 'a', url: 'https://x.test/', init: {} })).toBe(true);
    expect(isDocumentCall({ type: 'refresh' })).toBe(false);
  });
});
