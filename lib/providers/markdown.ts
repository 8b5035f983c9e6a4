/**
 * Markdown → plain text, for status bodies (incident.io, some Statuspage pages). Pure, no
 * dependencies: a reader of CommonMark with the GitHub extensions status pages use (tables,
 * strikethrough, bare URLs), which keeps the words and drops the markup.
 *
 * - Blocks follow the CommonMark parsing strategy: one pass over the lines, matching each line
 *   against the open blocks (quotes, list items, fences…), then opening new ones. Paragraphs are
 *   separated by a blank line; headings, code (fenced or indented) and quotes read as their text;
 *   list items as lines ("• item", "1. item", an ordered list keeps its start number) with nested and
 *   continuation lines indented two spaces; tables as rows of cells joined by " · ", header first,
 *   without the `---|---` row; horizontal rules and link definitions are dropped; raw HTML is kept
 *   literally, as text.
 * - Inlines follow the CommonMark delimiter algorithm: `**`, `__`, `*`, `_`, `~~` and backticks
 *   are removed where they pair up and kept where they are plain characters (`5*3`, `a_b_c`);
 *   links `[text](url)` read as their text, images as their alt text, autolinks `<https://…>` as
 *   the URL; backslash escapes are resolved (in bare URLs too); `&#39;`-style references are
 *   decoded, named entities kept as written; a hard line break is a "\n".
 * - Where it departs from CommonMark, it is for the reader: a lone `*` between letters or digits
 *   is a character (`5*3`); a table may start on a lazy line right under a list item (as `marked`,
 *   used before, read it); task checkboxes (`[ ]`, `[x]`) are dropped.
 *
 * Linear time: every regex is anchored (sticky) with no ambiguous nested repetition, closing
 * backtick runs and HTML terminators are looked up so no scan repeats, and nesting deeper than
 * `MAX_DEPTH` reads as text. Never HTML out: the result is shown as text.
 */

const CODE_INDENT = 4;
/** Quotes and list items nested deeper than this read their markers as text: bounds recursion. */
const MAX_DEPTH = 32;

type Kind = 'document' | 'blockquote' | 'list' | 'item' | 'paragraph' | 'heading' | 'code' | 'html' | 'hr' | 'table';

interface ListData {
  ordered: boolean;
  /** The bullet (`-`, `*`, `+`) or the delimiter after the number (`.`, `)`): a change starts a new list. */
  marker: string;
  start: number;
  markerOffset: number;
  /** Columns from the marker to the item's content: continuation lines must be indented this far. */
  padding: number;
}

interface Block {
  kind: Kind;
  parent: Block | undefined;
  children: Block[];
  open: boolean;
  depth: number;
  /** Raw text lines: paragraph, heading, code, HTML, table (header row first). */
  lines: string[];
  list?: ListData;
  fence?: { char: string; length: number; offset: number };
  htmlType?: number;
}

function newBlock(kind: Kind, parent: Block | undefined): Block {
  return { kind, parent, children: [], open: true, depth: parent ? parent.depth + 1 : 0, lines: [] };
}

const acceptsLines = (kind: Kind) => kind === 'paragraph' || kind === 'code' || kind === 'html' || kind === 'table';
const canContain = (parent: Kind, child: Kind) =>
  parent === 'list' ? child === 'item' : (parent === 'document' || parent === 'blockquote' || parent === 'item') && child !== 'item';
const isSpaceOrTab = (c: string | undefined) => c === ' ' || c === '\t';

// Block starts (sticky: tested at the first non-space character of the line).
const MAYBE_SPECIAL = /[#`~*+_=<>0-9|:-]/;
const ATX_HEADING = /#{1,6}(?:[ \t]+|$)/y;
const CODE_FENCE = /`{3,}(?![^`]*`)|~{3,}/y;
const CLOSING_FENCE = /(?:`{3,}|~{3,})[ \t]*$/y;
const THEMATIC_BREAK = /(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/y;
const SETEXT_UNDERLINE = /(?:=+|-+)[ \t]*$/y;
const ORDERED_MARKER = /(\d{1,9})([.)])/y;
const BLANK_REST = /[ \t]*$/y;
// GFM: the row under a table's header, e.g. `|---|:--:|`; it must hold a pipe or a colon (`---` alone is a setext underline).
const TABLE_DELIMITER = /(?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?$/y;
const TASK_CHECKBOX = /^\[[ xX]\][ \t]+(?=\S)/;

const ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const OPEN_TAG = String.raw`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*\/?>`;
const CLOSE_TAG = String.raw`<\/[A-Za-z][A-Za-z0-9-]*\s*>`;
// The seven kinds of HTML block (CommonMark 4.6): 1–5 end at their terminator, 6–7 at a blank line.
const HTML_BLOCK_OPEN = [
  /<(?:script|pre|textarea|style)(?:\s|>|$)/iy,
  /<!--/y,
  /<\?/y,
  /<![A-Za-z]/y,
  /<!\[CDATA\[/y,
  /<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/iy,
  new RegExp(String.raw`(?:${OPEN_TAG}|${CLOSE_TAG})\s*$`, 'iy'),
];
const HTML_BLOCK_CLOSE = [/<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];

const REF_LABEL = /\[((?:[^\\[\]]|\\[\s\S]){0,999})\]/y;

function stickyMatch(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Spaces and tabs, then at most one line break and its indentation (the gaps a link may hold). */
function skipLinkSpace(s: string, i: number): number {
  while (isSpaceOrTab(s[i])) i++;
  if (s[i] === '\n') {
    i++;
    while (isSpaceOrTab(s[i])) i++;
  }
  return i;
}

/** End of a link destination starting at `i` (`<…>` or balanced parentheses), `i` if empty, -1 if none. */
function destinationEnd(s: string, i: number): number {
  if (s[i] === '<') {
    for (let j = i + 1; j < s.length; j++) {
      const c = s[j];
      if (c === '\\') j++;
      else if (c === '>') return j + 1;
      else if (c === '<' || c === '\n') return -1;
    }
    return -1;
  }
  let depth = 0;
  let j = i;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 92 && j + 1 < s.length && isAsciiPunctuation(s[j + 1])) j++;
    else if (c === 40) {
      // CommonMark implementations bound the nesting too: it keeps the scan short
      if (++depth > 32) return -1;
    } else if (c === 41) {
      if (depth === 0) break;
      depth--;
    } else if (c <= 32 || c === 127) break;
  }
  return depth === 0 ? j : -1;
}

/** End of a link title (`"…"`, `'…'` or `(…)`) starting at `i`, -1 if none. */
function titleEnd(s: string, i: number): number {
  const open = s[i];
  const close = open === '(' ? ')' : open;
  if (open !== '"' && open !== "'" && open !== '(') return -1;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === close) return j + 1;
    else if (open === '(' && c === '(') return -1;
  }
  return -1;
}

/** After a reference definition: only spaces to the end of the line. Returns the next line's start, or -1. */
function lineEnd(s: string, i: number): number {
  while (isSpaceOrTab(s[i])) i++;
  if (i === s.length) return i;
  return s[i] === '\n' ? i + 1 : -1;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
}

/** GFM table cells: split on unescaped pipes, outer empty cells dropped, `\|` read as `|`; `count` pads or cuts. */
function splitCells(row: string, count?: number): string[] {
  const cells: string[] = [];
  let start = 0;
  let backslashes = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '|' && backslashes % 2 === 0) {
      cells.push(row.slice(start, i));
      start = i + 1;
    }
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  cells.push(row.slice(start));
  if (cells.length > 0 && !cells[0]?.trim()) cells.shift();
  if (cells.length > 0 && !cells[cells.length - 1]?.trim()) cells.pop();
  if (count !== undefined) {
    cells.length = Math.min(cells.length, count);
    while (cells.length < count) cells.push('');
  }
  return cells.map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Line by line into a tree of blocks, as in the CommonMark spec's "parsing strategy" appendix. */
class BlockParser {
  readonly doc = newBlock('document', undefined);
  /** Labels of link reference definitions: `[text][label]` reads as its text only when the label exists. */
  readonly refs = new Set<string>();
  private tip = this.doc;
  private oldTip = this.doc;
  private lastMatched = this.doc;
  private allClosed = true;
  private line = '';
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  private partialTab = false;

  constructor(src: string) {
    const lines = src.split(/\r\n?|\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) this.incorporate(line);
    for (let b: Block | undefined = this.tip; b; b = b.parent) if (b.open) this.finalize(b);
  }

  private incorporate(line: string): void {
    this.line = line;
    this.offset = 0;
    this.column = 0;
    this.blank = false;
    this.partialTab = false;
    this.oldTip = this.tip;

    // 1. Which open blocks does the line continue?
    let container = this.doc;
    for (;;) {
      const last = container.children[container.children.length - 1];
      if (!last?.open) break;
      this.findNextNonspace();
      const matched = this.continues(last);
      if (matched === 2) return; // a closing code fence: the line is used up
      if (matched === 1) break;
      container = last;
    }
    this.allClosed = container === this.oldTip;
    this.lastMatched = container;

    // 2. New blocks starting on it.
    let matchedLeaf = container.kind !== 'paragraph' && container.kind !== 'table' && acceptsLines(container.kind);
    while (!matchedLeaf) {
      this.findNextNonspace();
      if (!this.indented && !MAYBE_SPECIAL.test(line[this.nextNonspace] ?? '')) {
        this.advanceNextNonspace();
        break;
      }
      const started = this.start(container);
      if (started === 0) {
        this.advanceNextNonspace();
        break;
      }
      container = this.tip;
      if (started === 2) matchedLeaf = true;
    }

    // 3. The rest of the line is text: a lazy continuation, or a line of the innermost block. Beyond
    // CommonMark, a table may start or go on lazily too, as with marked: a table written right under
    // a list item (no blank line, not indented) reads as that item's table, not as pipes. A lazy row
    // needs a pipe: plain text after a quoted table is a paragraph of its own.
    const lazyRow = this.tip.kind === 'table' && line.includes('|', this.offset);
    if (!this.allClosed && !this.blank && (this.tip.kind === 'paragraph' || lazyRow)) {
      if (this.tip.kind === 'paragraph' && !this.indented && this.startTable(this.tip)) return;
      this.addLine();
      return;
    }
    this.closeUnmatched();
    if (acceptsLines(container.kind)) {
      this.addLine();
      const type = container.htmlType ?? 0;
      if (container.kind === 'html' && type <= 5 && HTML_BLOCK_CLOSE[type - 1]?.test(line.slice(this.offset))) this.finalize(container);
    } else if (this.offset < line.length && !this.blank) {
      this.addChild('paragraph');
      this.advanceNextNonspace();
      this.addLine();
    }
  }

  /** 0: the line continues the block; 1: it does not; 2: it closed the block and is used up. */
  private continues(b: Block): 0 | 1 | 2 {
    const line = this.line;
    switch (b.kind) {
      case 'list':
        return 0;
      case 'blockquote':
        if (this.indented || line[this.nextNonspace] !== '>') return 1;
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(line[this.offset])) this.advanceOffset(1, true);
        return 0;
      case 'item': {
        const { markerOffset, padding } = b.list as ListData;
        if (this.blank) {
          if (b.children.length === 0) return 1; // an item starts with at most one blank line
          this.advanceNextNonspace();
          return 0;
        }
        if (this.indent < markerOffset + padding) return 1;
        this.advanceOffset(markerOffset + padding, true);
        return 0;
      }
      case 'code': {
        const fence = b.fence;
        if (!fence) {
          if (this.indent >= CODE_INDENT) this.advanceOffset(CODE_INDENT, true);
          else if (this.blank) this.advanceNextNonspace();
          else return 1;
          return 0;
        }
        if (this.indent <= 3 && line[this.nextNonspace] === fence.char) {
          const closing = stickyMatch(CLOSING_FENCE, line, this.nextNonspace);
          if (closing && closing[0].trimEnd().length >= fence.length) {
            this.finalize(b);
            return 2;
          }
        }
        for (let i = fence.offset; i > 0 && isSpaceOrTab(line[this.offset]); i--) this.advanceOffset(1, true);
        return 0;
      }
      case 'html':
        return this.blank && (b.htmlType === 6 || b.htmlType === 7) ? 1 : 0;
      case 'paragraph':
      case 'table':
        return this.blank ? 1 : 0;
      default:
        return 1; // heading, hr: one line each
    }
  }

  /** Tries the block starts at the line's first non-space. 0: none; 1: a container opened; 2: a leaf opened. */
  private start(container: Block): 0 | 1 | 2 {
    const line = this.line;
    const at = this.nextNonspace;
    const c = line[at];
    const canNest = container.depth < MAX_DEPTH;
    // a table continues, and is interrupted, like a paragraph
    const interrupting = container.kind === 'paragraph' || container.kind === 'table';
    if (!this.indented) {
      if (c === '>' && canNest) {
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(line[this.offset])) this.advanceOffset(1, true);
        this.closeUnmatched();
        this.addChild('blockquote');
        return 1;
      }
      const atx = c === '#' ? stickyMatch(ATX_HEADING, line, at) : null;
      if (atx) {
        this.advanceNextNonspace();
        this.advanceOffset(atx[0].length, false);
        this.closeUnmatched();
        this.addChild('heading').lines.push(withoutClosingHashes(line.slice(this.offset)));
        this.advanceOffset(line.length - this.offset, false);
        return 2;
      }
      const fence = c === '`' || c === '~' ? stickyMatch(CODE_FENCE, line, at) : null;
      if (fence) {
        this.closeUnmatched();
        this.addChild('code').fence = { char: c as string, length: fence[0].length, offset: this.indent };
        this.advanceNextNonspace();
        this.advanceOffset(fence[0].length, false);
        return 2;
      }
      if (c === '<') {
        for (let type = 1; type <= 7; type++) {
          if (!stickyMatch(HTML_BLOCK_OPEN[type - 1] as RegExp, line, at)) continue;
          // a tag alone on its line (type 7) cannot interrupt a paragraph, nor continue one lazily
          if (type === 7 && (interrupting || (!this.allClosed && !this.blank && this.tip.kind === 'paragraph'))) continue;
          this.closeUnmatched();
          this.addChild('html').htmlType = type; // the indentation stays: offset not advanced
          return 2;
        }
      }
      if (container.kind === 'paragraph' && (c === '|' || c === ':' || c === '-') && this.startTable(container)) return 2;
      if (container.kind === 'paragraph' && (c === '=' || c === '-') && stickyMatch(SETEXT_UNDERLINE, line, at)) {
        this.closeUnmatched();
        this.extractRefs(container);
        if (container.lines.length > 0) {
          container.kind = 'heading';
          this.advanceOffset(line.length - this.offset, false);
          return 2;
        }
      }
      if ((c === '*' || c === '_' || c === '-') && stickyMatch(THEMATIC_BREAK, line, at)) {
        this.closeUnmatched();
        this.addChild('hr');
        this.advanceOffset(line.length - this.offset, false);
        return 2;
      }
    }
    const marker = (!this.indented || container.kind === 'list') && canNest ? this.listMarker(interrupting) : undefined;
    if (marker) {
      this.closeUnmatched();
      const list = this.tip.list;
      if (this.tip.kind !== 'list' || !list || list.ordered !== marker.ordered || list.marker !== marker.marker) this.addChild('list').list = marker;
      this.addChild('item').list = marker;
      return 1;
    }
    if (this.indented && this.tip.kind !== 'paragraph' && !this.blank) {
      this.advanceOffset(CODE_INDENT, true);
      this.closeUnmatched();
      this.addChild('code');
      return 2;
    }
    return 0;
  }

  /** GFM: the paragraph's last line is a table header when this line is a delimiter row with as many cells. */
  private startTable(paragraph: Block): boolean {
    const line = this.line;
    const at = this.nextNonspace;
    if (!stickyMatch(TABLE_DELIMITER, line, at)) return false;
    const delimiter = line.slice(at);
    if (!/[:|]/.test(delimiter)) return false;
    const header = paragraph.lines[paragraph.lines.length - 1] ?? '';
    const columns = delimiter.replace(/^\|/, '').replace(/\| *$/, '').split('|').length;
    if (splitCells(header).length !== columns) return false;
    paragraph.lines.pop();
    if (paragraph.lines.length > 0) this.finalize(paragraph);
    else {
      (paragraph.parent as Block).children.pop();
      this.tip = paragraph.parent as Block;
    }
    this.addChild('table').lines.push(header);
    this.advanceOffset(line.length - this.offset, false);
    return true;
  }

  /** A list item marker at the line's first non-space (CommonMark 5.2), consuming it and its spaces. */
  private listMarker(interrupting: boolean): ListData | undefined {
    if (this.indent >= 4) return undefined;
    const line = this.line;
    const at = this.nextNonspace;
    const c = line[at];
    let length = 1;
    let data: ListData;
    if (c === '*' || c === '+' || c === '-') {
      data = { ordered: false, marker: c, start: 1, markerOffset: this.indent, padding: 0 };
    } else {
      const m = stickyMatch(ORDERED_MARKER, line, at);
      // only a list starting at 1 may interrupt a paragraph: "in 2022\n2. item" stays a sentence
      if (!m || (interrupting && m[1] !== '1')) return undefined;
      length = m[0].length;
      data = { ordered: true, marker: m[2] as string, start: Number(m[1]), markerOffset: this.indent, padding: 0 };
    }
    const next = line[at + length];
    if (next !== undefined && !isSpaceOrTab(next)) return undefined;
    if (interrupting && stickyMatch(BLANK_REST, line, at + length)) return undefined; // an empty item does not interrupt
    this.advanceNextNonspace();
    this.advanceOffset(length, true);
    const spacesStartColumn = this.column;
    const spacesStartOffset = this.offset;
    do this.advanceOffset(1, true);
    while (this.column - spacesStartColumn < 5 && isSpaceOrTab(line[this.offset]));
    const blankItem = this.offset >= line.length;
    const spaces = this.column - spacesStartColumn;
    if (spaces >= 5 || spaces < 1 || blankItem) {
      // content indented 5+ columns is indented code inside the item: the item takes one space
      data.padding = length + 1;
      this.column = spacesStartColumn;
      this.offset = spacesStartOffset;
      if (isSpaceOrTab(line[this.offset])) this.advanceOffset(1, true);
    } else {
      data.padding = length + spaces;
    }
    return data;
  }

  private finalize(b: Block): void {
    b.open = false;
    if (b.kind === 'paragraph') this.extractRefs(b);
    else if (b.kind === 'code') {
      if (b.fence) b.lines.shift(); // the info string
      else while (b.lines.length > 0 && !b.lines[b.lines.length - 1]?.trim()) b.lines.pop();
    }
    this.tip = b.parent ?? this.doc;
  }

  /** Link reference definitions at the start of a paragraph are recorded and removed (they are not read). */
  private extractRefs(paragraph: Block): void {
    const s = paragraph.lines.join('\n');
    let pos = 0;
    while (s[pos] === '[') {
      const end = this.parseRef(s, pos);
      if (end < 0) break;
      pos = end;
    }
    if (pos > 0) paragraph.lines = pos < s.length ? s.slice(pos).split('\n') : [];
  }

  private parseRef(s: string, pos: number): number {
    const label = stickyMatch(REF_LABEL, s, pos);
    if (!label || s[REF_LABEL.lastIndex] !== ':' || !label[1]?.trim()) return -1;
    const destStart = skipLinkSpace(s, REF_LABEL.lastIndex + 1);
    const destEnd = destinationEnd(s, destStart);
    if (destEnd <= destStart) return -1;
    let end = -1;
    const titleStart = skipLinkSpace(s, destEnd);
    if (titleStart > destEnd) {
      const title = titleEnd(s, titleStart);
      if (title >= 0) end = lineEnd(s, title);
    }
    if (end < 0) end = lineEnd(s, destEnd); // no title, or a title with more after it on its line
    if (end < 0) return -1;
    this.refs.add(normalizeLabel(label[1]));
    return end;
  }

  private closeUnmatched(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent as Block;
      this.finalize(this.oldTip);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  private addChild(kind: Kind): Block {
    while (!canContain(this.tip.kind, kind)) this.finalize(this.tip);
    const child = newBlock(kind, this.tip);
    this.tip.children.push(child);
    this.tip = child;
    return child;
  }

  private addLine(): void {
    let text = this.line.slice(this.offset);
    if (this.partialTab) {
      // a tab only partly used as indentation: the rest of it is content
      this.offset++;
      text = ' '.repeat(4 - (this.column % 4)) + this.line.slice(this.offset);
    }
    if (this.tip.kind === 'table' && !text.trim()) return; // the delimiter row's line
    this.tip.lines.push(text);
  }

  private findNextNonspace(): void {
    const line = this.line;
    let i = this.offset;
    let columns = this.column;
    for (;;) {
      const c = line[i];
      if (c === ' ') columns++;
      else if (c === '\t') columns += 4 - (columns % 4);
      else break;
      i++;
    }
    this.blank = i >= line.length;
    this.nextNonspace = i;
    this.nextNonspaceColumn = columns;
    this.indent = columns - this.column;
    this.indented = this.indent >= CODE_INDENT;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partialTab = false;
  }

  /** Moves `count` characters, or with `columns` `count` columns (a tab may be only partly used). */
  private advanceOffset(count: number, columns: boolean): void {
    const line = this.line;
    while (count > 0 && this.offset < line.length) {
      if (line[this.offset] === '\t') {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          this.partialTab = toTab > count;
          const advance = Math.min(toTab, count);
          this.column += advance;
          this.offset += this.partialTab ? 0 : 1;
          count -= advance;
        } else {
          this.partialTab = false;
          this.column += toTab;
          this.offset++;
          count--;
        }
      } else {
        this.partialTab = false;
        this.offset++;
        this.column++;
        count--;
      }
    }
  }
}

/** An ATX heading's text without its optional closing `#`s (which need a space before them). */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || isSpaceOrTab(text[hashes - 1]))) end = hashes;
  return text.slice(0, end);
}

// ---------------------------------------------------------------------------------------------
// Inlines

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const UNICODE_WHITESPACE = /\s/u;
// CommonMark counts Unicode symbols as punctuation too (emoji next to `**` flank like `!`)
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
/** Characters with no meaning of their own: a run of them is text. Stops where a bare URL may start. */
const TEXT = /[^\n\t \\`*_~[\]!<&(]+/y;
const SPACES = / +/y;
const NUMERIC_REFERENCE = /&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));/y;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s\x00-\x1f<>]*)>/y; // eslint-disable-line no-control-regex
const EMAIL_AUTOLINK = /<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/y;
const HTML_TAG = new RegExp(`${OPEN_TAG}|${CLOSE_TAG}`, 'y');
// GFM bare URLs: `https://…`, `ftp://…`, `www.…` after a space, `(` or an emphasis mark.
const URL_START = /(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]):\/\/[A-Za-z0-9-]|www\.[A-Za-z0-9-]/y;
const URL_BODY = /[^\s<]*/y;
const URL_BOUNDARY = /[\s*_~(]/;
const URL_TRAILING = `?!.,:;*_'"~\\`;

function isAsciiPunctuation(c: string | undefined): boolean {
  return c !== undefined && ASCII_PUNCTUATION.test(c);
}

function codePointBefore(s: string, i: number): string {
  if (i <= 0) return '\n';
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? String.fromCodePoint(s.codePointAt(i - 2) as number) : (s[i - 1] as string);
}

function codePointAt(s: string, i: number): string {
  const code = s.codePointAt(i);
  return code === undefined ? '\n' : String.fromCodePoint(code);
}

/** A run of `*`, `_` or `~` that may open or close emphasis; `count` is what is still unused. */
interface Delimiter {
  char: string;
  count: number;
  length: number;
  piece: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

/** A `[` or `![` waiting for its `]`. */
interface Bracket {
  piece: number;
  image: boolean;
  /** False once a link closed after it: links cannot contain links, so it can no longer open one. */
  active: boolean;
  textStart: number;
  delimiter: Delimiter | null;
  prev: Bracket | null;
}

/**
 * One paragraph's (heading's, cell's) inline text → plain text. The output is built as pieces of
 * text; markup that pairs up (emphasis, brackets of a link) has its pieces emptied, the rest stays.
 */
class InlineParser {
  private readonly pieces: string[] = [];
  private delimiters: Delimiter | null = null;
  private brackets: Bracket | null = null;
  private pos = 0;
  private backtickRuns: Map<number, { starts: number[]; next: number }> | undefined;
  private readonly lastFound = new Map<string, { from: number; at: number }>();

  constructor(
    private readonly s: string,
    private readonly refs: ReadonlySet<string>,
  ) {}

  text(): string {
    while (this.pos < this.s.length) this.step();
    this.processEmphasis(null);
    return this.pieces.join('');
  }

  private step(): void {
    const s = this.s;
    const c = s[this.pos] as string;
    switch (c) {
      case '\n':
        this.lineBreak(this.pos + 1);
        return;
      case ' ': {
        const spaces = stickyMatch(SPACES, s, this.pos) as RegExpExecArray;
        const end = this.pos + spaces[0].length;
        // spaces before a line end are dropped; two or more make a hard break, which reads the same
        if (s[end] === '\n') this.lineBreak(end + 1);
        else this.literal(end);
        return;
      }
      case '\\': {
        const next = s[this.pos + 1];
        if (next === '\n') this.lineBreak(this.pos + 2);
        else if (isAsciiPunctuation(next)) {
          this.pieces.push(next as string);
          this.pos += 2;
        } else this.literal(this.pos + 1);
        return;
      }
      case '`':
        this.codeSpan();
        return;
      case '*':
      case '_':
      case '~':
        this.delimiterRun(c);
        return;
      case '[':
        this.openBracket(false);
        return;
      case '!':
        if (s[this.pos + 1] === '[') this.openBracket(true);
        else this.literal(this.pos + 1);
        return;
      case ']':
        this.closeBracket();
        return;
      case '<':
        if (!this.angleBracket()) this.literal(this.pos + 1);
        return;
      case '&':
        if (!this.numericReference()) this.literal(this.pos + 1);
        return;
      case '\t':
      case '(':
        this.literal(this.pos + 1);
        return;
    }
    if ((c === 'h' || c === 'H' || c === 'f' || c === 'F' || c === 'w') && this.bareUrl()) return;
    this.literal(this.pos + (stickyMatch(TEXT, s, this.pos) as RegExpExecArray)[0].length);
  }

  private literal(end: number): void {
    this.pieces.push(this.s.slice(this.pos, end));
    this.pos = end;
  }

  /** A line break, soft or hard, reads as "\n"; the next line's indentation is dropped. */
  private lineBreak(next: number): void {
    while (isSpaceOrTab(this.s[next])) next++;
    this.pieces.push('\n');
    this.pos = next;
  }

  private codeSpan(): void {
    const s = this.s;
    const start = this.pos;
    let end = start;
    while (s[end] === '`') end++;
    const close = this.closingBackticks(end - start, end);
    if (close < 0) {
      this.literal(end);
      return;
    }
    let code = s.slice(end, close).replace(/\n/g, ' ');
    if (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
    this.pieces.push(code);
    this.pos = close + (end - start);
  }

  /** Start of the next run of exactly `length` backticks at or after `from`, or -1 (one scan of the text in all). */
  private closingBackticks(length: number, from: number): number {
    if (!this.backtickRuns) {
      this.backtickRuns = new Map();
      const s = this.s;
      for (let i = s.indexOf('`'); i >= 0; i = s.indexOf('`', i)) {
        let end = i;
        while (s[end] === '`') end++;
        const runs = this.backtickRuns.get(end - i) ?? { starts: [], next: 0 };
        runs.starts.push(i);
        this.backtickRuns.set(end - i, runs);
        i = end;
      }
    }
    const runs = this.backtickRuns.get(length);
    if (!runs) return -1;
    while (runs.next < runs.starts.length && (runs.starts[runs.next] as number) < from) runs.next++;
    return runs.starts[runs.next] ?? -1;
  }

  private delimiterRun(char: string): void {
    const s = this.s;
    const start = this.pos;
    let end = start;
    while (s[end] === char) end++;
    const piece = this.pieces.push(s.slice(start, end)) - 1;
    this.pos = end;
    if (char === '~' && end - start > 2) return; // GFM strikethrough is `~` or `~~`
    const before = codePointBefore(s, start);
    const after = codePointAt(s, end);
    const afterSpace = UNICODE_WHITESPACE.test(after);
    const afterPunctuation = UNICODE_PUNCTUATION.test(after);
    const beforeSpace = UNICODE_WHITESPACE.test(before);
    const beforePunctuation = UNICODE_PUNCTUATION.test(before);
    const leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation);
    const rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation);
    // `_` inside a word is a plain character (snake_case); so, unlike CommonMark, is a lone `*`
    // between letters or digits (`5*3`, `x*y`): status text multiplies more than it emphasizes
    // half-words, and `5*3 **x 5*3**` must not pair the wrong marks
    const inWord = char === '*' && end - start === 1 && ALPHANUMERIC.test(before) && ALPHANUMERIC.test(after);
    const canOpen = char === '_' ? leftFlanking && (!rightFlanking || beforePunctuation) : leftFlanking && !inWord;
    const canClose = char === '_' ? rightFlanking && (!leftFlanking || afterPunctuation) : rightFlanking && !inWord;
    if (!canOpen && !canClose) return;
    const delimiter: Delimiter = { char, count: end - start, length: end - start, piece, canOpen, canClose, prev: this.delimiters, next: null };
    if (this.delimiters) this.delimiters.next = delimiter;
    this.delimiters = delimiter;
  }

  private removeDelimiter(d: Delimiter): void {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else this.delimiters = d.prev;
  }

  /** CommonMark's "process emphasis": pairs openers and closers above `bottom`, emptying the marks used. */
  private processEmphasis(bottom: Delimiter | null): void {
    // per kind of closer, the opener below which no match can be found any more (keeps this linear)
    const openersBottom: (Delimiter | null)[] = new Array<Delimiter | null>(16).fill(bottom);
    let closer = this.delimiters === bottom ? null : this.delimiters;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const kind =
        closer.char === '~'
          ? 12 + (closer.canOpen ? 2 : 0) + (closer.length - 1)
          : (closer.char === '*' ? 0 : 6) + (closer.canOpen ? 3 : 0) + (closer.length % 3);
      let opener = closer.prev;
      let found = false;
      while (opener && opener !== bottom && opener !== openersBottom[kind]) {
        if (opener.char === closer.char && opener.canOpen) {
          if (closer.char === '~') found = opener.count === closer.count;
          else {
            // rule of 3: `*foo**bar*` pairs the outer marks, not `*` with `**`
            const odd = (closer.canOpen || opener.canClose) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0;
            found = !odd;
          }
          if (found) break;
        }
        opener = opener.prev;
      }
      if (found && opener) {
        const used = closer.char === '~' ? closer.count : closer.count >= 2 && opener.count >= 2 ? 2 : 1;
        opener.count -= used;
        closer.count -= used;
        this.pieces[opener.piece] = opener.char.repeat(opener.count);
        this.pieces[closer.piece] = closer.char.repeat(closer.count);
        // marks between the two are inside the emphasis and stay as they are
        opener.next = closer;
        closer.prev = opener;
        if (opener.count === 0) this.removeDelimiter(opener);
        if (closer.count === 0) {
          const next = closer.next;
          this.removeDelimiter(closer);
          closer = next;
        }
      } else {
        const old = closer;
        closer = closer.next;
        openersBottom[kind] = old.prev;
        if (!old.canOpen) this.removeDelimiter(old);
      }
    }
    while (this.delimiters && this.delimiters !== bottom) this.removeDelimiter(this.delimiters);
  }

  private openBracket(image: boolean): void {
    const width = image ? 2 : 1;
    const piece = this.pieces.push(image ? '![' : '[') - 1;
    this.pos += width;
    this.brackets = { piece, image, active: true, textStart: this.pos, delimiter: this.delimiters, prev: this.brackets };
  }

  private closeBracket(): void {
    const s = this.s;
    const textEnd = this.pos;
    const opener = this.brackets;
    this.pos++;
    if (!opener?.active) {
      if (opener) this.brackets = opener.prev;
      this.pieces.push(']');
      return;
    }
    let end = s[this.pos] === '(' ? inlineLinkEnd(s, this.pos + 1) : -1;
    if (end < 0 && this.refs.size > 0) end = this.referenceEnd(opener.textStart, textEnd);
    this.brackets = opener.prev;
    if (end < 0) {
      this.pieces.push(']');
      return;
    }
    // a link (or image): its text stays, its brackets and destination go
    this.processEmphasis(opener.delimiter);
    this.pieces[opener.piece] = '';
    this.pos = end;
    if (!opener.image) {
      // links cannot contain links; brackets below an inactive one were deactivated with it
      for (let b = this.brackets; b && (b.image || b.active); b = b.prev) if (!b.image) b.active = false;
    }
  }

  /** `[text][label]`, `[label][]` or `[label]` with a defined label: the end of the reference, or -1. */
  private referenceEnd(textStart: number, textEnd: number): number {
    const s = this.s;
    const text = s.slice(textStart, textEnd);
    if (s[textEnd + 1] === '[') {
      const label = stickyMatch(REF_LABEL, s, textEnd + 1);
      if (label) return this.refs.has(normalizeLabel(label[1]?.trim() ? label[1] : text)) ? REF_LABEL.lastIndex : -1;
    }
    return text.length <= 999 && text.trim() && this.refs.has(normalizeLabel(text)) ? textEnd + 1 : -1;
  }

  /** `<…>`: an autolink reads as its URL; raw HTML is kept literally (it is shown as text). */
  private angleBracket(): boolean {
    const s = this.s;
    const at = this.pos;
    const link = stickyMatch(AUTOLINK, s, at) ?? stickyMatch(EMAIL_AUTOLINK, s, at);
    if (link) {
      this.pieces.push(link[1] as string);
      this.pos = at + link[0].length;
      return true;
    }
    let end = -1;
    if (s.startsWith('<!--', at)) {
      if (s.startsWith('<!-->', at)) end = at + 5;
      else if (s.startsWith('<!--->', at)) end = at + 6;
      else end = this.after('-->', at + 4);
    } else if (s.startsWith('<?', at)) end = this.after('?>', at + 2);
    else if (s.startsWith('<![CDATA[', at)) end = this.after(']]>', at + 9);
    else if (s.startsWith('<!', at) && /[A-Za-z]/.test(s[at + 2] ?? '')) end = this.after('>', at + 2);
    else {
      const tag = stickyMatch(HTML_TAG, s, at);
      if (tag) end = at + tag[0].length;
    }
    if (end < 0) return false;
    this.literal(end);
    return true;
  }

  /** Index just after the next `needle` at or after `from`, or -1; repeated searches reuse the last answer. */
  private after(needle: string, from: number): number {
    const last = this.lastFound.get(needle);
    let at: number;
    if (last && from >= last.from && (last.at < 0 || last.at >= from)) at = last.at;
    else {
      at = this.s.indexOf(needle, from);
      this.lastFound.set(needle, { from, at });
    }
    return at < 0 ? -1 : at + needle.length;
  }

  /** `&#…;` reads as its character (as before); named entities stay as written. */
  private numericReference(): boolean {
    const m = stickyMatch(NUMERIC_REFERENCE, this.s, this.pos);
    if (!m) return false;
    const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2] as string, 16);
    this.pieces.push(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code));
    this.pos += m[0].length;
    return true;
  }

  /**
   * GFM: a bare `https://…` or `www.…` is text whose `_`, `*` and `~` are not emphasis. Not inside
   * link text (it would run past the `]`). Escapes in it are resolved (`status\.example\.com`).
   */
  private bareUrl(): boolean {
    const s = this.s;
    const start = this.pos;
    if (this.brackets || (start > 0 && !URL_BOUNDARY.test(s[start - 1] as string))) return false;
    if (!stickyMatch(URL_START, s, start)) return false;
    let end = start + (stickyMatch(URL_BODY, s, start) as RegExpExecArray)[0].length;
    let opens = 0;
    let closes = 0;
    for (let i = start; i < end; i++) {
      if (s[i] === '(') opens++;
      else if (s[i] === ')') closes++;
    }
    // trailing punctuation ends the sentence, not the URL; so does an unbalanced `)` or an entity
    while (end > start) {
      const c = s[end - 1] as string;
      if (URL_TRAILING.includes(c) || (c === ')' && closes > opens)) {
        if (c === ')') closes--;
        end--;
        if (s[end - 1] === '\\') end--; // an escaped mark goes with its backslash
      } else if (c === ';') {
        let i = end - 2;
        while (i > start && /[A-Za-z0-9]/.test(s[i] as string)) i--;
        if (i >= end - 2 || s[i] !== '&') break;
        end = i;
      } else break;
    }
    this.pieces.push(s.slice(start, end).replace(/\\([!-/:-@[-`{-~])/g, '$1'));
    this.pos = end;
    return true;
  }
}

/** After `](`: the end of an inline link `(destination "title")`, or -1. */
function inlineLinkEnd(s: string, from: number): number {
  const destStart = skipLinkSpace(s, from);
  const destEnd = destinationEnd(s, destStart);
  if (destEnd < 0) return -1;
  let i = skipLinkSpace(s, destEnd);
  if (i > destEnd && destEnd > destStart) {
    const title = titleEnd(s, i);
    if (title >= 0) i = skipLinkSpace(s, title);
  }
  return s[i] === ')' ? i + 1 : -1;
}

function inlineText(text: string, refs: ReadonlySet<string>): string {
  return new InlineParser(text.trim(), refs).text();
}

// ---------------------------------------------------------------------------------------------
// Blocks → text

function blocksText(blocks: readonly Block[], refs: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const block of blocks) {
    const text = blockText(block, refs);
    if (text.trim() !== '') parts.push(text);
  }
  return parts.join('\n\n');
}

function blockText(block: Block, refs: ReadonlySet<string>): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.lines.join('\n'), refs);
    case 'code':
      return block.lines.join('\n');
    case 'html': {
      const lines = block.lines.slice();
      while (lines.length > 0 && !lines[lines.length - 1]) lines.pop();
      return lines.join('\n');
    }
    case 'blockquote':
      return blocksText(block.children, refs);
    case 'list':
      return listText(block, refs);
    case 'table':
      return tableText(block, refs);
    default:
      return ''; // thematic break
  }
}

function listText(list: Block, refs: ReadonlySet<string>): string {
  const { ordered, start } = list.list as ListData;
  return list.children
    .map((item, i) => {
      const first = item.children[0];
      // GFM task items: the checkbox is dropped, the task reads as an item
      if (first?.kind === 'paragraph' && first.lines[0] !== undefined) first.lines[0] = first.lines[0].replace(TASK_CHECKBOX, '');
      const lines = blocksText(item.children, refs).split(/\n+/);
      const bullet = ordered ? `${start + i}. ` : '• ';
      return [`${bullet}${lines[0] ?? ''}`, ...lines.slice(1).map((line) => `  ${line}`)].join('\n');
    })
    .join('\n');
}

function tableText(table: Block, refs: ReadonlySet<string>): string {
  const [header = '', ...rows] = table.lines;
  const headerCells = splitCells(header);
  const row = (cells: string[]) => cells.map((cell) => inlineText(cell, refs)).join(' · ');
  return [row(headerCells), ...rows.map((line) => row(splitCells(line, headerCells.length)))].join('\n');
}

/**
 * Markdown → plain text (see the module comment). Paragraphs and other blocks are separated by a
 * blank line; the result is not trimmed. Linear in the input's length; never throws on any string.
 */
export function markdownPlainText(markdown: string): string {
  const parser = new BlockParser(markdown);
  return blocksText(parser.doc.children, parser.refs);
}
