// A small Go text/template for `--format`: Go's lexer, parser and evaluation rules, Docker's functions and error texts.

import { formatPrintf, goPrint, goTypeName, isGoFloat, isNoValue, NO_VALUE, structTypeName, type GoFloat } from './go-value.ts';
import { goJson, templateJson } from './json.ts';

export { goStruct, goFloat } from './go-value.ts';

// ---------------------------------------------------------------------------------------------------------------
// Lexer (text/template/parse/lex.go)

type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'dot'
  | 'nil'
  | 'bool'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'char'
  | 'eof'
  | 'error';

interface Item {
  type: ItemType;
  value: string;
  pos: number;
  line: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

function itemText(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.value;
  if (item.type === 'keyword' || item.type === 'dot' || item.type === 'nil') return `<${item.value}>`;
  if (item.value.length > 10) return `${JSON.stringify(item.value.slice(0, 10))}...`;
  return JSON.stringify(item.value);
}

const isSpace = (char: string) => char === ' ' || char === '\t' || char === '\r' || char === '\n';
const isAlphaNumeric = (char: string) => /^[\p{L}\p{Nd}_]$/u.test(char);

function formatRune(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${char}'`;
}

function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;

  const emit = (type: ItemType, value = input.slice(start, pos)) => {
    items.push({ type, value, pos: start, line: startLine });
    start = pos;
    startLine = line;
  };
  const advance = (count: number) => {
    for (let index = 0; index < count; index++) if (input[pos + index] === '\n') line++;
    pos += count;
  };
  const ignore = () => {
    start = pos;
    startLine = line;
  };
  const fail = (message: string): Item[] => {
    items.push({ type: 'error', value: message, pos: start, line: startLine });
    return items;
  };
  const atRightDelim = (): { trim: boolean } | null => {
    if (input.startsWith(' -}}', pos) || input.startsWith('\t-}}', pos) || input.startsWith('\n-}}', pos) || input.startsWith('\r-}}', pos)) {
      return { trim: true };
    }
    return input.startsWith('}}', pos) ? { trim: false } : null;
  };
  const atTerminator = (): boolean => {
    const char = input[pos];
    if (char === undefined || isSpace(char) || '.,|:)('.includes(char)) return true;
    return input.startsWith('}}', pos);
  };

  while (true) {
    // Text up to the next action.
    const open = input.indexOf('{{', pos);
    if (open === -1) {
      advance(input.length - pos);
      if (pos > start) emit('text');
      items.push({ type: 'eof', value: '', pos, line });
      return items;
    }
    const trimBefore = input.startsWith('{{- ', open) || /^\{\{-[\t\r\n]/.test(input.slice(open, open + 4));
    let textEnd = open;
    if (trimBefore) while (textEnd > start && isSpace(input[textEnd - 1])) textEnd--;
    advance(open - pos);
    if (textEnd > start) emit('text', input.slice(start, textEnd));
    ignore();
    // Comments must sit directly inside the delimiters.
    const afterOpen = open + (trimBefore ? 4 : 2);
    if (input.startsWith('/*', afterOpen)) {
      const close = input.indexOf('*/', afterOpen + 2);
      if (close === -1) {
        advance(input.length - pos);
        return fail('unclosed comment');
      }
      advance(close + 2 - pos);
      const right = atRightDelim();
      if (!right) return fail('comment ends before closing delimiter');
      advance(right.trim ? 4 : 2);
      if (right.trim) while (pos < input.length && isSpace(input[pos])) advance(1);
      ignore();
      continue;
    }
    advance(trimBefore ? 4 : 2);
    emit('leftDelim', '{{');
    // Inside the action.
    while (true) {
      const right = atRightDelim();
      if (right) {
        if (parenDepth > 0) return fail('unclosed left paren');
        if (right.trim) {
          advance(2);
          ignore();
        }
        advance(2);
        emit('rightDelim', '}}');
        if (right.trim) {
          while (pos < input.length && isSpace(input[pos])) advance(1);
          ignore();
        }
        break;
      }
      const char = input[pos];
      if (char === undefined) return fail('unclosed action');
      if (isSpace(char)) {
        while (pos < input.length && isSpace(input[pos]) && !atRightDelim()) advance(1);
        emit('space');
      } else if (char === '=') {
        advance(1);
        emit('assign');
      } else if (char === ':') {
        if (input[pos + 1] !== '=') return fail('expected :=');
        advance(2);
        emit('declare');
      } else if (char === '|') {
        advance(1);
        emit('pipe');
      } else if (char === '"') {
        advance(1);
        while (true) {
          const next = input[pos];
          if (next === '\\' && pos + 1 < input.length && input[pos + 1] !== '\n') {
            advance(2);
            continue;
          }
          if (next === undefined || next === '\n') return fail('unterminated quoted string');
          advance(1);
          if (next === '"') break;
        }
        emit('string');
      } else if (char === '`') {
        const close = input.indexOf('`', pos + 1);
        if (close === -1) return fail('unterminated raw quoted string');
        advance(close + 1 - pos);
        emit('rawString');
      } else if (char === "'") {
        advance(1);
        while (true) {
          const next = input[pos];
          if (next === '\\' && pos + 1 < input.length && input[pos + 1] !== '\n') {
            advance(2);
            continue;
          }
          if (next === undefined || next === '\n') return fail('unterminated character constant');
          advance(1);
          if (next === "'") break;
        }
        emit('charConstant');
      } else if (char === '$' || char === '.') {
        const isNumberStart = char === '.' && /[0-9]/.test(input[pos + 1] ?? '');
        if (isNumberStart) {
          const match = /^\.[0-9_]*(?:[eE][+-]?[0-9_]+)?/.exec(input.slice(pos)) ?? ['.'];
          advance(match[0].length);
          if (isAlphaNumeric(input[pos] ?? '')) return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos + 1))}`);
          emit('number');
          continue;
        }
        advance(1);
        if (char === '.' && !isAlphaNumeric(input[pos] ?? '')) {
          emit('dot');
          continue;
        }
        while (pos < input.length && isAlphaNumeric(input[pos])) advance(1);
        if (!atTerminator()) return fail(`bad character ${formatRune(input[pos])}`);
        emit(char === '$' ? 'variable' : 'field');
      } else if (char === '+' || char === '-' || /[0-9]/.test(char)) {
        const match = /^[+-]?(?:0[xX][0-9a-fA-F_]+(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[oO][0-7_]+|0[bB][01_]+|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?)i?/.exec(
          input.slice(pos),
        );
        const length = match ? match[0].length : 1;
        advance(Math.max(1, length));
        if (isAlphaNumeric(input[pos] ?? '')) {
          advance(1);
          return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
        }
        emit('number');
      } else if (isAlphaNumeric(char)) {
        while (pos < input.length && isAlphaNumeric(input[pos])) advance(1);
        if (!atTerminator()) return fail(`bad character ${formatRune(input[pos])}`);
        const word = input.slice(start, pos);
        if (KEYWORDS.has(word)) emit('keyword');
        else if (word === 'true' || word === 'false') emit('bool');
        else if (word === 'nil') emit('nil');
        else emit('identifier');
      } else if (char === '(') {
        advance(1);
        parenDepth++;
        emit('leftParen');
      } else if (char === ')') {
        advance(1);
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen');
      } else if (char.charCodeAt(0) < 0x7f && char.charCodeAt(0) >= 0x20) {
        advance(1);
        emit('char');
      } else {
        const rune = String.fromCodePoint(input.codePointAt(pos) ?? 0);
        return fail(`unrecognized character in action: ${formatRune(rune)}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parse tree (text/template/parse/node.go, parse.go)

interface ControlNode {
  kind: 'if' | 'with' | 'range';
  pos: number;
  line: number;
  pipe: Pipe;
  list: Node[];
  elseList: Node[] | null;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pos: number; line: number; pipe: Pipe }
  | ControlNode
  | { kind: 'break' | 'continue'; pos: number; line: number }
  | { kind: 'template'; pos: number; line: number; name: string; pipe: Pipe | null };

interface Pipe {
  pos: number;
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

interface Command {
  pos: number;
  args: Operand[];
}

type Operand =
  | { kind: 'field'; pos: number; ident: string[] }
  | { kind: 'variable'; pos: number; ident: string[] }
  | { kind: 'chain'; pos: number; node: Operand; fields: string[] }
  | { kind: 'identifier'; pos: number; name: string }
  | { kind: 'dot'; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'bool'; pos: number; value: boolean }
  | { kind: 'number'; pos: number; text: string; value: number | GoFloat }
  | { kind: 'string'; pos: number; quoted: string; value: string }
  | { kind: 'pipe'; pos: number; pipe: Pipe };

function operandText(operand: Operand): string {
  switch (operand.kind) {
    case 'field':
      return operand.ident.map((name) => `.${name}`).join('');
    case 'variable':
      return operand.ident.join('.');
    case 'chain': {
      const inner = operand.node.kind === 'pipe' ? `(${pipeText(operand.node.pipe)})` : operandText(operand.node);
      return inner + operand.fields.map((name) => `.${name}`).join('');
    }
    case 'identifier':
      return operand.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(operand.value);
    case 'number':
      return operand.text;
    case 'string':
      return operand.quoted;
    case 'pipe':
      return `(${pipeText(operand.pipe)})`;
  }
}

function commandText(command: Command): string {
  return command.args.map((arg) => (arg.kind === 'pipe' ? `(${pipeText(arg.pipe)})` : operandText(arg))).join(' ');
}

function pipeText(pipe: Pipe): string {
  const decl = pipe.decl.length > 0 ? `${pipe.decl.join(', ')} ${pipe.isAssign ? '=' : ':='} ` : '';
  return decl + pipe.cmds.map(commandText).join(' | ');
}

class ParseError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

function unquote(text: string, quote: string): string {
  const body = text.slice(1, -1);
  if (quote === '`') return body.replaceAll('\r', '');
  let out = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = body[++index];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (next in simple) out += simple[next];
    else if (next === 'x') {
      out += String.fromCharCode(Number.parseInt(body.slice(index + 1, index + 3), 16));
      index += 2;
    } else if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      out += String.fromCodePoint(Number.parseInt(body.slice(index + 1, index + 1 + length), 16));
      index += length;
    } else if (/[0-7]/.test(next)) {
      out += String.fromCharCode(Number.parseInt(body.slice(index, index + 3), 8));
      index += 2;
    } else throw new ParseError('invalid syntax');
  }
  return out;
}

function parseNumber(text: string, charConstant: boolean): number | GoFloat | null {
  if (charConstant) {
    const value = unquote(text, "'");
    return [...value].length === 1 ? (value.codePointAt(0) ?? 0) : null;
  }
  const clean = text.replaceAll('_', '');
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(clean)) return Number.parseInt(clean, 16);
  if (/^[+-]?0[oO][0-7]+$/.test(clean)) return Number.parseInt(clean.replace(/0[oO]/, ''), 8) * (clean.startsWith('-') ? -1 : 1);
  if (/^[+-]?0[bB][01]+$/.test(clean)) return Number.parseInt(clean.replace(/0[bB]/, ''), 2) * (clean.startsWith('-') ? -1 : 1);
  if (/^[+-]?0[0-7]+$/.test(clean)) return Number.parseInt(clean, 8);
  if (/^[+-]?[0-9]+$/.test(clean)) return Number(clean);
  if (/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(clean)) return { goFloat: Number(clean) };
  return null;
}

export interface ParsedTemplate {
  readonly source: string;
  readonly root: Node[];
  readonly defines: Map<string, Node[]>;
}

const BUILTIN_FUNCTIONS = new Set([
  'and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne',
]);
const DOCKER_FUNCTIONS = new Set(['json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate']);

class Parser {
  private readonly items: Item[];
  private index = 0;
  private readonly vars: string[][] = [['$']];
  private rangeDepth = 0;
  readonly defines = new Map<string, Node[]>();

  constructor(items: Item[]) {
    this.items = items;
  }

  private lastLine = 1;

  private error(message: string): never {
    throw new ParseError(`template: :${this.lastLine}: ${message}`);
  }

  private next(): Item {
    const item = this.items[Math.min(this.index, this.items.length - 1)];
    this.index++;
    this.lastLine = item.line;
    if (item.type === 'error') this.error(item.value);
    return item;
  }

  private backup(): void {
    this.index--;
  }

  private peek(): Item {
    const item = this.next();
    this.backup();
    return item;
  }

  private nextNonSpace(): Item {
    let item = this.next();
    while (item.type === 'space') item = this.next();
    return item;
  }

  private peekNonSpace(): Item {
    const item = this.nextNonSpace();
    this.backup();
    return item;
  }

  private unexpected(item: Item, context: string): never {
    if (item.type === 'error') this.error(item.value);
    this.error(`unexpected ${itemText(item)} in ${context}`);
  }

  private expect(type: ItemType, context: string): Item {
    const item = this.nextNonSpace();
    if (item.type !== type) this.unexpected(item, context);
    return item;
  }

  parse(): Node[] {
    const root: Node[] = [];
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const mark = this.index;
        this.next();
        const word = this.nextNonSpace();
        if (word.type === 'keyword' && word.value === 'define') {
          this.parseDefine();
          continue;
        }
        this.index = mark;
      }
      const node = this.textOrAction();
      if (node === 'end' || node === 'else') this.error(`unexpected {{${node}}}`);
      root.push(node);
    }
    return root;
  }

  private parseDefine(): void {
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString') this.unexpected(nameItem, 'define clause');
    const name = unquote(nameItem.value, nameItem.value[0]);
    this.expect('rightDelim', 'define clause');
    const [list, end] = this.itemList();
    if (end !== 'end') this.error('unexpected {{else}}');
    this.defines.set(name, list);
  }

  /** Parses until `{{end}}` or `{{else}}`; returns the list and which one ended it. */
  private itemList(): [Node[], 'end' | 'else'] {
    const list: Node[] = [];
    while (this.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (node === 'end' || node === 'else') return [list, node];
      list.push(node);
    }
    this.error('unexpected EOF');
  }

  private textOrAction(): Node | 'end' | 'else' {
    const item = this.nextNonSpace();
    if (item.type === 'text') return { kind: 'text', text: item.value };
    if (item.type === 'leftDelim') return this.action();
    this.unexpected(item, 'input');
  }

  private action(): Node | 'end' | 'else' {
    const item = this.nextNonSpace();
    if (item.type === 'keyword') {
      switch (item.value) {
        case 'end':
          this.expect('rightDelim', 'end');
          return 'end';
        case 'else':
          // `{{else if …}}` and `{{else with …}}` stay for the control that owns them to read.
          if (this.peekNonSpace().type === 'keyword' && ['if', 'with'].includes(this.peekNonSpace().value)) {
            this.backup();
            return 'else';
          }
          this.expect('rightDelim', 'else');
          return 'else';
        case 'if':
        case 'with':
        case 'range':
          return this.control(item.value, item);
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.error(`{{${item.value}}} outside {{range}}`);
          this.expect('rightDelim', `{{${item.value}}}`);
          return { kind: item.value, pos: item.pos, line: item.line };
        case 'template':
        case 'block':
          return this.templateControl(item);
        case 'define':
          this.error('unexpected <define> in command');
      }
    }
    this.backup();
    const pipe = this.pipeline('command', 'rightDelim');
    return { kind: 'action', pos: item.pos, line: item.line, pipe };
  }

  private templateControl(item: Item): Node {
    const context = item.value === 'block' ? 'block clause' : 'template clause';
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString') this.unexpected(nameItem, context);
    const name = unquote(nameItem.value, nameItem.value[0]);
    let pipe: Pipe | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    if (item.value === 'block') {
      const [list] = this.itemList();
      this.defines.set(name, list);
    }
    return { kind: 'template', pos: item.pos, line: item.line, name, pipe };
  }

  private control(kind: 'if' | 'with' | 'range', item: Item): Node {
    this.vars.push([...this.vars[this.vars.length - 1]]);
    const pipe = this.pipeline(kind, 'rightDelim');
    if (kind === 'range') this.rangeDepth++;
    let [list, end] = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: Node[] | null = null;
    if (end === 'else') {
      const following = this.peekNonSpace();
      if ((kind === 'if' || kind === 'with') && following.type === 'keyword' && following.value === kind) {
        // `{{else if x}}` is `{{else}}{{if x}}…{{end}}` sharing the outer `{{end}}`.
        const nested = this.nextNonSpace();
        elseList = [this.control(kind, nested)];
      } else {
        [elseList, end] = this.itemList();
        if (end !== 'end') this.error('expected end; found {{else}}');
      }
    }
    this.vars.pop();
    list = list ?? [];
    return { kind, pos: item.pos, line: item.line, pipe, list, elseList };
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): Pipe {
    const first = this.peekNonSpace();
    const pipe: Pipe = { pos: first.pos, decl: [], isAssign: false, cmds: [] };
    // Declarations: `$x :=`, `$x =`, and for range `$i, $e :=`.
    const declStart = this.index;
    const variable = this.peekNonSpace();
    if (variable.type === 'variable') {
      this.nextNonSpace();
      const after = this.nextNonSpace();
      if (after.type === 'declare' || after.type === 'assign') {
        pipe.isAssign = after.type === 'assign';
        pipe.decl.push(variable.value);
        if (!pipe.isAssign) this.vars[this.vars.length - 1].push(variable.value);
        else if (!this.hasVariable(variable.value)) this.error(`undefined variable "${variable.value}"`);
      } else if (after.type === 'char' && after.value === ',') {
        const second = this.nextNonSpace();
        const declare = this.nextNonSpace();
        if (context === 'range' && second.type === 'variable' && (declare.type === 'declare' || declare.type === 'assign')) {
          pipe.decl.push(variable.value, second.value);
          pipe.isAssign = declare.type === 'assign';
          this.vars[this.vars.length - 1].push(variable.value, second.value);
        } else if (context !== 'range') {
          this.error(`too many declarations in ${context}`);
        } else {
          this.error(`range can only initialize variables`);
        }
      } else {
        this.index = declStart;
      }
    }
    while (true) {
      const item = this.nextNonSpace();
      if (item.type === end) {
        if (pipe.cmds.length === 0) this.error(`missing value for ${context}`);
        pipe.cmds.forEach((command, index) => {
          if (index === 0) return;
          const firstArg = command.args[0];
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(firstArg.kind)) {
            this.error(`non executable command in pipeline stage ${index + 1}`);
          }
        });
        return pipe;
      }
      if (['bool', 'charConstant', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(item.type)) {
        this.backup();
        pipe.cmds.push(this.command());
        continue;
      }
      this.unexpected(item, context);
    }
  }

  private command(): Command {
    const command: Command = { pos: this.peekNonSpace().pos, args: [] };
    while (true) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) command.args.push(operand);
      const item = this.next();
      if (item.type === 'space') continue;
      if (item.type === 'rightDelim' || item.type === 'rightParen') this.backup();
      else if (item.type !== 'pipe') this.unexpected(item, 'operand');
      break;
    }
    if (command.args.length === 0) this.error('empty command');
    return command;
  }

  private operand(): Operand | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const chainPos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.error(`unexpected . after term ${JSON.stringify(operandText(node))}`);
      default:
        return { kind: 'chain', pos: chainPos, node, fields };
    }
  }

  private hasVariable(name: string): boolean {
    return this.vars[this.vars.length - 1].includes(name);
  }

  private term(): Operand | null {
    const item = this.nextNonSpace();
    switch (item.type) {
      case 'identifier':
        if (!BUILTIN_FUNCTIONS.has(item.value) && !DOCKER_FUNCTIONS.has(item.value)) {
          this.error(`function ${JSON.stringify(item.value)} not defined`);
        }
        return { kind: 'identifier', pos: item.pos, name: item.value };
      case 'dot':
        return { kind: 'dot', pos: item.pos };
      case 'nil':
        return { kind: 'nil', pos: item.pos };
      case 'variable': {
        const [name, ...fields] = item.value.split('.');
        if (!this.hasVariable(name)) this.error(`undefined variable "${name}"`);
        return { kind: 'variable', pos: item.pos, ident: [name, ...fields] };
      }
      case 'field':
        return { kind: 'field', pos: item.pos, ident: [item.value.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos: item.pos, value: item.value === 'true' };
      case 'charConstant':
      case 'number': {
        const value = parseNumber(item.value, item.type === 'charConstant');
        if (value === null) this.error(`illegal number syntax: ${JSON.stringify(item.value)}`);
        return { kind: 'number', pos: item.pos, text: item.value, value };
      }
      case 'leftParen':
        return { kind: 'pipe', pos: item.pos, pipe: this.pipeline('parenthesized pipeline', 'rightParen') };
      case 'string':
      case 'rawString':
        try {
          return { kind: 'string', pos: item.pos, quoted: item.value, value: unquote(item.value, item.value[0]) };
        } catch {
          this.error('invalid syntax');
        }
    }
    this.backup();
    return null;
  }
}

export type TemplateParseResult = { ok: true; template: ParsedTemplate } | { ok: false; error: string };

/** Parses a template; errors read as Go prints them (`template: :1: unexpected "}" in operand`). */
// Tables format every row through the same few templates; parsing each once keeps `docker ps` cheap.
// Parsed templates are never changed by execution, so sharing them is safe.
const PARSE_CACHE = new Map<string, TemplateParseResult>();
const PARSE_CACHE_LIMIT = 64;

export function parseTemplate(source: string): TemplateParseResult {
  const cached = PARSE_CACHE.get(source);
  if (cached) return cached;
  const result = parseTemplateUncached(source);
  if (PARSE_CACHE.size >= PARSE_CACHE_LIMIT) PARSE_CACHE.delete(PARSE_CACHE.keys().next().value as string);
  PARSE_CACHE.set(source, result);
  return result;
}

function parseTemplateUncached(source: string): TemplateParseResult {
  try {
    const parser = new Parser(lex(source));
    const root = parser.parse();
    return { ok: true, template: { source, root, defines: parser.defines } };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Execution (text/template/exec.go, funcs.go)

export interface ExecuteOptions {
  /** `error` makes a missing map key fail (`map has no entry for key "X"`), as `docker inspect` runs it. */
  missingKey?: 'default' | 'error';
  /** Docker's header functions: json, split, join, title, lower, upper and truncate return their input. */
  header?: boolean;
}

export type TemplateResult = { ok: true; text: string } | { ok: false; error: string };

class ExecError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

class LoopControl {
  readonly kind: 'break' | 'continue';
  constructor(kind: 'break' | 'continue') {
    this.kind = kind;
  }
}

interface Variable {
  name: string;
  value: unknown;
}

function isStruct(value: unknown): value is Record<string, unknown> {
  return structTypeName(value) !== undefined;
}

function isMapLike(value: unknown): value is Record<string, unknown> | Map<string, unknown> {
  if (value instanceof Map) return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isGoFloat(value) && !isStruct(value);
}

/** Go's notion of "true" for if/with/and/or/not. */
function truth(value: unknown): boolean {
  if (value === null || value === undefined || isNoValue(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (isGoFloat(value)) return value.goFloat !== 0;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  if (isMapLike(value)) return Object.keys(value).length > 0;
  return true;
}

function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (isGoFloat(value)) return value.goFloat;
  return null;
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';
function basicKind(value: unknown): Kind {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (isGoFloat(value)) return 'float';
  if (typeof value === 'string') return 'string';
  return 'other';
}

/** Go's eq/ne/lt/le/gt/ge rules: both sides of one basic kind; returns equality or order, or an error text. */
function compareValues(name: string, a: unknown, b: unknown): number | boolean | { error: string } {
  const left = isNoValue(a) ? null : a;
  const right = isNoValue(b) ? null : b;
  const kindA = basicKind(left);
  const kindB = basicKind(right);
  if (kindA !== kindB) return { error: 'incompatible types for comparison' };
  if (name === 'eq' || name === 'ne') {
    if (kindA === 'other') {
      if (left === null || right === null) return left === right;
      return { error: `non-comparable type ${goPrint(left)}: ${goTypeName(left)}` };
    }
    return kindA === 'float' ? numeric(left) === numeric(right) : left === right;
  }
  if (kindA === 'bool' || kindA === 'other') return { error: 'invalid type for comparison' };
  const x = kindA === 'string' ? (left as string) : (numeric(left) as number);
  const y = kindA === 'string' ? (right as string) : (numeric(right) as number);
  return x < y ? -1 : x > y ? 1 : 0;
}

function goTitle(text: string): string {
  // strings.Title: the first letter of each word, words separated by anything that is not a letter, digit, `_` or `'`.
  let previous = ' ';
  let out = '';
  for (const char of text) {
    const isSeparator = !/[\p{L}\p{Nd}_']/u.test(previous);
    out += isSeparator ? char.toUpperCase() : char;
    previous = char;
  }
  return out;
}

function htmlEscape(text: string): string {
  return text.replace(/[<>&'"\0]/g, (char) =>
    char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : char === "'" ? '&#39;' : char === '"' ? '&#34;' : '\ufffd',
  );
}

function jsEscape(text: string): string {
  return text.replace(/[\\'"<>&=\n\r\t\x00-\x1f]/g, (char) => {
    const simple: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    if (char in simple) return simple[char];
    return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

function queryEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

class Executor {
  private readonly template: ParsedTemplate;
  private readonly options: ExecuteOptions;
  private vars: Variable[];
  private output = '';
  private node: { pos: number; text: string } = { pos: 0, text: '' };
  private depth = 0;

  constructor(template: ParsedTemplate, data: unknown, options: ExecuteOptions) {
    this.template = template;
    this.options = options;
    this.vars = [{ name: '$', value: data }];
  }

  private fail(message: string): never {
    const before = this.template.source.slice(0, this.node.pos);
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const column = this.node.pos - (before.lastIndexOf('\n') + 1);
    let context = this.node.text;
    if (context.length > 20) context = `${context.slice(0, 20)}...`;
    throw new ExecError(`template: :${line}:${column}: executing "" at <${context}>: ${message}`);
  }

  private at(pos: number, text: string): void {
    this.node = { pos, text };
  }

  run(dot: unknown): string {
    this.walkList(dot, this.template.root);
    return this.output;
  }

  private walkList(dot: unknown, list: Node[]): void {
    for (const node of list) this.walk(dot, node);
  }

  private walk(dot: unknown, node: Node): void {
    switch (node.kind) {
      case 'text':
        this.output += node.text;
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.output += this.printable(value, node.pos, pipeText(node.pipe));
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const value = this.evalPipeline(dot, node.pipe);
        if (truth(value)) this.walkList(node.kind === 'with' ? value : dot, node.list);
        else if (node.elseList) this.walkList(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'break':
      case 'continue':
        throw new LoopControl(node.kind);
      case 'template': {
        const list = this.template.defines.get(node.name);
        this.at(node.pos, `template ${JSON.stringify(node.name)}`);
        if (!list) this.fail(`no such template ${JSON.stringify(node.name)}`);
        const value = node.pipe ? this.evalPipeline(dot, node.pipe) : null;
        if (++this.depth > 10000) this.fail('exceeded maximum template depth (100000)');
        const saved = this.vars;
        this.vars = [{ name: '$', value }];
        this.walkList(value, list);
        this.vars = saved;
        this.depth--;
      }
    }
  }

  private walkRange(dot: unknown, node: ControlNode): void {
    const mark = this.vars.length;
    const value = this.evalPipeline(dot, { ...node.pipe, decl: [] });
    this.vars.length = mark;
    const each = (key: unknown, element: unknown): boolean => {
      if (node.pipe.decl.length === 1) this.vars.push({ name: node.pipe.decl[0], value: element });
      if (node.pipe.decl.length === 2) {
        this.vars.push({ name: node.pipe.decl[0], value: key });
        this.vars.push({ name: node.pipe.decl[1], value: element });
      }
      try {
        this.walkList(element, node.list);
      } catch (error) {
        if (error instanceof LoopControl) {
          this.vars.length = mark;
          return error.kind === 'continue';
        }
        throw error;
      }
      this.vars.length = mark;
      return true;
    };
    let iterated = false;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        iterated = true;
        if (!each(index, value[index])) break;
      }
    } else if (typeof value === 'number' && Number.isInteger(value)) {
      for (let index = 0; index < value; index++) {
        iterated = true;
        if (!each(index, index)) break;
      }
    } else if (isMapLike(value)) {
      const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
      entries.sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
      for (const [key, element] of entries) {
        iterated = true;
        if (!each(key, element)) break;
      }
    } else if (value !== null && value !== undefined && !isNoValue(value)) {
      this.at(node.pipe.pos, pipeText(node.pipe));
      this.fail(`range can't iterate over ${goPrint(value)}`);
    }
    if (!iterated && node.elseList) this.walkList(dot, node.elseList);
  }

  private printable(value: unknown, pos: number, text: string): string {
    if (typeof value === 'function') {
      this.at(pos, text);
      this.fail(`can't print ${text} of type func`);
    }
    return goPrint(value);
  }

  private evalPipeline(dot: unknown, pipe: Pipe): unknown {
    let value: unknown = undefined;
    let hasValue = false;
    for (const command of pipe.cmds) {
      value = this.evalCommand(dot, command, hasValue ? { value } : undefined);
      hasValue = true;
    }
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const variable = [...this.vars].reverse().find((candidate) => candidate.name === name);
        if (variable) variable.value = value;
      } else this.vars.push({ name, value });
    }
    return value;
  }

  private evalCommand(dot: unknown, command: Command, final: { value: unknown } | undefined): unknown {
    const [first, ...args] = command.args;
    this.at(command.pos, commandText(command));
    switch (first.kind) {
      case 'field':
        return this.evalFieldChain(dot, dot, first, first.ident, args, final);
      case 'chain': {
        const receiver = this.evalArg(dot, first.node);
        return this.evalFieldChain(dot, receiver, first, first.fields, args, final);
      }
      case 'variable': {
        const [name, ...fields] = first.ident;
        const value = this.variable(name);
        if (fields.length === 0) {
          this.notAFunction(first, args, final);
          return value;
        }
        return this.evalFieldChain(dot, value, first, fields, args, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first, command, args, final);
      case 'pipe':
        this.notAFunction(first, args, final);
        return this.evalPipeline(dot, first.pipe);
      case 'nil':
        this.fail('nil is not a command');
      default:
        this.notAFunction(first, args, final);
        return this.evalArg(dot, first);
    }
  }

  private notAFunction(operand: Operand, args: Operand[], final: { value: unknown } | undefined): void {
    if (args.length > 0 || final) this.fail(`can't give argument to non-function ${operandText(operand)}`);
  }

  private variable(name: string): unknown {
    for (let index = this.vars.length - 1; index >= 0; index--) if (this.vars[index].name === name) return this.vars[index].value;
    this.fail(`undefined variable: ${name}`);
  }

  private evalArg(dot: unknown, operand: Operand): unknown {
    this.at(operand.pos, operandText(operand));
    switch (operand.kind) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'bool':
        return operand.value;
      case 'number':
        return operand.value;
      case 'string':
        return operand.value;
      case 'field':
        return this.evalFieldChain(dot, dot, operand, operand.ident, [], undefined);
      case 'variable': {
        const [name, ...fields] = operand.ident;
        const value = this.variable(name);
        return fields.length === 0 ? value : this.evalFieldChain(dot, value, operand, fields, [], undefined);
      }
      case 'chain':
        return this.evalFieldChain(dot, this.evalArg(dot, operand.node), operand, operand.fields, [], undefined);
      case 'pipe':
        return this.evalPipeline(dot, operand.pipe);
      case 'identifier':
        return this.evalFunction(dot, operand, { pos: operand.pos, args: [operand] }, [], undefined);
    }
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: Operand,
    fields: string[],
    args: Operand[],
    final: { value: unknown } | undefined,
  ): unknown {
    let value = receiver;
    for (let index = 0; index < fields.length - 1; index++) value = this.evalField(dot, fields[index], node, [], undefined, value);
    return this.evalField(dot, fields[fields.length - 1], node, args, final, value);
  }

  private evalField(
    dot: unknown,
    name: string,
    node: Operand,
    args: Operand[],
    final: { value: unknown } | undefined,
    receiver: unknown,
  ): unknown {
    this.at(node.pos, operandText(node));
    const hasArgs = args.length > 0 || final !== undefined;
    if (receiver === null || receiver === undefined || isNoValue(receiver)) {
      if (this.options.missingKey === 'error') this.fail(`nil data; no entry for key ${JSON.stringify(name)}`);
      return NO_VALUE;
    }
    if (isStruct(receiver)) {
      if (!(name in receiver)) this.fail(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
      const member = receiver[name];
      if (typeof member === 'function') {
        const values = args.map((arg) => this.evalArg(dot, arg));
        if (final) values.push(final.value);
        this.at(node.pos, operandText(node));
        if (member.length !== values.length) {
          this.fail(`wrong number of args for ${name}: want ${member.length} got ${values.length}`);
        }
        return member.apply(receiver, values);
      }
      if (hasArgs) this.fail(`${name} has arguments but cannot be invoked as function`);
      return member;
    }
    if (isMapLike(receiver)) {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      const present = receiver instanceof Map ? receiver.has(name) : Object.hasOwn(receiver, name);
      if (!present) {
        if (this.options.missingKey === 'error') this.fail(`map has no entry for key ${JSON.stringify(name)}`);
        return NO_VALUE;
      }
      return receiver instanceof Map ? receiver.get(name) : receiver[name];
    }
    this.fail(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  private evalFunction(
    dot: unknown,
    identifier: Extract<Operand, { kind: 'identifier' }>,
    command: Command,
    args: Operand[],
    final: { value: unknown } | undefined,
  ): unknown {
    const name = identifier.name;
    const commandNode = { pos: command.pos, text: commandText(command) };
    const count = args.length + (final ? 1 : 0);
    const wantArgs = (want: number, atLeast = false) => {
      if (atLeast ? count < want : count !== want) {
        this.at(identifier.pos, name);
        this.fail(`wrong number of args for ${name}: want ${atLeast ? 'at least ' : ''}${want} got ${count}`);
      }
    };
    // and/or evaluate lazily, stopping at the first decisive value.
    if (name === 'and' || name === 'or') {
      wantArgs(1, true);
      let value: unknown = undefined;
      const operands: Array<Operand | { final: unknown }> = [...args, ...(final ? [{ final: final.value }] : [])];
      for (const operand of operands) {
        value = 'final' in operand ? operand.final : this.evalArg(dot, operand);
        if (truth(value) === (name === 'or')) return value;
      }
      return value;
    }
    const values = args.map((arg) => ({ value: this.evalArg(dot, arg), node: { pos: arg.pos, text: operandText(arg) } }));
    if (final) values.push({ value: final.value, node: commandNode });
    const stringArg = (index: number): string => {
      const { value, node } = values[index];
      if (typeof value !== 'string') {
        this.at(node.pos, node.text);
        this.fail(`expected string; found ${goPrint(value)}`);
      }
      return value;
    };
    const intArg = (index: number): number => {
      const { value, node } = values[index];
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        this.at(node.pos, node.text);
        this.fail(`expected integer; found ${goPrint(value)}`);
      }
      return value;
    };
    const calling = (message: string): never => {
      this.at(commandNode.pos, commandNode.text);
      this.fail(`error calling ${name}: ${message}`);
    };
    const header = this.options.header === true;
    switch (name) {
      case 'json':
        wantArgs(1);
        if (header) return values[0].value;
        {
          // A formatter context marshals itself with json.Marshal, which escapes <, > and & even though
          // the template's encoder does not: `"Ports":"0.0.0.0:80-\u003e80/tcp"`.
          const view = jsonView(values[0].value);
          return view !== values[0].value ? goJson(view) : templateJson(view);
        }
      case 'split':
        wantArgs(2);
        if (header) return values[0].value;
        return stringArg(0).split(stringArg(1));
      case 'join': {
        wantArgs(2);
        if (header) return values[0].value;
        const list = values[0].value;
        if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
          this.at(values[0].node.pos, values[0].node.text);
          this.fail(`wrong type for value; expected []string; got ${goTypeName(list)}`);
        }
        return list.join(stringArg(1));
      }
      case 'title':
        wantArgs(1);
        return header ? values[0].value : goTitle(stringArg(0));
      case 'lower':
        wantArgs(1);
        return header ? values[0].value : stringArg(0).toLowerCase();
      case 'upper':
        wantArgs(1);
        return header ? values[0].value : stringArg(0).toUpperCase();
      case 'pad': {
        wantArgs(3);
        const source = stringArg(0);
        return source === '' ? source : ' '.repeat(intArg(1)) + source + ' '.repeat(intArg(2));
      }
      case 'truncate': {
        wantArgs(2);
        if (header) return values[0].value;
        const source = stringArg(0);
        const length = intArg(1);
        return source.length < length ? source : source.slice(0, length);
      }
      case 'not':
        wantArgs(1);
        return !truth(values[0].value);
      case 'len': {
        wantArgs(1);
        const value = values[0].value;
        if (typeof value === 'string') return new TextEncoder().encode(value).length;
        if (Array.isArray(value)) return value.length;
        if (value instanceof Map) return value.size;
        if (isMapLike(value)) return Object.keys(value).length;
        return calling(`len of type ${goTypeName(value)}`);
      }
      case 'index': {
        wantArgs(1, true);
        let value = values[0].value;
        for (const { value: key } of values.slice(1)) {
          if (typeof value === 'string' || Array.isArray(value)) {
            if (typeof key !== 'number') return calling(`cannot index slice/array with type ${goTypeName(key)}`);
            const length = typeof value === 'string' ? new TextEncoder().encode(value).length : value.length;
            if (key < 0 || key >= length) return calling(`index out of range: ${key}`);
            value = typeof value === 'string' ? new TextEncoder().encode(value)[key] : value[key];
          } else if (isMapLike(value)) {
            if (typeof key !== 'string') return calling(`value has type ${goTypeName(key)}; should be string`);
            const present = value instanceof Map ? value.has(key) : Object.hasOwn(value, key);
            value = present ? (value instanceof Map ? value.get(key) : value[key]) : NO_VALUE;
          } else if (value === null || value === undefined || isNoValue(value)) {
            calling('index of untyped nil');
          } else {
            calling(`can't index item of type ${goTypeName(value)}`);
          }
        }
        return value;
      }
      case 'slice': {
        wantArgs(1, true);
        const value = values[0].value;
        if (typeof value !== 'string' && !Array.isArray(value)) return calling(`can't slice item of type ${goTypeName(value)}`);
        const bounds = values.slice(1).map(({ value: bound }) => {
          if (typeof bound !== 'number') return calling(`cannot index slice/array with type ${goTypeName(bound)}`);
          return bound;
        });
        if (bounds.length > (typeof value === 'string' ? 2 : 3)) calling(`too many slice indexes: ${bounds.length}`);
        const [low = 0, high = value.length] = bounds;
        if (low < 0 || high < low || high > value.length) calling(`index out of range: ${high > value.length ? high : low}`);
        return value.slice(low, high);
      }
      case 'eq': {
        wantArgs(1, true);
        if (count < 2) return calling('missing argument for comparison');
        for (const { value } of values.slice(1)) {
          const equal = compareValues('eq', values[0].value, value);
          if (typeof equal === 'object') return calling(equal.error);
          if (equal) return true;
        }
        return false;
      }
      case 'ne': {
        wantArgs(2);
        const equal = compareValues('ne', values[0].value, values[1].value);
        if (typeof equal === 'object') return calling(equal.error);
        return !equal;
      }
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        wantArgs(2);
        const order = compareValues(name, values[0].value, values[1].value);
        if (typeof order === 'object') return calling(order.error);
        const sign = Number(order);
        return name === 'lt' ? sign < 0 : name === 'le' ? sign <= 0 : name === 'gt' ? sign > 0 : sign >= 0;
      }
      case 'print':
        return goSprint(values.map(({ value }) => value));
      case 'println':
        return `${values.map(({ value }) => goPrint(value)).join(' ')}\n`;
      case 'printf': {
        wantArgs(1, true);
        return formatPrintf(stringArg(0), values.slice(1).map(({ value }) => value));
      }
      case 'html':
        return htmlEscape(goSprint(values.map(({ value }) => value)));
      case 'js':
        return jsEscape(goSprint(values.map(({ value }) => value)));
      case 'urlquery':
        return queryEscape(goSprint(values.map(({ value }) => value)));
      case 'call': {
        wantArgs(1, true);
        const fn = values[0].value;
        if (typeof fn !== 'function') return calling(`non-function ${values[0].node.text} of type ${goTypeName(fn)}`);
        return fn(...values.slice(1).map(({ value }) => value));
      }
    }
    return this.fail(`function ${JSON.stringify(name)} not defined`);
  }
}

/**
 * What encoding/json sees of a value: docker/cli's formatter contexts marshal their methods' results as a
 * map (so keys come out sorted); other structs marshal their fields in order.
 */
function jsonView(value: unknown): unknown {
  if (!isStruct(value)) return value;
  // A context with its own MarshalJSON (docker/cli's search context prints booleans differently in JSON).
  const marshal = (value as { MarshalJSON?: unknown }).MarshalJSON;
  if (typeof marshal === 'function') return marshal.call(value);
  const members = Object.entries(value);
  if (!members.some(([, member]) => typeof member === 'function')) return value;
  const view = new Map<string, unknown>();
  for (const [name, member] of members) {
    if (typeof member !== 'function') view.set(name, member);
    else if (member.length === 0) view.set(name, member.call(value));
  }
  return view;
}

/** fmt.Sprint: spaces only between operands when neither is a string. */
function goSprint(values: unknown[]): string {
  let out = '';
  values.forEach((value, index) => {
    if (index > 0 && typeof value !== 'string' && typeof values[index - 1] !== 'string') out += ' ';
    out += goPrint(value);
  });
  return out;
}

/** Runs a parsed template over `data`. Plain objects act as Go maps; `goStruct` objects as Go structs. */
export function executeTemplate(template: ParsedTemplate, data: unknown, options: ExecuteOptions = {}): TemplateResult {
  try {
    return { ok: true, text: new Executor(template, data, options).run(data) };
  } catch (error) {
    if (error instanceof ExecError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Parses and runs in one go. */
export function renderTemplate(source: string, data: unknown, options: ExecuteOptions = {}): TemplateResult {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return parsed;
  return executeTemplate(parsed.template, data, options);
}

/**
 * How docker/cli's formatter reads a `--format` value: a `table` prefix, surrounding spaces trimmed, and the
 * two-character sequences `\t` and `\n` turned into a tab and a newline.
 */
export function prepareFormat(format: string): { table: boolean; source: string } {
  if (format === 'json') return { table: false, source: '{{json .}}' };
  const table = format.startsWith('table');
  const body = (table ? format.slice('table'.length) : format).replace(/^ +| +$/g, '');
  return { table, source: body.replaceAll('\\t', '\t').replaceAll('\\n', '\n') };
}

/** Docker's wrapping of template errors, parse-time and run-time alike: `template parsing error: …`. */
export function dockerTemplateError(error: string): string {
  return `template parsing error: ${error}`;
}
