// Elastic tab stops as docker/cli's formatter prints tables (its fork of Go's text/tabwriter, minwidth 10, padding 3).

export interface TabwriterOptions {
  /** Minimal cell width including the padding. */
  minWidth: number;
  /** Spaces added to the widest cell of a column. */
  padding: number;
}

/** What `cli/command/formatter` passes: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`. */
export const DOCKER_TABLE: TabwriterOptions = { minWidth: 10, padding: 3 };

interface Cell {
  text: string;
  width: number;
}

// East Asian wide and fullwidth blocks, plus emoji, which terminals draw two columns wide.
const WIDE_RANGES: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]$/u;

function isWide(codePoint: number): boolean {
  let low = 0;
  let high = WIDE_RANGES.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = WIDE_RANGES[middle];
    if (codePoint < start) high = middle - 1;
    else if (codePoint > end) low = middle + 1;
    else return true;
  }
  return false;
}

/** Columns a code point takes on a terminal (go-runewidth's `RuneWidth`, East-Asian-ambiguous as narrow). */
export function runeWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (codePoint < 0x300) return 1;
  if (ZERO_WIDTH.test(char)) return 0;
  return isWide(codePoint) ? 2 : 1;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width of a string: each grapheme counts as its first non-zero-width code point (go-runewidth). */
export function displayWidth(text: string): number {
  // Plain ASCII (and docker/cli's `…`) is by far the common case: every such character is one column.
  if (/^[\x20-\x7e\u2026]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    for (const char of segment) {
      const charWidth = runeWidth(char);
      if (charWidth > 0) {
        width += charWidth;
        break;
      }
    }
  }
  return width;
}

/** Splits text into lines of cells: a cell ends at a tab, vertical tab or line break. */
function splitCells(text: string): { lines: Cell[][]; trailing: string } {
  const lines: Cell[][] = [[]];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== '\t' && char !== '\v' && char !== '\n' && char !== '\f') continue;
    const cellText = text.slice(start, index);
    lines[lines.length - 1].push({ text: cellText, width: displayWidth(cellText) });
    start = index + 1;
    if (char === '\n' || char === '\f') lines.push([]);
  }
  return { lines, trailing: text.slice(start) };
}

/**
 * Go's tabwriter over complete text. Tab-terminated cells in contiguous lines form a column, whose
 * width is max(minWidth, widest cell + padding); the last cell of a line belongs to no column and
 * is printed as is. Widths count terminal columns, as docker/cli's fork measures with go-runewidth.
 */
export function tabwrite(text: string, options: TabwriterOptions = DOCKER_TABLE): string {
  const { lines, trailing } = splitCells(text);
  if (trailing !== '') lines[lines.length - 1].push({ text: trailing, width: displayWidth(trailing) });
  const widths: number[] = [];
  let output = '';

  const writeLines = (from: number, to: number): void => {
    for (let index = from; index < to; index++) {
      const line = lines[index];
      line.forEach((cell, column) => {
        output += cell.text;
        if (column < widths.length) output += ' '.repeat(widths[column] - cell.width);
      });
      if (index + 1 < lines.length) output += '\n';
    }
  };

  const format = (from: number, to: number): void => {
    const column = widths.length;
    let blockStart = from;
    for (let current = from; current < to; current++) {
      if (column >= lines[current].length - 1) continue;
      writeLines(blockStart, current);
      blockStart = current;
      let width = options.minWidth;
      for (; current < to; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + options.padding);
      }
      widths.push(width);
      format(blockStart, current);
      widths.pop();
      blockStart = current;
    }
    writeLines(blockStart, to);
  };

  format(0, lines.length);
  return output;
}

/** A Docker table: `rows[0]` is the header; every line ends with a newline. */
export function renderTable(rows: string[][], options: TabwriterOptions = DOCKER_TABLE): string {
  let text = '';
  for (const row of rows) text += `${row.join('\t')}\n`;
  return tabwrite(text, options);
}
