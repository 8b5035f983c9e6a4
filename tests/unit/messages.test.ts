import { describe, expect, it, vi } from 'vitest';
import { answering, isBackgroundMessage } from '../../lib/messages';

describe('answering', () => {
  it('keeps the channel open and replies with what the handler resolves to', async () => {
    const reply = vi.fn();
    expect(answering(() => Promise.resolve({ result: 'polled' }))({ type: 'refresh' }, {}, reply)).toBe(true);
    await vi.waitFor(() => expect(reply).toHaveBeenCalledWith({ result: 'polled' }));
  });

  it('leaves a message that is not its own to other listeners', () => {
    const reply = vi.fn();
    expect(answering(() => undefined)({ type: 'other' }, {}, reply)).toBeUndefined();
    expect(reply).not.toHaveBeenCalled();
  });

  it('a failed answer is an empty reply, never an unanswered caller', async () => {
    const reply = vi.fn();
    expect(answering(() => Promise.reject(new Error('boom')))({ type: 'detect' }, {}, reply)).toBe(true);
    await vi.waitFor(() => expect(reply).toHaveBeenCalledWith(undefined));
  });
});

describe('isBackgroundMessage', () => {
  it('knows the four messages views send, and nothing else', () => {
    for (const type of ['refresh', 'tick', 'save-settings', 'detect']) expect(isBackgroundMessage({ type })).toBe(true);
    expect(isBackgroundMessage({ type: 'parser-fetch' })).toBe(false);
    expect(isBackgroundMessage(null)).toBe(false);
  });
});
