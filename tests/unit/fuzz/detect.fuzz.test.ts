/**
 * Fuzz: the platform detector on pasted text and on whatever the probed paths answer (each path
 * its own random reply: real captures of every platform, mutated documents, HTML, errors,
 * redirects to sign-in pages) — a valid preview or a typed failure with its message key, never a
 * throw, never more than 6 requests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECT_MESSAGE_KEYS, detectPlatform, normalizeStatusUrl } from '../../../lib/providers/detect';
import { ctx, fakeFetch, type FakeReply } from '../helpers';
import {
  NOW,
  NASTY,
  RUNS,
  TIMEOUT_MS,
  assertProperty,
  betterstackIndexArb,
  bodyOf,
  checkStatus,
  fixtures,
  instatusSummaryArb,
  mutated,
  nativeSummaryArb,
  rawBodyArb,
  replyArb,
  respond,
  summaryArb,
  textArb,
} from './arbitraries';

/** Each run probes up to 6 paths: a fifth of the runs keeps the suite as long as one adapter's. */
const DETECT_RUNS = Math.ceil(RUNS / 5);

const ORIGIN = 'https://status.example-ai.com';
const PATHS = ['/api/v2/summary.json', '/proxy/status.example-ai.com', '/index.json', '/summary.json', '/v3/components.json', '/'];

const bodyArb = fc.oneof(
  { weight: 2, arbitrary: bodyOf(fc.oneof(summaryArb, nativeSummaryArb, betterstackIndexArb, instatusSummaryArb)) },
  {
    weight: 2,
    arbitrary: bodyOf(
      mutated(
        fixtures(
          'anthropic/summary-minor-partial-outage-investigating-2026-09-22.json',
          'openai/summary-incidentio-compat-all-operational-2026-09-15.json',
          'incidentio/perplexity-proxy-summary-all-operational-2026-10-06.json',
          'betterstack/betterstack-own-index-operational-resolved-reports-trimmed-2026-09-07.json',
          'instatus/instatus-demo-summary-hasissues-2-open-incidents.json',
          'instatus/gcore-v3-components-truncated-6.json',
        ),
      ),
    ),
  },
  { weight: 2, arbitrary: rawBodyArb },
);

const probeReplyArb = fc.record({
  reply: fc.oneof({ weight: 4, arbitrary: replyArb(bodyArb) }, { weight: 1, arbitrary: fc.constant<FakeReply>({ status: 404, headers: { 'content-type': 'text/html' }, body: '<!doctype html>' }) }),
  finalUrl: fc.option(fc.constantFrom('https://sso.example-ai.com/login', 'https://status.example-ai.com/users/sign_in', 'https://other.example/x', 'http://status.example-ai.com/'), { nil: undefined, freq: 4 }),
  fail: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
});

describe('fuzz: platform detector', () => {
  it(`normalizeStatusUrl: ${RUNS} pasted strings → a page URL or a reason, never a throw`, () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.constantFrom(...NASTY), fc.webUrl(), fc.webUrl().map((u) => u.replace(/^https?:\/\//, ''))), (input) => {
        const n = normalizeStatusUrl(input);
        if (n.ok) {
          if (!n.pageUrl.startsWith('https://')) throw new Error(`not https: ${n.pageUrl}`);
          if (new URL(n.pageUrl).origin !== n.pageUrl && !n.google) throw new Error(`not an origin: ${n.pageUrl}`);
        } else if (!['invalid-url', 'not-https'].includes(n.reason)) throw new Error(n.reason);
      }),
      { numRuns: RUNS, seed: 20261010 },
    );
  });

  it(
    `detectPlatform: ${DETECT_RUNS} pages whose every path answers at random → a preview or a typed failure, never a throw`,
    async () => {
      let found = 0;
      await assertProperty(
        fc.asyncProperty(fc.array(probeReplyArb, { minLength: PATHS.length, maxLength: PATHS.length }), async (answers) => {
          const routes = Object.fromEntries(
            PATHS.map((path, i) => {
              const a = answers[i]!;
              return [
                `${ORIGIN}${path}`,
                () => {
                  if (a.fail) return Promise.reject(new TypeError('Failed to fetch'));
                  const response = respond(a.reply);
                  if (a.finalUrl) {
                    Object.defineProperty(response, 'url', { value: a.finalUrl });
                    Object.defineProperty(response, 'redirected', { value: true });
                  }
                  return response;
                },
              ];
            }),
          );
          const fetch = fakeFetch(routes);
          const result = await detectPlatform(`${ORIGIN}/some/page`, ctx(fetch, NOW));
          if (result.requests !== fetch.calls.length || fetch.calls.length > 6) throw new Error(`${fetch.calls.length} requests, ${result.requests} counted`);
          // Only https, and only the page's host or the https host a probe was redirected to.
          const allowed = new Set([new URL(ORIGIN).host, ...answers.filter((a) => a.finalUrl?.startsWith('https:')).map((a) => new URL(a.finalUrl!).host)]);
          for (const call of fetch.calls) if (!call.url.startsWith('https://') || !allowed.has(new URL(call.url).host)) throw new Error(`unexpected request ${call.url}`);
          if (!result.ok) {
            if (result.messageKey !== DETECT_MESSAGE_KEYS[result.reason]) throw new Error(`message key ${result.messageKey}`);
            return;
          }
          found++;
          checkStatus(result.status, result.providerId, result.pageUrl);
          if (!result.pageUrl.startsWith('https://')) throw new Error(`page ${result.pageUrl}`);
          if (!/^custom:[a-z0-9.-]+$/.test(result.providerId)) throw new Error(`id ${result.providerId}`);
          if (result.name.length === 0 || result.name.length > 300 || /[\n\t]/.test(result.name)) throw new Error(`name ${JSON.stringify(result.name)}`);
        }),
        DETECT_RUNS,
      );
      expect(found).toBeGreaterThan(DETECT_RUNS * 0.1);
    },
    TIMEOUT_MS,
  );
});
