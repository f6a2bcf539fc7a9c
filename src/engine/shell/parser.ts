// Parses shell source into the AST: quoting, expansions, operators, redirects, heredocs and compound commands.

import type {
  AndOr,
  Assignment,
  Command,
  List,
  ListItem,
  ParamOp,
  ParamPart,
  Pipeline,
  Redirect,
  RedirectOp,
  Word,
  WordPart,
} from './ast.ts';

/**
 * Why parsing stopped. `quote`: an open quote or bracket (`matching` is the closer bash names);
 * `eof`: input ended where more was needed; `token`: an operator or word in the wrong place.
 * The first two mean an interactive shell would wait for another line.
 */
export interface SyntaxProblem {
  kind: 'quote' | 'eof' | 'token';
  matching?: string;
  token?: string;
  /** At end of input: the word the open construct still waits for (`fi`, `done`, `}`), as dash and ash name it. */
  expecting?: string;
  /** Where the problem was found, to resume after it. */
  position: number;
  /** 1-based line of the problem. */
  line: number;
}

export class ShellSyntaxError extends Error {
  readonly problem: SyntaxProblem;
  constructor(problem: SyntaxProblem) {
    super(problem.kind);
    this.problem = problem;
  }
}

/** A heredoc whose body ended at end of input instead of at its delimiter. */
export interface HeredocWarning {
  line: number;
  delimiter: string;
}

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  literal: boolean;
  line: number;
}

/** Deeper nesting of compound commands or substitutions is refused, as bash's parser stack is finite. */
export const MAX_NESTING = 100;

const RESERVED_TERMINATORS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', '}', 'esac', 'in']);
const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
/** Characters that end a run of plain word text (ASCII only; others are plain). */
const WORD_SPECIAL = (() => {
  const table = new Uint8Array(128);
  for (const c of ' \t\n;&|<>()\\\'"$`~') table[c.charCodeAt(0)] = 1;
  return table;
})();
const RESERVED_START = new Set(['i', 't', 'e', 'f', 'd', 'w', 'u', 'c', '{', '}', '!']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '!', '@', '*', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

export class Parser {
  readonly source: string;
  pos = 0;
  readonly warnings: HeredocWarning[] = [];
  /** The source ends in an unquoted backslash: an interactive shell would read another line. */
  trailingBackslash = false;
  private pending: PendingHeredoc[] = [];
  private depth = 0;
  /** The closing words of the constructs open around the current list, innermost last. */
  private awaited: string[] = [];
  private lineCache = { position: 0, line: 1 };

  constructor(source: string) {
    this.source = source;
  }

  /** Parses everything. Throws ShellSyntaxError. */
  parseAll(): List {
    const items: ListItem[] = [];
    for (;;) {
      const next = this.parseNextLine();
      if (next === undefined) break;
      items.push(...next.items);
    }
    return { items };
  }

  /**
   * Parses the next complete command line (a list ended by a newline or the end), reading any heredoc
   * bodies that follow it. Returns `undefined` at the end of input. Throws ShellSyntaxError.
   */
  parseNextLine(): List | undefined {
    this.skipNewlines();
    if (this.pos >= this.source.length) return undefined;
    const list = this.parseList(true);
    this.skipBlanks();
    const c = this.source[this.pos];
    if (c === '\n') {
      this.pos++;
      this.readHeredocBodies();
    } else if (this.pos < this.source.length) {
      this.failToken();
    }
    this.finishPendingAtEnd();
    return list;
  }

  /** After a line is done: heredocs still waiting for a body at the end of input. */
  private finishPendingAtEnd(): void {
    if (this.pending.length === 0 || this.pos < this.source.length) return;
    for (const heredoc of this.pending) {
      this.warnings.push({ line: heredoc.line, delimiter: heredoc.delimiter });
      heredoc.redirect.target = { parts: [] };
    }
    this.pending = [];
  }

  // ---- positions and errors ----

  /** 1-based line of a position; counts on from the last answer, so asking in order stays linear. */
  lineAt(position: number): number {
    let from = 0;
    let line = 1;
    if (position >= this.lineCache.position) {
      from = this.lineCache.position;
      line = this.lineCache.line;
    }
    const end = Math.min(position, this.source.length);
    for (let i = from; i < end; i++) if (this.source.charCodeAt(i) === 10) line++;
    this.lineCache = { position: end, line };
    return line;
  }

  private fail(problem: Omit<SyntaxProblem, 'position' | 'line'>): never {
    throw new ShellSyntaxError({ ...problem, position: this.pos, line: this.lineAt(this.pos) });
  }

  /** A syntax error naming whatever stands at the current position. */
  private failToken(): never {
    if (this.pos >= this.source.length) this.fail({ kind: 'eof' });
    const op = this.peekOperator();
    if (op === '\n') this.fail({ kind: 'token', token: 'newline' });
    if (op) this.fail({ kind: 'token', token: op });
    const start = this.pos;
    let end = start;
    while (end < this.source.length && !METACHARS.has(this.source[end])) end++;
    this.fail({ kind: 'token', token: this.source.slice(start, Math.max(end, start + 1)) });
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) {
      this.skipBlanks();
      this.failToken();
    }
  }

  private leave(): void {
    this.depth--;
  }

  // ---- lexical helpers ----

  /** Skips blanks, line continuations and comments (not newlines). */
  private skipBlanks(): void {
    const src = this.source;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  /** Skips blanks and newlines (reading heredoc bodies after each newline). */
  private skipNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.source[this.pos] !== '\n') return;
      this.pos++;
      this.readHeredocBodies();
    }
  }

  private peekOperator(): string | undefined {
    const src = this.source;
    const c = src[this.pos];
    const d = src[this.pos + 1];
    const e = src[this.pos + 2];
    switch (c) {
      case '\n':
        return '\n';
      case ';':
        return d === ';' ? ';;' : d === '&' ? ';&' : ';';
      case '&':
        if (d === '&') return '&&';
        if (d === '>') return e === '>' ? '&>>' : '&>';
        return '&';
      case '|':
        return d === '|' ? '||' : d === '&' ? '|&' : '|';
      case '(':
      case ')':
        return c;
      case '<':
        if (d === '<') return e === '<' ? '<<<' : e === '-' ? '<<-' : '<<';
        if (d === '&') return '<&';
        if (d === '>') return '<>';
        return '<';
      case '>':
        if (d === '>') return '>>';
        if (d === '&') return '>&';
        if (d === '|') return '>|';
        return '>';
      default:
        return undefined;
    }
  }

  /** The unquoted reserved word at the current position, if any. */
  private peekReserved(): string | undefined {
    const src = this.source;
    if (!RESERVED_START.has(src[this.pos])) return undefined;
    let end = this.pos;
    while (end < src.length && end - this.pos <= 5) {
      const code = src.charCodeAt(end);
      if (!((code >= 97 && code <= 122) || code === 123 || code === 125 || code === 33)) break;
      end++;
    }
    if (end === this.pos || end - this.pos > 5) return undefined;
    const next = src[end];
    if (next !== undefined && !METACHARS.has(next)) return undefined;
    const word = src.slice(this.pos, end);
    switch (word) {
      case 'if':
      case 'then':
      case 'else':
      case 'elif':
      case 'fi':
      case 'for':
      case 'in':
      case 'do':
      case 'done':
      case 'while':
      case 'until':
      case 'case':
      case 'esac':
      case '{':
      case '}':
      case '!':
        return word;
      default:
        return undefined;
    }
  }

  private awaiting<T>(word: string, parse: () => T): T {
    this.awaited.push(word);
    try {
      return parse();
    } finally {
      this.awaited.pop();
    }
  }

  private expectReserved(word: string): void {
    this.skipNewlines();
    if (this.pos >= this.source.length) this.fail({ kind: 'eof', expecting: word });
    if (this.peekReserved() !== word) this.failToken();
    this.pos += word.length;
  }

  // ---- grammar ----

  /**
   * A list of and-or lists. At top level (`line`) it ends at a newline; inside compound commands
   * newlines separate items and the list ends at a closing word or `)`.
   */
  private parseList(line: boolean): List {
    this.enter();
    const items: ListItem[] = [];
    for (;;) {
      if (line) this.skipBlanks();
      else this.skipNewlines();
      if (this.pos >= this.source.length) break;
      const reserved = this.peekReserved();
      if (reserved && RESERVED_TERMINATORS.has(reserved) && reserved !== 'in') break;
      const op = this.peekOperator();
      if (op === ')') break;
      if (op === '\n') break;
      if (op && op !== '(' && op[0] !== '<' && op[0] !== '>' && op !== '&>' && op !== '&>>') this.failToken();
      const andOr = this.parseAndOr();
      this.skipBlanks();
      const sep = this.peekOperator();
      if (sep === ';' || sep === '&') {
        this.pos++;
        items.push({ andOr, background: sep === '&' });
        continue;
      }
      items.push({ andOr, background: false });
      if (sep === '\n' || sep === undefined || sep === ')') {
        if (line || sep !== '\n') break;
        continue;
      }
      if (this.peekReserved()) break;
      this.failToken();
    }
    if (!line && items.length === 0) {
      if (this.pos >= this.source.length) this.fail({ kind: 'eof', expecting: this.awaited.at(-1) });
      this.failToken();
    }
    this.leave();
    return { items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== '&&' && op !== '||') break;
      this.pos += 2;
      this.skipNewlines();
      if (this.pos >= this.source.length) this.fail({ kind: 'eof' });
      rest.push({ op, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks();
    let negated = false;
    if (this.peekReserved() === '!') {
      this.pos++;
      negated = true;
      this.skipBlanks();
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== '|' && op !== '|&') break;
      this.pos += op.length;
      if (op === '|&') {
        const last = commands[commands.length - 1];
        last.redirects.push({ fd: 2, op: '>&', target: { parts: [{ type: 'literal', text: '1' }] } });
      }
      this.skipNewlines();
      if (this.pos >= this.source.length) this.fail({ kind: 'eof' });
      commands.push(this.parseCommand());
    }
    return { negated, commands };
  }

  private parseCommand(): Command {
    this.skipBlanks();
    if (this.pos >= this.source.length) this.fail({ kind: 'eof' });
    const reserved = this.peekReserved();
    let command: Command;
    switch (reserved) {
      case '{': {
        this.enter();
        this.pos++;
        const body = this.awaiting('}', () => this.parseList(false));
        this.expectReserved('}');
        this.leave();
        command = { type: 'group', body, redirects: [] };
        break;
      }
      case 'if':
        command = this.parseIf();
        break;
      case 'while':
      case 'until': {
        this.pos += reserved.length;
        this.enter();
        const condition = this.awaiting('do', () => this.parseList(false));
        this.expectReserved('do');
        const body = this.awaiting('done', () => this.parseList(false));
        this.expectReserved('done');
        this.leave();
        command = { type: reserved, condition, body, redirects: [] };
        break;
      }
      case 'for':
        command = this.parseFor();
        break;
      case undefined:
      case '!':
        if (this.peekOperator() === '(') {
          this.enter();
          this.pos++;
          const body = this.awaiting(')', () => this.parseList(false));
          this.skipNewlines();
          if (this.source[this.pos] !== ')') {
            if (this.pos >= this.source.length) this.fail({ kind: 'eof', expecting: ')' });
            this.failToken();
          }
          this.pos++;
          this.leave();
          command = { type: 'subshell', body, redirects: [] };
          break;
        }
        return this.parseSimple();
      default:
        // `case` is not supported; it and the closing words are errors here.
        this.failToken();
    }
    this.parseTrailingRedirects(command.redirects);
    return command;
  }

  private parseIf(): Command {
    this.pos += 2;
    this.enter();
    const branches: Array<{ condition: List; body: List }> = [];
    let otherwise: List | undefined;
    for (;;) {
      const condition = this.awaiting('then', () => this.parseList(false));
      this.expectReserved('then');
      const body = this.awaiting('fi', () => this.parseList(false));
      branches.push({ condition, body });
      this.skipNewlines();
      const word = this.peekReserved();
      if (word === 'elif') {
        this.pos += 4;
        continue;
      }
      if (word === 'else') {
        this.pos += 4;
        otherwise = this.awaiting('fi', () => this.parseList(false));
      }
      this.expectReserved('fi');
      break;
    }
    this.leave();
    return { type: 'if', branches, otherwise, redirects: [] };
  }

  private parseFor(): Command {
    this.pos += 3;
    this.enter();
    this.skipBlanks();
    const start = this.pos;
    while (this.pos < this.source.length && NAME_CHAR.test(this.source[this.pos])) this.pos++;
    const name = this.source.slice(start, this.pos);
    if (!name || !NAME_START.test(name[0])) {
      if (this.pos >= this.source.length) this.fail({ kind: 'eof' });
      this.failToken();
    }
    this.skipBlanks();
    let items: Word[] | undefined;
    if (this.source[this.pos] === ';') this.pos++;
    else {
      this.skipNewlines();
      if (this.peekReserved() === 'in') {
        this.pos += 2;
        items = [];
        for (;;) {
          this.skipBlanks();
          const op = this.peekOperator();
          if (op === ';' || op === '\n') {
            this.pos++;
            break;
          }
          if (this.pos >= this.source.length) this.fail({ kind: 'eof' });
          if (op) this.failToken();
          items.push(this.readWord());
        }
      }
    }
    this.expectReserved('do');
    const body = this.awaiting('done', () => this.parseList(false));
    this.expectReserved('done');
    this.leave();
    return { type: 'for', name, items, body, redirects: [] };
  }

  private parseTrailingRedirects(into: Redirect[]): void {
    for (;;) {
      this.skipBlanks();
      const redirect = this.tryRedirect();
      if (!redirect) return;
      into.push(redirect);
    }
  }

  private parseSimple(): Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.source.length) break;
      const redirect = this.tryRedirect();
      if (redirect) {
        redirects.push(redirect);
        continue;
      }
      const op = this.peekOperator();
      if (op) {
        if (op === '(' && words.length > 0) this.failToken();
        break;
      }
      const word = this.readWord();
      if (words.length === 0) {
        const assignment = asAssignment(word);
        if (assignment) {
          assignments.push(assignment);
          continue;
        }
      }
      words.push(word);
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) this.failToken();
    return { type: 'simple', assignments, words, redirects };
  }

  /** A redirect at the current position (with an optional fd number before it), or undefined. */
  private tryRedirect(): Redirect | undefined {
    const src = this.source;
    let cursor = this.pos;
    while (cursor < src.length && src.charCodeAt(cursor) >= 48 && src.charCodeAt(cursor) <= 57) cursor++;
    const digits = src.slice(this.pos, cursor);
    const saved = this.pos;
    this.pos = cursor;
    const op = this.peekOperator() as RedirectOp | undefined;
    const isRedirect =
      op !== undefined && (op[0] === '<' || op[0] === '>' || ((op === '&>' || op === '&>>') && digits === ''));
    if (!isRedirect || digits.length > 9) {
      this.pos = saved;
      return undefined;
    }
    this.pos += op.length;
    const fd = digits === '' ? undefined : Number(digits);
    this.skipBlanks();
    if (this.pos >= src.length || this.peekOperator()) {
      if (this.pos >= src.length || this.peekOperator() === '\n') this.fail({ kind: 'token', token: 'newline' });
      this.failToken();
    }
    const redirect: Redirect = { fd, op, target: { parts: [] } };
    if (op === '<<' || op === '<<-') {
      const start = this.pos;
      const word = this.readWord();
      const raw = this.source.slice(start, this.pos);
      const literal = /['"\\]/.test(raw);
      this.pending.push({
        redirect,
        delimiter: wordText(word),
        stripTabs: op === '<<-',
        literal,
        line: this.lineAt(start),
      });
      redirect.literal = literal;
      return redirect;
    }
    redirect.target = this.readWord();
    return redirect;
  }

  /** Reads the bodies of heredocs opened on the line just ended; the position is at the next line. */
  private readHeredocBodies(): void {
    if (this.pending.length === 0) return;
    const pending = this.pending;
    this.pending = [];
    const src = this.source;
    for (const heredoc of pending) {
      let body = '';
      let closed = false;
      while (this.pos < src.length) {
        let end = src.indexOf('\n', this.pos);
        if (end < 0) end = src.length;
        let line = src.slice(this.pos, end);
        this.pos = Math.min(end + 1, src.length);
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === heredoc.delimiter) {
          closed = true;
          break;
        }
        body += `${line}\n`;
      }
      if (!closed) this.warnings.push({ line: heredoc.line, delimiter: heredoc.delimiter });
      heredoc.redirect.target = heredoc.literal ? { parts: [{ type: 'quoted', text: body }] } : parseHeredocBody(body, this.depth);
    }
  }

  // ---- words ----

  /** Reads one word (the caller has checked that one starts here). */
  readWord(): Word {
    const src = this.source;
    const parts: WordPart[] = [];
    let literal = '';
    const flush = (): void => {
      if (literal) {
        parts.push({ type: 'literal', text: literal });
        literal = '';
      }
    };
    const wordStart = this.pos;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (METACHARS.has(c)) break;
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === undefined) {
          literal += '\\';
          this.pos++;
          this.trailingBackslash = true;
          continue;
        }
        this.pos += 2;
        if (next === '\n') continue;
        flush();
        parts.push({ type: 'quoted', text: next });
        continue;
      }
      if (c === "'") {
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) this.fail({ kind: 'quote', matching: "'" });
        flush();
        parts.push({ type: 'quoted', text: src.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        flush();
        this.pos++;
        parts.push({ type: 'double', parts: this.readDoubleQuoted() });
        continue;
      }
      if (c === '$') {
        if (src[this.pos + 1] === "'") {
          flush();
          parts.push({ type: 'quoted', text: this.readAnsiC() });
          continue;
        }
        const part = this.readDollar();
        if (part) {
          flush();
          parts.push(part);
        } else literal += '$';
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquoted());
        continue;
      }
      if (c === '~' && (this.pos === wordStart || isAssignmentTildeSpot(parts, literal, src[this.pos - 1]))) {
        let end = this.pos + 1;
        while (end < src.length && /[A-Za-z0-9._-]/.test(src[end])) end++;
        const after = src[end];
        if (after === undefined || after === '/' || after === ':' || METACHARS.has(after)) {
          flush();
          parts.push({ type: 'tilde', user: src.slice(this.pos + 1, end) });
          this.pos = end;
          continue;
        }
      }
      // A run of ordinary characters is taken in one slice: long words stay linear and cheap.
      let end = this.pos + 1;
      while (end < src.length) {
        const code = src.charCodeAt(end);
        if (code < 128 && WORD_SPECIAL[code] === 1) break;
        end++;
      }
      literal += src.slice(this.pos, end);
      this.pos = end;
    }
    flush();
    return { parts };
  }

  /** Reads up to the closing `"` (the opening one is consumed). */
  private readDoubleQuoted(): WordPart[] {
    const src = this.source;
    const parts: WordPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) {
        parts.push({ type: 'quoted', text });
        text = '';
      }
    };
    for (;;) {
      if (this.pos >= src.length) this.fail({ kind: 'quote', matching: '"' });
      const c = src[this.pos];
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === '$' || next === '`' || next === '"' || next === '\\') {
          text += next;
          this.pos += 2;
          continue;
        }
        if (next === '\n') {
          this.pos += 2;
          continue;
        }
        text += '\\';
        this.pos++;
        continue;
      }
      if (c === '$') {
        const part = this.readDollar();
        if (part) {
          flush();
          parts.push(part);
        } else text += '$';
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquoted());
        continue;
      }
      text += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  /** `$'…'` with C escapes. */
  private readAnsiC(): string {
    const src = this.source;
    this.pos += 2;
    let text = '';
    for (;;) {
      if (this.pos >= src.length) this.fail({ kind: 'quote', matching: "'" });
      const c = src[this.pos++];
      if (c === "'") return text;
      if (c !== '\\') {
        text += c;
        continue;
      }
      const [decoded, length] = decodeEscape(src, this.pos);
      text += decoded;
      this.pos += length;
    }
  }

  /** An expansion starting at `$`, or undefined when the `$` is literal. */
  private readDollar(): WordPart | undefined {
    const src = this.source;
    const next = src[this.pos + 1];
    if (next === '(') {
      if (src[this.pos + 2] === '(') {
        const arith = this.tryArithmetic();
        if (arith) return arith;
      }
      const start = this.pos + 2;
      this.enter();
      this.pos = start;
      const body = this.parseList(false);
      this.skipNewlines();
      if (src[this.pos] !== ')') {
        if (this.pos >= src.length) this.fail({ kind: 'quote', matching: ')' });
        this.failToken();
      }
      this.leave();
      const source = src.slice(start, this.pos);
      this.pos++;
      return { type: 'command', body, source };
    }
    if (next === '{') return this.readBraced();
    if (next !== undefined && SPECIAL_PARAMS.has(next)) {
      this.pos += 2;
      return { type: 'param', name: next };
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 2;
      while (end < src.length && NAME_CHAR.test(src[end])) end++;
      const name = src.slice(this.pos + 1, end);
      this.pos = end;
      return { type: 'param', name };
    }
    this.pos++;
    return undefined;
  }

  /** `$((…))`, or undefined when the parentheses do not close as `))` (then it is `$( (…) )`). */
  private tryArithmetic(): WordPart | undefined {
    const src = this.source;
    let depth = 0;
    let i = this.pos + 3;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (i >= src.length) this.fail({ kind: 'quote', matching: '))' });
    if (src[i + 1] !== ')') return undefined;
    const inner = src.slice(this.pos + 3, i);
    this.enter();
    const expression = parseHeredocBody(inner, this.depth);
    this.leave();
    this.pos = i + 2;
    return { type: 'arith', expression };
  }

  private readBraced(): WordPart {
    const src = this.source;
    const open = this.pos;
    this.pos += 2;
    const close = findBraceEnd(src, this.pos);
    if (close < 0) {
      this.pos = src.length;
      this.fail({ kind: 'quote', matching: '}' });
    }
    const inner = src.slice(this.pos, close);
    const part = parseParamInner(inner, this.depth);
    this.pos = close + 1;
    if (!part) return { type: 'param', name: '', op: undefined, arg: { parts: [{ type: 'quoted', text: src.slice(open, close + 1) }] } };
    return part;
  }

  private readBackquoted(): WordPart {
    const src = this.source;
    this.pos++;
    let inner = '';
    for (;;) {
      if (this.pos >= src.length) this.fail({ kind: 'quote', matching: '`' });
      const c = src[this.pos];
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\' && (src[this.pos + 1] === '`' || src[this.pos + 1] === '\\' || src[this.pos + 1] === '$')) {
        inner += src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      inner += c;
      this.pos++;
    }
    this.enter();
    const nested = new Parser(inner);
    nested.depth = this.depth;
    const body = nested.parseAll();
    this.leave();
    return { type: 'command', body, source: inner };
  }

  /** Reads the rest of the source as heredoc-style text (see parseHeredocBody). */
  readLooseText(depth: number): Word {
    this.depth = depth;
    const src = this.source;
    const parts: WordPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) {
        parts.push({ type: 'quoted', text });
        text = '';
      }
    };
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === '\\' && (src[this.pos + 1] === '$' || src[this.pos + 1] === '`' || src[this.pos + 1] === '\\')) {
        text += src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === '\\' && src[this.pos + 1] === '\n') {
        this.pos += 2;
        continue;
      }
      if (c === '$') {
        const part = this.readDollar();
        if (part) {
          flush();
          parts.push(part);
        } else text += '$';
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquoted());
        continue;
      }
      text += c;
      this.pos++;
    }
    flush();
    return { parts };
  }
}

/** Whether `~` here follows `NAME=` or a `:` inside an assignment value. */
function isAssignmentTildeSpot(parts: WordPart[], literal: string, previous: string | undefined): boolean {
  if (parts.length > 0) return false;
  if (previous !== '=' && previous !== ':') return false;
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(literal);
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (!first || first.type !== 'literal') return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const parts: WordPart[] = rest ? [{ type: 'literal', text: rest }, ...word.parts.slice(1)] : word.parts.slice(1);
  return { name: match[1], value: { parts } };
}

/** The text a word stands for with its quotes removed (heredoc delimiters). */
function wordText(word: Word): string {
  let text = '';
  for (const part of word.parts) {
    if (part.type === 'literal' || part.type === 'quoted') text += part.text;
    else if (part.type === 'double') text += wordText({ parts: part.parts });
    else if (part.type === 'tilde') text += `~${part.user}`;
    else if (part.type === 'param') text += `$${part.name}`;
    else if (part.type === 'command') text += `$(${part.source})`;
  }
  return text;
}

/** Where the `}` closing a `${` is, skipping quotes and nested braces; -1 when it never closes. */
function findBraceEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The inside of `${…}`; undefined when it is a bad substitution. */
function parseParamInner(inner: string, depth: number): ParamPart | undefined {
  if (inner.startsWith('#') && inner.length > 1) {
    const name = inner.slice(1);
    if (isParamName(name)) return { type: 'param', name, op: 'length' };
    if (!/^[#%:=?+-]/.test(inner.slice(1))) return undefined;
  }
  let end = 0;
  if (inner.length > 0 && (SPECIAL_PARAMS.has(inner[0]) || /[0-9]/.test(inner[0]))) {
    end = 1;
    if (/[0-9]/.test(inner[0])) while (end < inner.length && /[0-9]/.test(inner[end])) end++;
  } else while (end < inner.length && NAME_CHAR.test(inner[end])) end++;
  const name = inner.slice(0, end);
  if (!name || (!NAME_START.test(name[0]) && !SPECIAL_PARAMS.has(name[0]) && !/[0-9]/.test(name[0]))) return undefined;
  const rest = inner.slice(end);
  if (rest === '') return { type: 'param', name };
  const op = (['##', '%%', ':-', ':=', ':+', ':?', '-', '=', '+', '?', '#', '%'] as ParamOp[]).find((candidate) =>
    rest.startsWith(candidate),
  );
  if (!op) return undefined;
  return { type: 'param', name, op, arg: parseHeredocBody(rest.slice(op.length), depth) };
}

function isParamName(name: string): boolean {
  return /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])$/.test(name);
}

/**
 * Parses text in which only `$`, backquotes and backslash before `$`, `` ` ``, `\` are special:
 * heredoc bodies, `${…}` arguments and arithmetic. Quotes inside are kept as characters, except
 * that `${A:-"x"}`-style quotes in parameter arguments are removed, as the shell does.
 */
export function parseHeredocBody(text: string, depth = 0): Word {
  const parser = new Parser(`${text}`);
  return parser.readLooseText(depth);
}

/** Decodes one C escape after a backslash at `src[at]`: returns the text and how many characters it used. */
export function decodeEscape(src: string, at: number): [string, number] {
  const c = src[at];
  switch (c) {
    case 'n':
      return ['\n', 1];
    case 't':
      return ['\t', 1];
    case 'r':
      return ['\r', 1];
    case 'a':
      return ['\x07', 1];
    case 'b':
      return ['\b', 1];
    case 'f':
      return ['\f', 1];
    case 'v':
      return ['\v', 1];
    case 'e':
    case 'E':
      return ['\x1b', 1];
    case '\\':
      return ['\\', 1];
    case "'":
      return ["'", 1];
    case '"':
      return ['"', 1];
    case 'x': {
      const match = /^[0-9a-fA-F]{1,2}/.exec(src.slice(at + 1, at + 3));
      if (!match) return ['\\x', 1];
      return [String.fromCharCode(parseInt(match[0], 16)), 1 + match[0].length];
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      const match = /^[0-7]{1,3}/.exec(src.slice(at, at + 3));
      const digits = match ? match[0] : '0';
      return [String.fromCharCode(parseInt(digits, 8) & 0xff), digits.length];
    }
    case undefined:
      return ['\\', 0];
    default:
      return [`\\${c}`, 1];
  }
}
