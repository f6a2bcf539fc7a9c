// The shell's input line: editing keys, history, and the escape sequences that draw the line on a terminal.

/** A key as the terminal reports it (xterm's onData), already split into single actions. */
export type EditorKey =
  | { kind: 'text'; text: string }
  | {
      kind:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'home'
        | 'end'
        | 'up'
        | 'down'
        | 'interrupt'
        | 'end-of-input'
        | 'clear-screen'
        | 'kill-to-start'
        | 'kill-to-end'
        | 'kill-word-back'
        | 'ignored';
    };

type NamedKey = Exclude<EditorKey, { kind: 'text' }>['kind'];

const ESCAPE_KEYS: Record<string, NamedKey> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
};

const CONTROL_KEYS: Record<string, NamedKey> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x03': 'interrupt',
  '\x0c': 'clear-screen',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x15': 'kill-to-start',
  '\x0b': 'kill-to-end',
  '\x17': 'kill-word-back',
  '\x04': 'end-of-input',
};

/** Splits what the terminal sent (one key, or a whole paste) into editor keys; `\r\n` counts as one Enter. */
export function splitKeys(data: string): EditorKey[] {
  const keys: EditorKey[] = [];
  let text = '';
  const flushText = () => {
    if (text !== '') keys.push({ kind: 'text', text });
    text = '';
  };
  let index = 0;
  while (index < data.length) {
    const char = data[index];
    if (char === '\x1b') {
      flushText();
      // CSI / SS3 sequences end at the first byte in @..~; anything else is a lone Escape.
      const match = /^\x1b(?:\[[0-9;?]*[@-~]|O[@-~])/.exec(data.slice(index));
      const sequence = match ? match[0] : '\x1b';
      keys.push({ kind: ESCAPE_KEYS[sequence] ?? 'ignored' });
      index += sequence.length;
      continue;
    }
    if (char === '\r' && data[index + 1] === '\n') index += 1;
    const control = CONTROL_KEYS[char];
    if (control) {
      flushText();
      keys.push({ kind: control });
    } else if (char === '\t') {
      text += ' ';
    } else if (char >= ' ') {
      text += char;
    }
    index += 1;
  }
  flushText();
  return keys;
}

/** Columns a character takes on a terminal: 2 for wide East Asian characters and emoji, else 1. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x1100) return 1;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) width += charWidth(char);
  return width;
}

export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[@-~]|\x1b\][^\x07]*(?:\x07|\x1b\\)/g, '');
}

/**
 * One line being edited after a prompt. It remembers where it last drew the cursor, so each change
 * can be drawn by moving back to the prompt and rewriting what follows, even across wrapped rows.
 */
export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  private prompt = '';
  /** Column where the prompt starts (output that did not end with a newline leaves it > 0). */
  private startColumn = 0;
  /** Row of the drawn cursor, counted from the prompt's row. */
  private drawnRow = 0;
  private history: string[] = [];
  private historyIndex = 0;
  private draft = '';

  private readonly columns: () => number;

  /** `columns` is read at every change, so a resized terminal is drawn at its new width. */
  constructor(columns: () => number) {
    this.columns = columns;
  }

  get line(): string {
    return this.chars.join('');
  }

  /** Starts a fresh line after `prompt`, with the terminal cursor at `startColumn`; returns what to write. */
  begin(prompt: string, startColumn: number): string {
    this.prompt = prompt;
    this.startColumn = startColumn;
    this.chars = [];
    this.cursor = 0;
    this.drawnRow = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
    return prompt;
  }

  /** Records a submitted line so Up can bring it back (blank lines and repeats are skipped). */
  remember(line: string): void {
    if (line.trim() === '' || line.includes('\n')) return;
    if (this.history[this.history.length - 1] !== line) this.history.push(line);
    this.historyIndex = this.history.length;
  }

  /** Replaces the whole line (a suggested command clicked, a history entry); returns what to write. */
  replace(text: string): string {
    this.chars = Array.from(text.replace(/[\r\n]+/g, ' '));
    this.cursor = this.chars.length;
    return this.redraw();
  }

  insert(text: string): string {
    const inserted = Array.from(text);
    const atEnd = this.cursor === this.chars.length;
    this.chars.splice(this.cursor, 0, ...inserted);
    this.cursor += inserted.length;
    if (atEnd && this.offsetOf(this.cursor) % this.columns() !== 0) {
      // Typing at the end is the common case: echo just the new text, as readline does.
      this.drawnRow = this.rowOf(this.offsetOf(this.cursor));
      return inserted.join('');
    }
    return this.redraw();
  }

  /**
   * Applies an editing key; returns what to write to the terminal. Enter, Ctrl+C and Ctrl+L are the caller's,
   * and so is Ctrl+D on an empty line (end of input); on a line with text it deletes forward, as in bash.
   */
  apply(key: EditorKey): string {
    switch (key.kind) {
      case 'text':
        return this.insert(key.text);
      case 'backspace':
        if (this.cursor === 0) return '';
        this.chars.splice(this.cursor - 1, 1);
        this.cursor -= 1;
        return this.redraw();
      case 'delete':
      case 'end-of-input':
        if (this.cursor === this.chars.length) return '';
        this.chars.splice(this.cursor, 1);
        return this.redraw();
      case 'left':
        if (this.cursor === 0) return '';
        this.cursor -= 1;
        return this.moveCursor();
      case 'right':
        if (this.cursor === this.chars.length) return '';
        this.cursor += 1;
        return this.moveCursor();
      case 'home':
        this.cursor = 0;
        return this.moveCursor();
      case 'end':
        this.cursor = this.chars.length;
        return this.moveCursor();
      case 'kill-to-start':
        this.chars.splice(0, this.cursor);
        this.cursor = 0;
        return this.redraw();
      case 'kill-to-end':
        this.chars.splice(this.cursor);
        return this.redraw();
      case 'kill-word-back': {
        let start = this.cursor;
        while (start > 0 && this.chars[start - 1] === ' ') start -= 1;
        while (start > 0 && this.chars[start - 1] !== ' ') start -= 1;
        this.chars.splice(start, this.cursor - start);
        this.cursor = start;
        return this.redraw();
      }
      case 'up':
        return this.recall(-1);
      case 'down':
        return this.recall(1);
      default:
        return '';
    }
  }

  /** Moves the cursor past the end of the line and onto a new row, ready for output; returns what to write. */
  finish(): string {
    this.cursor = this.chars.length;
    const end = this.offsetOf(this.cursor);
    // A line that filled its last row exactly has already stepped onto a fresh row.
    const onFreshRow = end > 0 && end % this.columns() === 0;
    return this.moveCursor() + (onFreshRow ? '' : '\r\n');
  }

  /** Draws the prompt and line again from the top-left corner (after the screen was cleared). */
  redrawAtTop(): string {
    this.startColumn = 0;
    this.drawnRow = 0;
    return this.redraw();
  }

  private recall(step: -1 | 1): string {
    const target = this.historyIndex + step;
    if (target < 0 || target > this.history.length) return '';
    if (this.historyIndex === this.history.length) this.draft = this.line;
    this.historyIndex = target;
    return this.replace(target === this.history.length ? this.draft : this.history[target]);
  }

  /** Cells from the start of the prompt's row to the character at `index`. */
  private offsetOf(index: number): number {
    let offset = this.startColumn + textWidth(this.prompt);
    for (let i = 0; i < index; i += 1) offset += charWidth(this.chars[i]);
    return offset;
  }

  private rowOf(offset: number): number {
    return Math.floor(offset / this.columns());
  }

  private backToPromptRow(): string {
    const up = this.drawnRow > 0 ? `\x1b[${this.drawnRow}A` : '';
    return `${up}\r${this.startColumn > 0 ? `\x1b[${this.startColumn}C` : ''}`;
  }

  private redraw(): string {
    const columns = this.columns();
    const end = this.offsetOf(this.chars.length);
    let out = this.backToPromptRow() + this.prompt + this.line;
    // At an exact multiple of the width the terminal waits to wrap; step onto the next row so the
    // cursor is where the arithmetic says, and so the erase below does not hit the last character.
    if (end > 0 && end % columns === 0) out += '\r\n';
    out += '\x1b[J';
    this.drawnRow = this.rowOf(end);
    return out + this.cursorFrom(end);
  }

  private moveCursor(): string {
    const columns = this.columns();
    const target = this.offsetOf(this.cursor);
    const rowsUp = this.drawnRow - this.rowOf(target);
    this.drawnRow = this.rowOf(target);
    let out = '';
    if (rowsUp > 0) out += `\x1b[${rowsUp}A`;
    if (rowsUp < 0) out += `\x1b[${-rowsUp}B`;
    out += '\r';
    const column = target % columns;
    if (column > 0) out += `\x1b[${column}C`;
    return out;
  }

  private cursorFrom(end: number): string {
    const target = this.offsetOf(this.cursor);
    if (target === end) return '';
    const columns = this.columns();
    const rowsUp = this.rowOf(end) - this.rowOf(target);
    this.drawnRow = this.rowOf(target);
    let out = rowsUp > 0 ? `\x1b[${rowsUp}A` : '';
    out += '\r';
    const column = target % columns;
    if (column > 0) out += `\x1b[${column}C`;
    return out;
  }
}
