import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noEval } from './scripts/vite-no-eval';
import { OPTIONAL_ORIGINS, REQUIRED_ORIGINS } from './lib/providers/permissions';
import { E2E_GRANTED_ORIGINS } from './tests/support/e2e-build';

/**
 * TEST-ONLY build (`npm run build:e2e`, part of `npm run build`): `AI_STATUS_E2E_GRANT=1` writes
 * `.output/chrome-mv3-e2e`, whose manifest ALSO lists the hosts the end-to-end services tests ask
 * for (every optional catalog host and a few `.test` pages: tests/support/e2e-build.ts) in
 * `host_permissions`, so they are granted at install. Chrome's prompt for an optional host cannot
 * be answered from a test; a `permissions.request` for hosts already held resolves at once, so the
 * real click handlers run unchanged. Never ship it: the product builds (`.output/chrome-mv3`,
 * `.output/firefox-mv3`) are built without the variable and are unchanged by it.
 */
const E2E_GRANT = process.env.AI_STATUS_E2E_GRANT === '1';


export default defineConfig({
  ...(E2E_GRANT ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-e2e' } : {}),
  // The sources zip (for Firefox review) needs the code, not the tests, captures or screenshots.
  zip: { excludeSources: ['tests/**', 'docs/**', 'bench/**', 'test-results/**', '.ci/**'] },
  vite: () => ({
    plugins: [preact(), noEval()],
    build: {
      target: 'es2022',
      sourcemap: false,
      // Extension pages support modulepreload natively; the polyfill only costs popup bytes.
      modulePreload: { polyfill: false },
      // ASCII-only scripts ("…" written \u2026): the browser keeps their source one byte a
      // character and decodes it on its ASCII fast path (bench/README.md, "third pass").
      rollupOptions: { output: { charset: 'ascii' } },
    },
  }),
  hooks: {
    // Chrome's parsing document (lib/parsing/link.ts): a bare page running parser.js, the
    // adapters' own bundle (entrypoints/parser.ts). Firefox reads pages in its event page.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser === 'firefox') return;
      files.push({ relativeDest: 'parser.html', contents: '<!doctype html>\n<meta charset="utf-8">\n<title>AI Status reader</title>\n<script src="/parser.js"></script>\n' });
    },
    // The worker's large half with the adapters (lib/background/lazy-parts.ts): a Firefox event
    // page loads event-page-parts.js right after the worker (Chrome's worker has none).
    'build:manifestGenerated': (wxt, manifest) => {
      const background = manifest.background as { scripts?: string[] } | undefined;
      if (background?.scripts) background.scripts.push('event-page-parts.js');
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // offscreen (Chrome): the document that reads status pages off the worker (lib/parsing/link.ts).
    permissions: ['alarms', 'storage', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Both derive from the catalog: the default services are required, every other service and
    // any page added by URL is asked for when the user turns it on (docs/ARCHITECTURE.md).
    host_permissions: [...REQUIRED_ORIGINS, ...(E2E_GRANT ? E2E_GRANTED_ORIGINS : [])],
    optional_host_permissions: OPTIONAL_ORIGINS.filter((o) => !(E2E_GRANT && E2E_GRANTED_ORIGINS.includes(o))),
    action: { default_title: 'AI Status' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko_android: { strict_min_version: '142.0' },
            gecko: {
              id: 'ai-status@ai-status.dev',
              // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
