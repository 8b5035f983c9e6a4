/**
 * Step 1 of "add a status page by URL": the page a pasted URL stands for. Zod-free and
 * network-free, so the dashboard can check a URL (and ask for the right origin's permission)
 * inside the click handler, before anything else; the detector (`detect.ts`) uses the same rules.
 */

/** A normalized user URL. */
export type NormalizedUrl =
  | { ok: true; pageUrl: string; host: string; google: boolean; product: string | null }
  | { ok: false; reason: 'invalid-url' | 'not-https'; detail: string };

const GOOGLE_HOSTS = new Set(['www.google.com', 'google.com']);
const GOOGLE_DASHBOARD = 'https://www.google.com/appsstatus/dashboard';

/** Step 1: the page URL a pasted URL stands for. */
export function normalizeStatusUrl(input: string): NormalizedUrl {
  const text = (input ?? '').trim();
  if (!text) return { ok: false, reason: 'invalid-url', detail: 'empty' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(javascript|data|mailto|file|about|blob|vbscript|tel|ftp):/i.test(text);
  const withScheme = hasScheme ? text : `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'invalid-url', detail: 'does not parse as a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https', detail: `${url.protocol} URL` };
  if (url.username || url.password) return { ok: false, reason: 'invalid-url', detail: 'URL carries credentials' };
  const host = url.hostname.toLowerCase();
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.') || !/^[a-z0-9.-]+$/.test(host)) {
    return { ok: false, reason: 'invalid-url', detail: 'not a public host name' };
  }
  if (GOOGLE_HOSTS.has(host) && url.pathname.toLowerCase().startsWith('/appsstatus')) {
    const product = /\/products\/([^/?#]+)/.exec(url.pathname)?.[1];
    let decoded: string | null = null;
    try {
      decoded = product ? decodeURIComponent(product) : null;
    } catch {
      decoded = null;
    }
    return { ok: true, pageUrl: GOOGLE_DASHBOARD, host: 'www.google.com', google: true, product: decoded };
  }
  return { ok: true, pageUrl: url.origin, host: url.host.toLowerCase(), google: false, product: null };
}

