// The bench's minimal worker (../minimal-worker) plus the one thing AI Status's worker cannot
// avoid: its large half, worker-parts.js, imported at install, which Chrome hands to every later
// start of the worker even when unused (scripts/bench.mjs copies the script in from the build, and
// the minimal worker's page.html). On any message: fetch one status URL, like the minimal worker.
// The query marks its requests.
self.addEventListener('install', () => self.importScripts('/worker-parts.js'));
chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  fetch('https://status.claude.com/api/v2/summary.json?bench=parts')
    .then((response) => response.text().then(() => sendResponse({ status: response.status })))
    .catch((error) => sendResponse({ error: String(error) }));
  return true;
});
