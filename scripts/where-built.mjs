// Prints where `npm run build` put the unpacked extensions.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

for (const [browser, dir] of [['Chrome', '.output/chrome-mv3'], ['Firefox', '.output/firefox-mv3']]) {
  const path = resolve(dir);
  console.log(existsSync(`${path}/manifest.json`) ? `${browser}: load unpacked from ${path}` : `${browser}: build missing at ${path}`);
}
