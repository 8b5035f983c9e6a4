/**
 * Message lookup. All user-visible strings live in `public/_locales/{en,ko}/messages.json`; code
 * receives a `Translate` function so pure modules and components never touch `browser.i18n`.
 */

/** Looks a message up by key with optional substitutions. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Wraps a `getMessage`-like function; a missing key shows as the key (visible in tests). */
export function createTranslate(getMessage: (key: string, subs?: string | string[]) => string): Translate {
  return (key, substitutions) => getMessage(key, substitutions) || key;
}

/** Messages file shape (`public/_locales/<lang>/messages.json`). */
export type MessagesFile = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A `Translate` over a messages file, resolving `$NAME$` placeholders like the browser does. */
export function translateFromMessages(messages: MessagesFile): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const named = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, ph]) => [name.toLowerCase(), Number(ph.content.replace('$', '')) - 1]),
    );
    // One pass with a function replacer: substituted text (network names) is inserted literally.
    return entry.message.replace(/\$([A-Za-z_]\w*)\$|\$(\d)/g, (match, name: string | undefined, digit: string | undefined) => {
      const index = name !== undefined ? named.get(name.toLowerCase()) : Number(digit) - 1;
      if (index === undefined) return match;
      return subs[index] ?? '';
    });
  };
}
