/**
 * Turning untrusted status text into plain text, in the worker (adapters only: neither cheerio
 * nor the Markdown reader may reach the popup or dashboard bundles).
 *
 * - HTML: Statuspage update bodies may carry benign HTML formatting; it is reduced to its text with
 *   cheerio. Anything with active markup (scripts, handlers, embeds, `javascript:`) is kept
 *   literally: views render it as text, so a `<script>` stays visible and inert.
 * - Markdown (incident.io bodies, some Statuspage ones): read by our own CommonMark + GFM
 *   reader (`./markdown`) straight to text: no `**`, `#` or code fences; links read as their text
 *   (never made clickable), images as their alt text, list items as lines ("• item", "1. item"),
 *   tables as rows. Raw HTML inside Markdown stays literal text. Never HTML out.
 */
import { load } from 'cheerio/slim';
import { markdownPlainText } from './markdown';

// Markup that could act (scripts, handlers, embeds) marks a body as hostile: it stays literal text.
const ACTIVE_MARKUP = /<\s*\/?\s*(script|iframe|img|svg|object|embed|style|link|meta|form|input|math|video|audio|source)\b|\son\w+\s*=|javascript:/i;
const FORMATTING_TAG = /<\/?(p|br|a|ul|ol|li|strong|em|b|i|u|code|pre|div|span|h[1-6]|blockquote)(\s[^>]*)?\/?>/i;
// Something only Markdown would write: emphasis, headings, fences, list items, links, code spans,
// quotes, backslash escapes. Plain sentences are left exactly as they are.
const MARKDOWN =
  /\*\*[^*\n]|__[^_\n]|~~[^~\n]|^ {0,3}#{1,6}[ \t]|^ {0,3}(?:```|~~~)|^ {0,3}[-*+][ \t]+\S|^ {0,3}\d{1,9}[.)][ \t]+\S|\]\([^)\s]+|`[^`\n]+`|^ {0,3}>|\\[\\`*_{}[\]()#+\-.!|~]|(?:^|\s)[*_][^*_\s][^*_\n]*[*_](?:\s|$|[.,;:!?])/m;
const MAX_TEXT = 4_000;
/** Longer input is cut before parsing (only `MAX_TEXT` characters are ever shown): bounds the cost of a hostile body. */
const MAX_PARSED = 8_000;

/** Markdown → plain text (see the module comment); the input unchanged when it has no Markdown. */
export function markdownToText(value: string): string {
  if (!MARKDOWN.test(value)) return value;
  try {
    return markdownPlainText(value.length > MAX_PARSED ? value.slice(0, MAX_PARSED) : value);
  } catch {
    return value;
  }
}

/** Plain text of an incident body, clipped to a sane length. */
export function plainText(value: string | null | undefined): string {
  if (!value) return '';
  let text = value.replace(/\r\n?/g, '\n');
  const active = ACTIVE_MARKUP.test(text);
  if (!active && FORMATTING_TAG.test(text)) {
    const $ = load(text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|li|div|h[1-6])>/gi, '$&\n'));
    text = $.root().text();
  }
  if (!active) text = markdownToText(text);
  text = text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A single-line label (titles, names): whitespace folded, clipped. */
export function plainLine(value: string | null | undefined, max = 300): string {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
