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

/** The extension's locales (`public/_locales`); the first is the default (`default_locale`). */
export const MESSAGE_LOCALES = ['en', 'ko'] as const;
/** One of the extension's locales. */
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** The locale the browser reads the extension's messages in for a UI language (`ko-KR` → `ko`), else the default. */
export function messagesLocale(uiLanguage: string): MessageLocale {
  const language = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return MESSAGE_LOCALES.find((l) => l === language) ?? MESSAGE_LOCALES[0];
}

/**
 * A `Translate` for a UI language from the extension's messages files, the default locale's
 * filling any gap — what `i18n.getMessage` gives, where there is no `i18n` (Chrome's parsing document).
 */
export async function translateFor(uiLanguage: string, readMessages: (locale: MessageLocale) => Promise<MessagesFile>): Promise<Translate> {
  const locale = messagesLocale(uiLanguage);
  const fallback = MESSAGE_LOCALES[0];
  const [base, own] = await Promise.all([readMessages(fallback), locale === fallback ? Promise.resolve({}) : readMessages(locale)]);
  return translateFromMessages({ ...base, ...own });
}
