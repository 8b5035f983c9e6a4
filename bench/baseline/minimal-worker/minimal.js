// The bench's minimal MV3 worker (the baseline of the wake ratio): on any message, fetch one
// status URL and answer when the body is read. The query marks its requests in the bench's routes.
chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  fetch('https://status.claude.com/api/v2/summary.json?bench=minimal')
    .then((response) => response.text().then(() => sendResponse({ status: response.status })))
    .catch((error) => sendResponse({ error: String(error) }));
  return true;
});
