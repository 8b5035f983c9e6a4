/**
 * Fuzz: the HTML fallback (Statuspage page rows read with cheerio) — directly through
 * `statusFromHtml`, and through `fetchStatus` when the JSON API is challenged. Generated pages with
 * random rows, groups and hostile names; the real captures cut, spliced and duplicated; random
 * markup. The result is null (no rows) or a valid status read from HTML, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusFromHtml } from '../../../lib/providers/html-fallback';
import type { StatusOutcome } from '../../../lib/providers/types';
import { FIX, ctx, def, fakeFetch, loadFixture, pageUrl, summaryUrl, type FakeReply } from '../helpers';
import { NOW, RUNS, TIMEOUT_MS, assertProperty, checkStatus, checkStatusOutcome, componentStatusArb, htmlArb, idArb, replyArb, respond, textArb } from './arbitraries';

const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The parser gets its RUNS pages directly; this many more go through the whole adapter path. */
const VIA_FETCH_RUNS = Math.ceil(RUNS / 5);

/** An attribute value, sometimes left unescaped so the markup breaks. */
const attr = (value: string, escape: boolean) => (escape ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : value);

const rowArb = fc.record({
  id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/), idArb),
  status: componentStatusArb,
  name: textArb,
  escape: fc.boolean(),
  wrapper: fc.constantFrom('component-container border-color', 'component-container is-group', 'x'),
  inner: fc.constantFrom('component-inner-container status-green', 'component-inner-container', 'component-inner'),
  nameTag: fc.constantFrom('span class="name"', 'span class="nom"', 'div class="name"'),
});

const pageArb = fc
  .record({
    indicator: fc.constantFrom('none', 'minor', 'major', 'critical', 'maintenance', 'bogus', ''),
    description: textArb,
    rows: fc.array(rowArb, { maxLength: 12 }),
    group: fc.option(fc.record({ name: textArb, children: fc.array(rowArb, { maxLength: 4 }) }), { nil: null }),
    closeTags: fc.boolean(),
  })
  .map(({ indicator, description, rows, group, closeTags }) => {
    const row = (r: (typeof rows)[number]) =>
      `<div class="${r.wrapper}"><div data-component-id="${attr(r.id, r.escape)}" class="${r.inner}" data-component-status="${attr(r.status, r.escape)}"><${r.nameTag}>${r.name}</${r.nameTag.split(' ')[0]}>${closeTags ? '</div></div>' : ''}`;
    const grouped = group
      ? `<div class="component-container is-group"><div data-component-id="grp0" class="component-inner-container" data-component-status="operational"><span class="name">${group.name}</span></div><div class="child-components-container">${group.children.map(row).join('')}</div></div>`
      : '';
    return `<!doctype html><html><body><div class="page-status status-${indicator}"><span class="status">${description}</span></div><div class="components-container">${rows.map(row).join('')}${grouped}</div></body></html>`;
  });

/** A real capture with random cuts, insertions and duplications. */
const editedRealArb = fc
  .tuple(
    fc.constantFrom(loadFixture(FIX.cursorPage), loadFixture(FIX.cursorGrokHtml), loadFixture(FIX.challengePage)),
    fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 400 }), kind: fc.constantFrom('cut', 'insert', 'duplicate'), text: fc.oneof(htmlArb, textArb) }), { minLength: 1, maxLength: 4 }),
  )
  .map(([html, edits]) => {
    let out = html;
    for (const e of edits) {
      const at = e.at % Math.max(1, out.length);
      if (e.kind === 'cut') out = out.slice(0, at) + out.slice(at + e.len);
      else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
      else out = out.slice(0, at) + out.slice(at, at + e.len) + out.slice(at);
    }
    return out;
  });

const anyPageArb = fc.oneof({ weight: 3, arbitrary: pageArb }, { weight: 3, arbitrary: editedRealArb }, { weight: 1, arbitrary: htmlArb }, { weight: 1, arbitrary: fc.string({ maxLength: 300 }) });

describe('fuzz: HTML fallback', () => {
  it(
    `statusFromHtml: ${RUNS} generated and edited pages → null or a valid status, never a throw`,
    async () => {
      let read = 0;
      await assertProperty(
        fc.property(fc.constantFrom('anthropic' as const, 'cursor' as const), anyPageArb, (id, html) => {
          const provider = def(id);
          const status = statusFromHtml(html, provider, NOW);
          if (status === null) return;
          read++;
          checkStatus(status, id, provider.pageUrl);
          if (status.via !== 'html') throw new Error('via is not html');
          if (status.incidents.length || status.maintenances.length) throw new Error('incidents read from HTML');
          const bad = status.components.find((c) => !ROW_ID.test(c.id));
          if (bad) throw new Error(`row id ${JSON.stringify(bad.id)} accepted`);
          if (new Set(status.components.map((c) => c.id)).size !== status.components.length) throw new Error('duplicate rows');
        }),
      );
      expect(read).toBeGreaterThan(RUNS * 0.2);
    },
    TIMEOUT_MS,
  );

  it(
    `fetchStatus with a challenged API: ${VIA_FETCH_RUNS} more pages → a status read from HTML or a reason, never a throw`,
    async () => {
      let fromHtml = 0;
      await assertProperty(
        fc.asyncProperty(
          fc.constantFrom('anthropic' as const, 'cursor' as const),
          fc.constantFrom<FakeReply>(
            { status: 403, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Attention Required</title>' },
            { status: 405, headers: {}, body: '' },
            { status: 200, headers: { 'content-type': 'text/html' }, body: loadFixture(FIX.challengePage) },
          ),
          replyArb(anyPageArb),
          async (id, challenge, page) => {
            const provider = def(id);
            const fetch = fakeFetch({ [summaryUrl(id)]: () => respond(challenge), [pageUrl(id)]: () => respond(page) });
            const outcome: StatusOutcome = await provider.adapter.fetchStatus(provider, ctx(fetch, NOW));
            checkStatusOutcome(outcome, id, provider.pageUrl);
            if (outcome.ok && !outcome.notModified) {
              fromHtml++;
              if (outcome.status.via !== 'html') throw new Error('a challenged API produced an API status');
            }
          },
        ),
        VIA_FETCH_RUNS,
      );
      expect(fromHtml).toBeGreaterThan(VIA_FETCH_RUNS * 0.1);
    },
    TIMEOUT_MS,
  );
});
