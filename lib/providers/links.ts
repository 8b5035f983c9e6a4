/**
 * Links from the network are only followed when they are `https:` on the provider's own page
 * host (docs/ARCHITECTURE.md#security). Pure; shared by the adapters and the views.
 */

/** `url` if it is an `https:` URL on the host of `pageUrl`, else null. */
export function safeLink(url: string | null | undefined, pageUrl: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
    return parsed.host === new URL(pageUrl).host ? parsed.href : null;
  } catch {
    return null;
  }
}
