import { describe, expect, it, vi } from 'vitest';
import { offscreenDocument, PARSER_JUSTIFICATION, type OffscreenApi } from '../../../lib/parsing/document';

function fakeOffscreen(create: () => Promise<void> = () => Promise.resolve()) {
  let open = false;
  const api = {
    hasDocument: vi.fn(() => Promise.resolve(open)),
    createDocument: vi.fn(async () => {
      await create();
      open = true;
    }),
    closeDocument: vi.fn(() => {
      open = false;
      return Promise.resolve();
    }),
  } satisfies OffscreenApi;
  return { api, set: (value: boolean) => void (open = value) };
}

describe('the parsing document in Chrome', () => {
  it('is made as a DOM parser with its reason, once; closed only when there is one', async () => {
    const { api } = fakeOffscreen();
    const doc = offscreenDocument(api, '/parser.html');
    await doc.close();
    expect(api.closeDocument).not.toHaveBeenCalled();
    await doc.open();
    await doc.open();
    expect(api.createDocument).toHaveBeenCalledTimes(1);
    expect(api.createDocument).toHaveBeenCalledWith({ url: '/parser.html', reasons: ['DOM_PARSER'], justification: PARSER_JUSTIFICATION });
    await doc.close();
    expect(api.closeDocument).toHaveBeenCalledTimes(1);
  });

  it('one left open by an earlier worker, or made meanwhile, is used; any other failure is told', async () => {
    const left = fakeOffscreen();
    left.set(true);
    await offscreenDocument(left.api, '/parser.html').open();
    expect(left.api.createDocument).not.toHaveBeenCalled();

    const raced = fakeOffscreen(() => Promise.reject(new Error('Only a single offscreen document may be created.')));
    await expect(offscreenDocument(raced.api, '/parser.html').open()).resolves.toBeUndefined();

    const broken = fakeOffscreen(() => Promise.reject(new Error('Page failed to load.')));
    await expect(offscreenDocument(broken.api, '/parser.html').open()).rejects.toThrow('Page failed to load.');
  });
});
