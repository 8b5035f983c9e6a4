// `npm test`: typecheck, lint, unit tests, build, Firefox lint, then the end-to-end suites in
// Chromium and Firefox (side by side). Stops at the first failing step before the end-to-end
// suites; runs both of those and fails if either does.
//
// The browsers are made sure of (scripts/ensure-browsers.mjs: on a fresh Debian machine an apt
// install of about a minute) while the checks before them run, not after: that minute is mostly
// download and unpacking, which the CPU-bound steps hardly feel. Its output is held back and
// printed when the end-to-end suites need the browsers, so the two logs do not interleave.
import { spawn } from 'node:child_process';

/**
 * Runs a command; resolves with its exit code and, when `quiet`, its output — held back rather than
 * shown, for a step that runs beside another.
 */
function run(command, args, quiet = false) {
  return new Promise((resolve) => {
    const out = [];
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => out.push(chunk));
    child.on('error', (error) => resolve({ code: 127, output: String(error) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(out).toString() }));
  });
}

const npmRun = (script, quiet = false) => run('npm', ['run', script], quiet);

async function main() {
  const browsers = run(process.execPath, ['scripts/ensure-browsers.mjs'], true);
  for (const script of ['typecheck', 'lint:code', 'test:unit', 'build', 'lint:firefox']) {
    const { code } = await npmRun(script);
    if (code !== 0) {
      console.error(`npm test: ${script} failed (exit ${code})`);
      await browsers; // an apt install is not left running on its own
      return code;
    }
  }
  const ensured = await browsers;
  process.stdout.write(ensured.output);
  if (ensured.code !== 0) return ensured.code;
  // The two suites side by side: the Firefox one waits on alarms and page loads much of its
  // time, which the Chromium suite fills (about 40 s less than one after the other). Its output
  // comes after the Chromium suite's.
  const firefoxRun = npmRun('test:firefox', true);
  const chromium = await npmRun('test:e2e');
  const firefox = await firefoxRun;
  process.stdout.write(firefox.output);
  return chromium.code !== 0 ? chromium.code : firefox.code;
}

process.exitCode = await main();
