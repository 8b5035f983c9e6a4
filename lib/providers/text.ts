/**
 * Turning untrusted status text into plain text. Statuspage update bodies are usually plain text
 * but may carry HTML formatting; benign formatting is reduced to its text with cheerio. Anything
 * with active markup, and anything else, is kept literally: views render it as text, so a
 * `<script>` stays visible and inert, and a user sees exactly what the page sent.
 */
import { load } from 'cheerio/slim';

// Markup that could act (scripts, handlers, embeds) marks a body as hostile: it stays literal text.
const ACTIVE_MARKUP = /<\s*\/?\s*(script|iframe|img|svg|object|embed|style|link|meta|form|input|math|video|audio|source)\b|\son\w+\s*=|javascript:/i;
const FORMATTING_TAG = /<\/?(p|br|a|ul|ol|li|strong|em|b|i|u|code|pre|div|span|h[1-6]|blockquote)(\s[^>]*)?\/?>/i;
const MAX_TEXT = 4_000;

/** Plain text of an incident body, clipped to a sane length. */
export function plainText(value: string | null | undefined): string {
  if (!value) return '';
  let text = value;
  if (FORMATTING_TAG.test(text) && !ACTIVE_MARKUP.test(text)) {
    const $ = load(text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|li|div|h[1-6])>/gi, '$&\n'));
    text = $.root().text();
  }
  // Markdown links ("[label](url)") read as their label; the URL is never made clickable.
  text = text.replace(/\[([^\]\n]{1,200})\]\((?:https?:|mailto:)[^)\s]{1,500}(?:\s+"[^"\n]*")?\)/g, '$1');
  text = text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A single-line label (titles, names): whitespace folded, clipped. */
export function plainLine(value: string | null | undefined, max = 300): string {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
