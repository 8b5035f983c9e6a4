import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noEval } from './scripts/vite-no-eval';
import { OPTIONAL_ORIGINS, REQUIRED_ORIGINS } from './lib/providers/permissions';


export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip (for Firefox review) needs the code, not the tests, captures or screenshots.
  zip: { excludeSources: ['tests/**', 'docs/**', 'bench/**', 'test-results/**', '.ci/**'] },
  vite: () => ({
    plugins: [preact(), noEval()],
    // Extension pages support modulepreload natively; the polyfill only costs popup bytes.
    build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'storage', 'notifications'],
    // Both derive from the catalog: the default services are required, every other service and
    // any page added by URL is asked for when the user turns it on (docs/ARCHITECTURE.md).
    host_permissions: [...REQUIRED_ORIGINS],
    optional_host_permissions: [...OPTIONAL_ORIGINS],
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
