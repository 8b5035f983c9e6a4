// The blank page's content: three panels that carry a level, which is what the bench's probe
// waits for on the popup and the dashboard (bench/helpers.ts, `probe`). Three = the providers the
// bench stores data for (helpers.ts, PROVIDERS).
for (const id of ['one', 'two', 'three']) {
  const panel = document.createElement('section');
  panel.dataset.provider = id;
  panel.dataset.status = 'operational';
  panel.textContent = id;
  document.body.append(panel);
}
