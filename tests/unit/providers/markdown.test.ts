import { describe, expect, it } from 'vitest';
import { markdownPlainText as md } from '../../../lib/providers/markdown';

describe('markdownPlainText: emphasis', () => {
  it('drops **, __, *, _ and ~~ where they pair up', () => {
    expect(md('We **identified** the cause: a _bad_ deploy, *really* __bad__.')).toBe('We identified the cause: a bad deploy, really bad.');
    expect(md('API: ~~degraded~~ recovering, ~gone~')).toBe('API: degraded recovering, gone');
    expect(md('***both*** and **_mixed_** and *a **b** c*')).toBe('both and mixed and a b c');
    expect(md('**Summary:**\nText\n**Next update:** 12:00 UTC')).toBe('Summary:\nText\nNext update: 12:00 UTC');
  });

  it('keeps marks that do not pair, or sit inside words and numbers', () => {
    expect(md('**unclosed bold')).toBe('**unclosed bold');
    expect(md('snake_case_name and a_b_c.txt')).toBe('snake_case_name and a_b_c.txt');
    expect(md('Latency 5*3 ms, cost 2 * 4')).toBe('Latency 5*3 ms, cost 2 * 4');
    // a lone `*` between digits is multiplication, so the bold around it still pairs
    expect(md('5*3 **x 5*3 y**')).toBe('5*3 x 5*3 y');
    expect(md('range ~~~5~~~ and 5~10')).toBe('range ~~~5~~~ and 5~10');
  });

  it('pairs by the CommonMark rules (rule of 3, punctuation flanking)', () => {
    expect(md('*foo**bar**baz*')).toBe('foobarbaz');
    expect(md('**foo*bar**')).toBe('foo*bar');
    expect(md('x **"quoted"** y and **🚀 Launch** done')).toBe('x "quoted" y and 🚀 Launch done');
    expect(md('a ** b ** c')).toBe('a ** b ** c');
  });
});

describe('markdownPlainText: headings and rules', () => {
  it('reads ATX headings as their text, without closing hashes', () => {
    expect(md('# Incident Report\n## Summary ##\nText right after')).toBe('Incident Report\n\nSummary\n\nText right after');
    expect(md('### C# #')).toBe('C#');
    expect(md('#1 priority and #hashtag')).toBe('#1 priority and #hashtag');
  });

  it('reads setext headings as their text', () => {
    expect(md('Title\n=====\n\nSub\n---\nbody')).toBe('Title\n\nSub\n\nbody');
  });

  it('drops horizontal rules', () => {
    expect(md('above\n\n---\n\n***\n\n_ _ _\n\nbelow')).toBe('above\n\nbelow');
  });
});

describe('markdownPlainText: code', () => {
  it('keeps code spans as their content', () => {
    expect(md('a bad deploy of `api-gateway`, ``code with ` tick`` and `` `x` ``')).toBe('a bad deploy of api-gateway, code with ` tick and `x`');
    expect(md('x `**not bold**` y')).toBe('x **not bold** y');
    expect(md('`unclosed code')).toBe('`unclosed code');
  });

  it('keeps fenced and indented code blocks as their lines, without fences', () => {
    expect(md('```json\n{"a": 1}\n```\nafter')).toBe('{"a": 1}\n\nafter');
    expect(md('~~~\nHTTP 503 upstream_error\n~~~')).toBe('HTTP 503 upstream_error');
    expect(md('Text\n\n    $ curl https://api.example.com\n    HTTP/1.1 500\n\nAfter.')).toBe('Text\n\n$ curl https://api.example.com\nHTTP/1.1 500\n\nAfter.');
    expect(md('```\nunclosed fence\n**kept**')).toBe('unclosed fence\n**kept**');
  });
});

describe('markdownPlainText: links and images', () => {
  it('reads links as their text, never their URL', () => {
    expect(md('See [the incident](https://status.openai.com/incidents/01M3) now')).toBe('See the incident now');
    expect(md('[t](https://x.com "Title") [u](<https://x.com/a b>) [w](https://en.wikipedia.org/wiki/Foo_(bar))')).toBe('t u w');
    expect(md('email [support@openai.com](mailto:support@openai.com "support@openai.com").')).toBe('email support@openai.com.');
    expect(md('[link **bold**](https://x.com) and [a [b](c) d](e)')).toBe('link bold and [a b d](e)');
  });

  it('reads reference links as their text and drops the definitions', () => {
    expect(md('See [the post][1] and [docs][].\n\n[1]: https://x.com/post "Post"\n[docs]: https://x.com/docs')).toBe('See the post and docs.');
    expect(md('[not a link][nowhere]')).toBe('[not a link][nowhere]');
  });

  it('reads autolinks as the URL and leaves bare URLs as they are', () => {
    expect(md('or <https://status.openai.com>, <support@openai.com>')).toBe('or https://status.openai.com, support@openai.com');
    expect(md('Visit https://x.com/__init__/a_b_c_ now.')).toBe('Visit https://x.com/__init__/a_b_c_ now.');
    expect(md('**https://x.com/a**')).toBe('https://x.com/a');
    expect(md('[see https://status.openai.com](https://status.openai.com)')).toBe('see https://status.openai.com');
  });

  it('resolves escapes in a bare URL (incident.io escapes dots and underscores)', () => {
    expect(md('see https://status\\.openai\\.com/x\\_y\\.')).toBe('see https://status.openai.com/x_y.');
  });

  it('reads images as their alt text', () => {
    expect(md('![status graph](https://status.openai.com/x.png) **Resolved**')).toBe('status graph Resolved');
    expect(md('![**alt**](x.png) and ![](y.png)')).toBe('alt and ');
  });

  it('leaves unfinished links literal', () => {
    expect(md('[broken](https://x.com and [no link] and ]')).toBe('[broken](https://x.com and [no link] and ]');
  });
});

describe('markdownPlainText: lists', () => {
  it('writes bullets as "• " lines and ordered items with their numbers', () => {
    expect(md('- Chat: recovered\n* API: degraded\n\n1. Roll back\n2. Monitor')).toBe('• Chat: recovered\n\n• API: degraded\n\n1. Roll back\n2. Monitor');
    expect(md('1) a\n1) b\n1) c')).toBe('1. a\n2. b\n3. c');
  });

  it('keeps the start number of an ordered list', () => {
    expect(md('3. three\n4. four')).toBe('3. three\n4. four');
    expect(md('10. ten\n11. eleven')).toBe('10. ten\n11. eleven');
  });

  it('indents nested items and continuation lines by two spaces', () => {
    expect(md('- API\n  - Batch jobs: queued\n    - deeper\n- Chat')).toBe('• API\n  • Batch jobs: queued\n    • deeper\n• Chat');
    expect(md('1. First line\n   continued\n\n   second paragraph\n2. Next')).toBe('1. First line\n  continued\n  second paragraph\n2. Next');
    expect(md('- a\nlazy line')).toBe('• a\n  lazy line');
  });

  it('drops task checkboxes', () => {
    expect(md('- [ ] todo\n- [x] done')).toBe('• todo\n• done');
  });

  it('does not start a list inside a sentence', () => {
    expect(md('Fixed in\n2. release')).toBe('Fixed in\n2. release');
    expect(md('Para\n- item')).toBe('Para\n\n• item');
  });
});

describe('markdownPlainText: quotes, tables, HTML', () => {
  it('reads block quotes as their text', () => {
    expect(md('> Thanks for your patience.\n> More.\n\n> > nested')).toBe('Thanks for your patience.\nMore.\n\nnested');
    expect(md('> a\nlazy')).toBe('a\nlazy');
    expect(md('> # Heading\n> - item')).toBe('Heading\n\n• item');
  });

  it('reads GFM tables as rows of cells joined by " · ", header first, without the delimiter row', () => {
    expect(md('| Region | State |\n|---|:--:|\n| EU | **ok** |\n| US | [down](https://x.com) |')).toBe('Region · State\nEU · ok\nUS · down');
    expect(md('Region | State\n--- | ---\nEU | ok')).toBe('Region · State\nEU · ok');
    expect(md('Before\n| a \\| b | c |\n|---|---|\n| `x` | y | extra |\n| z |\n\nAfter')).toBe('Before\n\na | b · c\nx · y\nz · \n\nAfter');
    expect(md('| a | b |\n|---|\n| c |')).toBe('| a | b |\n|---|\n| c |');
  });

  it('reads a table written right under a list item as part of that item', () => {
    expect(md('- Item\n| R | S |\n|---|---|\n| EU | ok |')).toBe('• Item\n  R · S\n  EU · ok');
    // a lazy row needs a pipe: the sentence after a quoted table is its own paragraph
    expect(md('> | a | b |\n> |---|---|\n> | c | d |\nThanks.')).toBe('a · b\nc · d\n\nThanks.');
  });

  it('keeps raw HTML literally, as text', () => {
    expect(md('**Fixed** <mark>now</mark>')).toBe('Fixed <mark>now</mark>');
    expect(md('<div>\n**not md**\n</div>\n\n**md**')).toBe('<div>\n**not md**\n</div>\n\nmd');
    expect(md('a <!-- note --> b and <span class="x_y">a_b</span>')).toBe('a <!-- note --> b and <span class="x_y">a_b</span>');
    expect(md('a < b > c **d**')).toBe('a < b > c d');
  });
});

describe('markdownPlainText: escapes, breaks, paragraphs, entities', () => {
  it('resolves backslash escapes', () => {
    expect(md('Errors for INTERNAL\\_ERROR ended at 10:02 UTC\\.')).toBe('Errors for INTERNAL_ERROR ended at 10:02 UTC.');
    expect(md('\\*not em\\* \\# \\[x\\](y) C:\\Users \\q')).toBe('*not em* # [x](y) C:\\Users \\q');
    expect(md('\\# not a heading\n\n1\\. not a list')).toBe('# not a heading\n\n1. not a list');
  });

  it('separates paragraphs by one blank line and keeps line breaks', () => {
    expect(md('para 1\n\n\n\npara 2')).toBe('para 1\n\npara 2');
    expect(md('soft\nbreak, hard  \nbreak, and\\\nbackslash')).toBe('soft\nbreak, hard\nbreak, and\nbackslash');
    expect(md('a\n   indented continuation **b**')).toBe('a\nindented continuation b');
  });

  it('decodes numeric character references and keeps named ones as written', () => {
    expect(md('It&#39;s **ok** &#x2014; &#38; AT&T &amp; &#0;')).toBe('It\'s ok — & AT&T &amp; \uFFFD');
  });

  it('returns empty text for empty or markup-only input', () => {
    expect(md('')).toBe('');
    expect(md('---\n\n[a]: https://x.com')).toBe('');
  });
});

describe('markdownPlainText: hostile input', () => {
  const hostile = [
    '*a'.repeat(4000), '_a '.repeat(2700), 'a** '.repeat(2000), '['.repeat(8000), '[a](b'.repeat(1600), '[a]('.repeat(1000) + ')'.repeat(1000),
    '`'.repeat(8000), '` ``'.repeat(2000), '<a x="'.repeat(1300), '<!--'.repeat(2000), '> '.repeat(4000), '>'.repeat(8000) + ' a',
    '- a\n  '.repeat(1300), Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n'), '|a'.repeat(4000) + '\n' + '|-'.repeat(4000),
    ' www.a'.repeat(1300), 'https://x.com/' + ')'.repeat(8000), '\\'.repeat(8000), 'a\n=\n'.repeat(2000), '*_~`[]()<>!\\&#|- \n'.repeat(450),
  ];

  it('never throws and stays fast on 8000 characters of pathological Markdown', () => {
    const started = performance.now();
    for (const input of hostile) expect(typeof md(input)).toBe('string');
    // linear: all of these together take a few tens of ms; a quadratic path would take seconds
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reads deeply nested quotes and lists without running out of stack', () => {
    expect(md(`${'>'.repeat(5000)} deep`)).toContain('deep');
    expect(md(Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n'))).toContain('• a');
  });
});
