import { describe, expect, it } from 'vitest';
import { markdownToText, plainLine, plainText } from '../../../lib/providers/text';

describe('plainText', () => {
  it('is empty for null, undefined and empty', () => {
    expect(plainText(null)).toBe('');
    expect(plainText(undefined)).toBe('');
    expect(plainText('')).toBe('');
  });

  it('keeps plain text, including U+2236, en dashes, curly quotes and paragraph breaks', () => {
    const body = 'Impact occurred from 16∶55 to 19∶16 UTC.\n\nFrom 9:02–9:08am PT we’re “fine”.';
    expect(plainText(body)).toBe(body);
  });

  it('keeps hostile plain text literally (it is rendered as text, so it stays inert)', () => {
    const body = '<script>alert(1)</script> We are looking into <img src=x onerror=alert(1)> reports.';
    expect(plainText(body)).toBe(body);
  });

  it('keeps comparison signs and entities in plain text', () => {
    expect(plainText('latency < 5 s and > 1 s &amp; rising')).toBe('latency < 5 s and > 1 s &amp; rising');
  });

  it('reduces a benignly formatted HTML body to its text', () => {
    const body = '<p>A fix is <strong>deployed</strong>.</p><p><a href="https://status.cursor.com/incidents/x">Details</a></p>';
    const text = plainText(body);
    expect(text).toBe('A fix is deployed.\nDetails');
    expect(text).not.toMatch(/[<>]/);
  });

  it('turns <br> and block ends into line breaks', () => {
    expect(plainText('Line one<br>Line two<br/>Line three')).toBe('Line one\nLine two\nLine three');
    expect(plainText('<ul><li>a</li><li>b</li></ul>')).toBe('a\nb');
  });

  it('decodes entities inside HTML bodies', () => {
    expect(plainText('<p>5 &lt; 6 &amp; done</p>')).toBe('5 < 6 & done');
  });

  it.each([
    ['a script', '<p>A fix is <strong>deployed</strong>.</p><script>alert(1)</script>'],
    ['an image with a handler', '<p>Fixed</p><img src=x onerror=alert(1)>'],
    ['a javascript: link', '<p><a href="javascript:alert(1)">Details</a></p>'],
    ['an inline handler', '<div onclick="alert(1)">Click</div>'],
    ['an iframe', '<p>x</p><iframe src="https://evil.example">y</iframe>'],
    ['a style block', '<p>x</p><style>p{color:red}</style>'],
    ['an object', '<p>x</p><object data="evil.swf">o</object>'],
    ['an svg', '<span>x</span><svg onload=alert(1)></svg>'],
  ])('keeps a formatted body with %s literally (shown as text, inert)', (_name, body) => {
    expect(plainText(body)).toBe(body);
  });

  it('normalizes line endings, trailing spaces and long blank runs', () => {
    expect(plainText('  a  \r\nb\r\rc\n\n\n\n\nd  ')).toBe('a\nb\n\nc\n\nd');
  });

  it('reads Markdown links (https/mailto) as their label', () => {
    expect(plainText('email [support@openai.com](mailto:support@openai.com "support@openai.com").')).toBe('email support@openai.com.');
    expect(plainText('see [the status page](https://status.openai.com/incidents/01M3Q4RK1SM4EMK445GGPG7C0N) now')).toBe('see the status page now');
  });

  it('leaves Markdown links to other schemes literal (never turned into links)', () => {
    expect(plainText('[click](javascript:alert(1))')).toBe('[click](javascript:alert(1))');
  });

  it('reduces Markdown to plain text: no **, #, fences; links as their text; lists as lines', () => {
    const body = [
      '## Update',
      '',
      'We **identified** the cause: a _bad_ deploy of `api-gateway`. See [the incident](https://status.openai.com/incidents/01M3) or <https://status.openai.com>.',
      '',
      '- Chat: recovered',
      '- API: ~~degraded~~ recovering',
      '  - Batch jobs: queued',
      '',
      '1. Roll back',
      '2. Monitor',
      '',
      '```',
      'HTTP 503 upstream_error',
      '```',
      '',
      '> Thanks for your patience.',
    ].join('\n');
    expect(plainText(body)).toBe(
      [
        'Update',
        '',
        'We identified the cause: a bad deploy of api-gateway. See the incident or https://status.openai.com.',
        '',
        '• Chat: recovered',
        '• API: degraded recovering',
        '  • Batch jobs: queued',
        '',
        '1. Roll back',
        '2. Monitor',
        '',
        'HTTP 503 upstream_error',
        '',
        'Thanks for your patience.',
      ].join('\n'),
    );
  });

  it('reads the real incident.io bodies: escaped Markdown, images and tables become text', () => {
    expect(plainText('Errors for INTERNAL\\_ERROR ended at 10:02 UTC\\.')).toBe('Errors for INTERNAL_ERROR ended at 10:02 UTC.');
    expect(plainText('![status graph](https://status.openai.com/x.png) **Resolved**')).toBe('status graph Resolved');
    expect(plainText('| Region | State |\n|---|---|\n| EU | **ok** |')).toBe('Region · State\nEU · ok');
  });

  it('never returns HTML from Markdown: raw HTML inside it stays literal text', () => {
    const out = plainText('**Fixed** <mark>now</mark>');
    expect(out).toBe('Fixed <mark>now</mark>');
  });

  it('keeps hostile bodies literal even when they contain Markdown', () => {
    const body = '**Fixed** <img src=x onerror=alert(1)>';
    expect(plainText(body)).toBe(body);
  });

  it('leaves plain sentences with stray symbols as they are', () => {
    for (const body of ['Latency 5*3 ms, cost 2 * 4', 'Rate: 99.5% - recovering', 'File a_b_c.txt', '#1 priority']) expect(plainText(body)).toBe(body);
  });

  it('clips to 4000 characters with an ellipsis', () => {
    const out = plainText('x'.repeat(5000));
    expect(out).toHaveLength(4000);
    expect(out.endsWith('…')).toBe(true);
    expect(plainText('y'.repeat(4000))).toHaveLength(4000);
    expect(plainText('y'.repeat(4000)).endsWith('y')).toBe(true);
  });
});

describe('plainLine', () => {
  it('folds whitespace and trims', () => {
    expect(plainLine('  Claude \n  API\t(api.anthropic.com) ')).toBe('Claude API (api.anthropic.com)');
  });

  it('is empty for null/undefined', () => {
    expect(plainLine(null)).toBe('');
    expect(plainLine(undefined)).toBe('');
  });

  it('keeps markup literally', () => {
    expect(plainLine('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('clips to 300 characters by default, or to max', () => {
    const out = plainLine('n'.repeat(400));
    expect(out).toHaveLength(300);
    expect(out.endsWith('…')).toBe(true);
    expect(plainLine('abcdef', 4)).toBe('abc…');
    expect(plainLine('abcd', 4)).toBe('abcd');
  });
});

describe('markdownToText (the gate before the Markdown reader)', () => {
  it('returns text without Markdown unchanged, and converts the rest', () => {
    expect(markdownToText('Plain *sentence* 5 * 3 with a_b')).toBe('Plain sentence 5 * 3 with a_b');
    expect(markdownToText('No markdown at all: 99.5% - recovering')).toBe('No markdown at all: 99.5% - recovering');
    expect(markdownToText('**Bold** only')).toBe('Bold only');
  });
});
