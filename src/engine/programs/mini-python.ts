// A very small Python: enough for `python -c "print(1 + 1)"`, a script of prints and assignments, and Flask routes that return text.

export type PyValue = number | PyFloat | PyObject | string | boolean | null | PyValue[] | { [key: string]: PyValue };

/** Something from a library (a module, `Flask(__name__)`): it can be passed around, called and asked for attributes. */
export class PyObject {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

/** A float; plain numbers are ints, so that `4 / 2` prints `2.0` and `2 + 2` prints `4`. */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

function isNumber(value: PyValue): value is number | PyFloat {
  return typeof value === 'number' || value instanceof PyFloat;
}

function numeric(value: PyValue): number {
  return value instanceof PyFloat ? value.value : (value as number);
}

/** The result of an operation on `operands`: a float when any operand is one (or `forceFloat`). */
function arith(result: number, operands: PyValue[], forceFloat = false): number | PyFloat {
  return forceFloat || operands.some((operand) => operand instanceof PyFloat) ? new PyFloat(result) : result;
}

export class PyError {
  readonly type: string;
  readonly message: string;
  constructor(type: string, message: string) {
    this.type = type;
    this.message = message;
  }
}

type Token = { kind: 'num' | 'str' | 'fstr' | 'name' | 'op'; text: string; value?: PyValue };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at];
    if (char === ' ' || char === '\t') {
      at++;
      continue;
    }
    if (char === '#') break;
    const number = /^(\d+\.\d*|\.\d+|\d+)(e[+-]?\d+)?/i.exec(source.slice(at));
    if (number) {
      const isFloat = number[0].includes('.') || /e/i.test(number[0]);
      tokens.push({ kind: 'num', text: number[0], value: isFloat ? new PyFloat(Number(number[0])) : Number(number[0]) });
      at += number[0].length;
      continue;
    }
    const string = /^([fFrRbBuU]{0,2})('''|"""|'|")/.exec(source.slice(at));
    if (string && (string[1] === '' || /^[a-zA-Z]+$/.test(string[1]))) {
      const prefix = string[1].toLowerCase();
      const quote = string[2];
      let end = at + string[0].length;
      let text = '';
      while (end < source.length && source.slice(end, end + quote.length) !== quote) {
        if (source[end] === '\\' && !prefix.includes('r')) {
          const next = source[end + 1];
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next === '\\' ? '\\' : next === "'" ? "'" : next === '"' ? '"' : `\\${next}`;
          end += 2;
          continue;
        }
        text += source[end++];
      }
      if (end >= source.length) throw new PyError('SyntaxError', quote.length === 3 ? 'EOF while scanning triple-quoted string literal' : 'EOL while scanning string literal');
      tokens.push({ kind: prefix.includes('f') ? 'fstr' : 'str', text, value: text });
      at = end + quote.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z_0-9]*/.exec(source.slice(at));
    if (name) {
      tokens.push({ kind: 'name', text: name[0] });
      at += name[0].length;
      continue;
    }
    const op = /^(\*\*|\/\/|==|!=|<=|>=|[-+*/%(),.[\]{}:<>=@])/.exec(source.slice(at));
    if (!op) throw new PyError('SyntaxError', 'invalid syntax');
    tokens.push({ kind: 'op', text: op[0] });
    at += op[0].length;
  }
  return tokens;
}

export function pyRepr(value: PyValue): string {
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (value instanceof PyFloat) return pyStr(value);
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${pyRepr(key)}: ${pyRepr(item)}`).join(', ')}}`;
  return pyStr(value);
}

export function pyStr(value: PyValue): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (value instanceof PyObject) return `<${value.name}>`;
  if (value instanceof PyFloat) {
    if (Number.isNaN(value.value)) return 'nan';
    if (!Number.isFinite(value.value)) return value.value > 0 ? 'inf' : '-inf';
    const text = String(value.value);
    return text.includes('.') || text.includes('e') ? text.replace(/e\+?/, 'e+').replace('e+-', 'e-') : `${text}.0`;
  }
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

function isDict(value: PyValue): value is { [key: string]: PyValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof PyFloat) && !(value instanceof PyObject);
}

function typeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'int';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyObject) return 'object';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}

export interface PyScope {
  vars: Record<string, PyValue>;
  /** Modules that import; others raise ModuleNotFoundError. */
  canImport(module: string): boolean;
  print(text: string): void;
  /** `sys.version`. */
  version: string;
}

class Parser {
  private readonly tokens: Token[];
  private at = 0;
  private readonly scope: PyScope;

  constructor(tokens: Token[], scope: PyScope) {
    this.tokens = tokens;
    this.scope = scope;
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  private peek(text?: string): Token | undefined {
    const token = this.tokens[this.at];
    if (text !== undefined && token?.text !== text) return undefined;
    return token;
  }

  private take(text?: string): Token {
    const token = this.tokens[this.at];
    if (!token) throw new PyError('SyntaxError', 'unexpected EOF while parsing');
    if (text !== undefined && token.text !== text) throw new PyError('SyntaxError', 'invalid syntax');
    this.at++;
    return token;
  }

  expression(): PyValue {
    return this.comparison();
  }

  private comparison(): PyValue {
    let left = this.additive();
    for (;;) {
      const op = this.peek()?.text;
      if (op !== '==' && op !== '!=' && op !== '<' && op !== '>' && op !== '<=' && op !== '>=') return left;
      this.take();
      const right = this.additive();
      const a = isNumber(left) ? numeric(left) : left;
      const b = isNumber(right) ? numeric(right) : right;
      left = op === '==' ? a === b : op === '!=' ? a !== b : op === '<' ? (a as number) < (b as number) : op === '>' ? (a as number) > (b as number) : op === '<=' ? (a as number) <= (b as number) : (a as number) >= (b as number);
    }
  }

  private additive(): PyValue {
    let left = this.term();
    for (;;) {
      const op = this.peek()?.text;
      if (op !== '+' && op !== '-') return left;
      this.take();
      const right = this.term();
      if (op === '+') {
        if (typeof left === 'string' && typeof right === 'string') left = left + right;
        else if (isNumber(left) && isNumber(right)) left = arith(numeric(left) + numeric(right), [left, right]);
        else if (Array.isArray(left) && Array.isArray(right)) left = [...left, ...right];
        else throw new PyError('TypeError', typeof left === 'string' ? `can only concatenate str (not "${typeName(right)}") to str` : `unsupported operand type(s) for +: '${typeName(left)}' and '${typeName(right)}'`);
      } else {
        if (!isNumber(left) || !isNumber(right)) throw new PyError('TypeError', `unsupported operand type(s) for -: '${typeName(left)}' and '${typeName(right)}'`);
        left = arith(numeric(left) - numeric(right), [left, right]);
      }
    }
  }

  private term(): PyValue {
    let left = this.unary();
    for (;;) {
      const op = this.peek()?.text;
      if (op !== '*' && op !== '/' && op !== '//' && op !== '%') return left;
      this.take();
      const right = this.unary();
      if (op === '*' && typeof left === 'string' && typeof right === 'number') {
        left = left.repeat(Math.max(0, right));
        continue;
      }
      if (!isNumber(left) || !isNumber(right)) throw new PyError('TypeError', `unsupported operand type(s) for ${op}: '${typeName(left)}' and '${typeName(right)}'`);
      const a = numeric(left);
      const b = numeric(right);
      if ((op === '/' || op === '//' || op === '%') && b === 0) {
        throw new PyError('ZeroDivisionError', op === '/' ? (left instanceof PyFloat || right instanceof PyFloat ? 'float division by zero' : 'division by zero') : 'integer division or modulo by zero');
      }
      if (op === '*') left = arith(a * b, [left, right]);
      else if (op === '/') left = arith(a / b, [left, right], true);
      else if (op === '//') left = arith(Math.floor(a / b), [left, right]);
      else left = arith(((a % b) + b) % b, [left, right]);
    }
  }

  private unary(): PyValue {
    if (this.peek('-')) {
      this.take();
      const value = this.unary();
      if (!isNumber(value)) throw new PyError('TypeError', `bad operand type for unary -: '${typeName(value)}'`);
      return arith(-numeric(value), [value]);
    }
    if (this.peek('+')) {
      this.take();
      return this.unary();
    }
    if (this.peek('not')) {
      this.take();
      return !truthy(this.unary());
    }
    return this.power();
  }

  private power(): PyValue {
    const base = this.postfix();
    if (!this.peek('**')) return base;
    this.take();
    const exponent = this.unary();
    if (!isNumber(base) || !isNumber(exponent)) throw new PyError('TypeError', "unsupported operand type(s) for ** or pow()");
    return arith(numeric(base) ** numeric(exponent), [base, exponent], numeric(exponent) < 0);
  }

  private postfix(): PyValue {
    let value = this.atom();
    for (;;) {
      if (this.peek('.')) {
        this.take();
        const method = this.take().text;
        if (this.peek('(')) {
          const args = this.callArguments().positional;
          value = callMethod(value, method, args);
        } else value = attribute(value, method, this.scope);
        continue;
      }
      if (this.peek('[')) {
        this.take();
        const index = this.expression();
        this.take(']');
        value = subscript(value, index);
        continue;
      }
      return value;
    }
  }

  callArguments(): { positional: PyValue[]; keywords: Record<string, PyValue> } {
    this.take('(');
    const positional: PyValue[] = [];
    const keywords: Record<string, PyValue> = {};
    while (!this.peek(')')) {
      const token = this.peek();
      if (token?.kind === 'name' && this.tokens[this.at + 1]?.text === '=') {
        this.at += 2;
        keywords[token.text] = this.expression();
      } else positional.push(this.expression());
      if (!this.peek(',')) break;
      this.take(',');
    }
    this.take(')');
    return { positional, keywords };
  }

  private atom(): PyValue {
    const token = this.take();
    if (token.kind === 'num' || token.kind === 'str') {
      let value = token.value as PyValue;
      // Adjacent string literals join, as in Python.
      while (token.kind === 'str' && this.peek()?.kind === 'str') value = `${value as string}${this.take().value as string}`;
      return value;
    }
    if (token.kind === 'fstr') return this.formatString(token.text);
    if (token.text === '(') {
      const value = this.expression();
      this.take(')');
      return value;
    }
    if (token.text === '[') {
      const items: PyValue[] = [];
      while (!this.peek(']')) {
        items.push(this.expression());
        if (!this.peek(',')) break;
        this.take(',');
      }
      this.take(']');
      return items;
    }
    if (token.text === '{') {
      const entries: Record<string, PyValue> = {};
      while (!this.peek('}')) {
        const key = this.expression();
        this.take(':');
        entries[pyStr(key)] = this.expression();
        if (!this.peek(',')) break;
        this.take(',');
      }
      this.take('}');
      return entries;
    }
    if (token.kind === 'name') {
      if (token.text === 'True') return true;
      if (token.text === 'False') return false;
      if (token.text === 'None') return null;
      if (this.peek('(')) {
        const { positional, keywords } = this.callArguments();
        const bound = this.scope.vars[token.text];
        if (Object.hasOwn(this.scope.vars, token.text) && bound instanceof PyObject) return new PyObject(`${bound.name}()`);
        return callBuiltin(token.text, positional, keywords, this.scope);
      }
      if (Object.hasOwn(this.scope.vars, token.text)) return this.scope.vars[token.text];
      throw new PyError('NameError', `name '${token.text}' is not defined`);
    }
    throw new PyError('SyntaxError', 'invalid syntax');
  }

  private formatString(text: string): string {
    return text.replace(/\{([^{}]+)\}/g, (_match, inner: string) => {
      const parser = new Parser(tokenize(inner.replace(/![rs]$/, '')), this.scope);
      const value = parser.expression();
      return inner.endsWith('!r') ? pyRepr(value) : pyStr(value);
    });
  }
}

function truthy(value: PyValue): boolean {
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

function attribute(value: PyValue, name: string, scope: PyScope): PyValue {
  if (value instanceof PyObject) {
    if (value.name === 'sys' && name === 'version') return scope.version;
    return new PyObject(`${value.name}.${name}`);
  }
  throw new PyError('AttributeError', `'${typeName(value)}' object has no attribute '${name}'`);
}

function subscript(value: PyValue, index: PyValue): PyValue {
  if (typeof value === 'string' || Array.isArray(value)) {
    if (typeof index !== 'number') throw new PyError('TypeError', `${typeName(value)} indices must be integers or slices, not ${typeName(index)}`);
    const at = index < 0 ? value.length + index : index;
    if (at < 0 || at >= value.length) throw new PyError('IndexError', `${typeName(value)} index out of range`);
    return value[at];
  }
  if (isDict(value)) {
    const key = pyStr(index);
    if (!Object.hasOwn(value, key)) throw new PyError('KeyError', pyRepr(index));
    return value[key];
  }
  throw new PyError('TypeError', `'${typeName(value)}' object is not subscriptable`);
}

function callMethod(value: PyValue, method: string, args: PyValue[]): PyValue {
  if (value instanceof PyObject) {
    if (value.name === 'sys' && method === 'exit') throw new PyExit(typeof args[0] === 'number' ? args[0] : 0);
    return new PyObject(`${value.name}.${method}()`);
  }
  if (typeof value === 'string') {
    switch (method) {
      case 'upper':
        return value.toUpperCase();
      case 'lower':
        return value.toLowerCase();
      case 'strip':
        return value.trim();
      case 'title':
        return value.replace(/\b\w/g, (letter) => letter.toUpperCase());
      case 'replace':
        return value.split(String(args[0])).join(String(args[1]));
      case 'split':
        return args.length === 0 ? value.split(/\s+/).filter(Boolean) : value.split(String(args[0]));
      case 'join':
        return (args[0] as PyValue[]).map((item) => String(item)).join(value);
      case 'format':
        return value.replace(/\{(\d*)\}/g, (_match, index: string, offset: number) => pyStr(args[index === '' ? value.slice(0, offset).split('{}').length - 1 : Number(index)] ?? ''));
      default:
        break;
    }
  }
  throw new PyError('AttributeError', `'${typeName(value)}' object has no attribute '${method}'`);
}

function callBuiltin(name: string, args: PyValue[], keywords: Record<string, PyValue>, scope: PyScope): PyValue {
  switch (name) {
    case 'print': {
      const sep = keywords.sep === undefined ? ' ' : pyStr(keywords.sep);
      const end = keywords.end === undefined ? '\n' : pyStr(keywords.end);
      scope.print(`${args.map(pyStr).join(sep)}${end}`);
      return null;
    }
    case 'len':
      if (typeof args[0] === 'string' || Array.isArray(args[0])) return args[0].length;
      if (isDict(args[0] ?? null)) return Object.keys(args[0] as object).length;
      throw new PyError('TypeError', `object of type '${typeName(args[0] ?? null)}' has no len()`);
    case 'str':
      return args.length === 0 ? '' : pyStr(args[0]);
    case 'repr':
      return pyRepr(args[0]);
    case 'int': {
      const value = args[0];
      if (isNumber(value)) return Math.trunc(numeric(value));
      if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
      throw new PyError('ValueError', `invalid literal for int() with base 10: ${pyRepr(value ?? null)}`);
    }
    case 'float': {
      const value = args[0] ?? 0;
      const number = isNumber(value) ? numeric(value) : Number(value);
      if (typeof value === 'string' && Number.isNaN(number)) throw new PyError('ValueError', `could not convert string to float: ${pyRepr(value)}`);
      return new PyFloat(number);
    }
    case 'abs':
      return arith(Math.abs(numeric(args[0] ?? 0)), args);
    case 'round':
      return args.length > 1 ? new PyFloat(Number(numeric(args[0] ?? 0).toFixed(numeric(args[1] ?? 0)))) : Math.round(numeric(args[0] ?? 0));
    case 'max':
    case 'min': {
      const items = (Array.isArray(args[0]) ? args[0] : args) as PyValue[];
      if (items.length === 0) throw new PyError('ValueError', `${name}() arg is an empty sequence`);
      return items.reduce((best, item) => ((name === 'max' ? numeric(item) > numeric(best) : numeric(item) < numeric(best)) ? item : best));
    }
    case 'sum':
      return (args[0] as PyValue[]).reduce<number | PyFloat>((total, item) => arith(numeric(total) + numeric(item), [total, item]), 0);
    case 'range': {
      const [start, stop] = args.length === 1 ? [0, args[0] as number] : [args[0] as number, args[1] as number];
      return Array.from({ length: Math.max(0, stop - start) }, (_, index) => start + index);
    }
    case 'type':
      return `<class '${typeName(args[0] ?? null)}'>`;
    case 'input':
      throw new PyError('EOFError', 'EOF when reading a line');
    case 'exit':
    case 'quit':
      throw new PyExit(typeof args[0] === 'number' ? args[0] : 0);
    case 'jsonify':
      return args.length === 1 ? (args[0] ?? null) : Object.keys(keywords).length > 0 ? keywords : args;
    default:
      throw new PyError('NameError', `name '${name}' is not defined`);
  }
}

/** `exit()`/`sys.exit()`: ends the program with a status. */
export class PyExit {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** Runs one logical line: an import, an assignment or an expression. Returns the expression's value for the REPL. */
export function runPythonLine(line: string, scope: PyScope): { value?: PyValue } {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed === 'pass') return {};
  const imported = /^import\s+([\w.]+)(\s+as\s+(\w+))?$/.exec(trimmed);
  const fromImport = /^from\s+([\w.]+)\s+import\s+(.+)$/.exec(trimmed);
  if (imported || fromImport) {
    const module = (imported ?? fromImport)![1].split('.')[0];
    if (!scope.canImport(module)) throw new PyError('ModuleNotFoundError', `No module named '${module}'`);
    if (imported) scope.vars[imported[3] ?? module] = new PyObject(module);
    else {
      for (const name of fromImport![2].replace(/[()]/g, '').split(',')) {
        const [original, alias] = name.trim().split(/\s+as\s+/);
        if (original) scope.vars[alias ?? original] = new PyObject(original);
      }
    }
    return {};
  }
  const assignment = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$/.exec(trimmed);
  const tokens = tokenize(assignment ? assignment[2] : trimmed);
  if (tokens.length === 0) return {};
  const parser = new Parser(tokens, scope);
  const value = parser.expression();
  if (!parser.done()) throw new PyError('SyntaxError', 'invalid syntax');
  if (assignment) {
    scope.vars[assignment[1]] = value;
    return {};
  }
  return { value };
}

/** Splits source into logical lines (`;` and newlines), keeping each one's line number. Block statements are skipped. */
export function pythonLines(source: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  source.split('\n').forEach((text, index) => {
    if (/^\s/.test(text) || /^(def|class|if|for|while|with|try|except|finally|else|elif|@)\b/.test(text.trim()) || text.trim().startsWith('@')) return;
    for (const piece of splitStatements(text)) lines.push({ line: index + 1, text: piece });
  });
  return lines;
}

function splitStatements(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quote = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ';') {
      pieces.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  pieces.push(current);
  return pieces.filter((piece) => piece.trim() !== '');
}
