// The Dockerfile parser: directives, continuations, heredocs and every instruction, with BuildKit's error words.
//
// It works in BuildKit's two passes. The first (frontend/dockerfile/parser) turns lines into nodes and fails
// with bare messages (`ENV must have two arguments`); the second (frontend/dockerfile/instructions) types each
// node and fails with `dockerfile parse error on line N: …`. A later line's first-pass error therefore wins
// over an earlier line's second-pass error, exactly as in `docker build`.

export interface SourceRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

/** A failed build's cause: the text after `ERROR: failed to solve: ` and the Dockerfile lines it points at. */
export interface BuildFailure {
  message: string;
  ranges: SourceRange[];
}

export interface LintWarning {
  rule: string;
  message: string;
  line: number;
}

export interface Heredoc {
  name: string;
  content: string;
  /** Variables in the content are expanded (the delimiter was not quoted). */
  expand: boolean;
  chomp: boolean;
}

interface InstructionBase {
  /** The keyword as written (`RUN`, `run`). */
  keyword: string;
  /** The whole instruction text after continuations are joined. */
  original: string;
  range: SourceRange;
}

export interface FromInstruction extends InstructionBase {
  kind: 'FROM';
  image: string;
  /** Lower-cased `AS` name, or empty. */
  stageName: string;
  platform: string;
}

export interface CopyInstruction extends InstructionBase {
  kind: 'COPY' | 'ADD';
  sources: string[];
  heredocSources: Heredoc[];
  dest: string;
  from: string;
  chown: string;
  chmod: string;
  link: boolean;
  exclude: string[];
  parents: boolean;
  checksum: string;
}

export interface CommandLine {
  /** Exec form (a JSON array) or shell form (one string run by the SHELL). */
  form: 'exec' | 'shell';
  /** Exec form: argv. Shell form: one element, the script. */
  args: string[];
}

export interface RunInstruction extends InstructionBase {
  kind: 'RUN';
  command: CommandLine;
  heredocs: Heredoc[];
  mounts: string[];
  network: string;
}

export interface CmdInstruction extends InstructionBase {
  kind: 'CMD' | 'ENTRYPOINT';
  command: CommandLine;
}

export interface KeyValue {
  key: string;
  value: string;
  /** Written in the legacy `ENV key value` form. */
  legacy: boolean;
}

export interface EnvInstruction extends InstructionBase {
  kind: 'ENV' | 'LABEL';
  pairs: KeyValue[];
}

export interface ArgInstruction extends InstructionBase {
  kind: 'ARG';
  args: { key: string; value: string | undefined }[];
}

export interface SingleValueInstruction extends InstructionBase {
  kind: 'WORKDIR' | 'USER' | 'STOPSIGNAL' | 'MAINTAINER';
  value: string;
}

export interface ListInstruction extends InstructionBase {
  kind: 'EXPOSE' | 'VOLUME' | 'SHELL';
  values: string[];
}

export interface HealthcheckInstruction extends InstructionBase {
  kind: 'HEALTHCHECK';
  /** `['NONE']`, `['CMD', …]` or `['CMD-SHELL', script]`, as the image config stores it. */
  test: string[];
  /** Nanoseconds, 0 when not given. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

export interface OnbuildInstruction extends InstructionBase {
  kind: 'ONBUILD';
  expression: string;
}

export type Instruction =
  | FromInstruction
  | CopyInstruction
  | RunInstruction
  | CmdInstruction
  | EnvInstruction
  | ArgInstruction
  | SingleValueInstruction
  | ListInstruction
  | HealthcheckInstruction
  | OnbuildInstruction;

export interface Stage {
  from: FromInstruction;
  /** Position among the file's stages, from 0. */
  index: number;
  commands: Instruction[];
}

export interface Dockerfile {
  /** Lines as split by `\n` (what the error excerpt prints). */
  lines: string[];
  escapeToken: string;
  syntax: string;
  /** Rules named by `# check=skip=…`. */
  skippedChecks: string[];
  metaArgs: ArgInstruction[];
  stages: Stage[];
  /** Lint results found while parsing (more come while planning). */
  warnings: LintWarning[];
}

export type ParseResult = { ok: true; dockerfile: Dockerfile } | { ok: false; failure: BuildFailure; warnings: LintWarning[] };

/** A first-pass node: an instruction with its raw flags and argument words. */
interface Node {
  keyword: string;
  flags: string[];
  args: string[];
  json: boolean;
  original: string;
  startLine: number;
  endLine: number;
  heredocs: Heredoc[];
  /** ONBUILD's inner instruction. */
  child?: Node;
  /** ENV/LABEL pairs: key, value, and whether `=` separated them. */
  pairs?: KeyValue[];
}

class ParseError {
  readonly message: string;
  readonly range: SourceRange;
  constructor(message: string, range: SourceRange) {
    this.message = message;
    this.range = range;
  }
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['escape', 'syntax', 'check']);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
const HEREDOC_COMMANDS = new Set(['add', 'copy', 'run']);

export const INSTRUCTION_NAMES = [
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer',
  'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
];

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f';
}

function trimLeft(text: string): string {
  return text.replace(/^[\s]+/, '');
}

// ---------------------------------------------------------------------------------------------------------
// First pass: lines → nodes

interface Directives {
  escapeToken: string;
  syntax: string;
  check: string;
  done: boolean;
  seen: Set<string>;
}

function readDirective(directives: Directives, line: string, lineNumber: number): void {
  if (directives.done) return;
  const match = DIRECTIVE.exec(line);
  if (!match) {
    directives.done = true;
    return;
  }
  const key = match[1].toLowerCase();
  if (!KNOWN_DIRECTIVES.has(key)) {
    directives.done = true;
    return;
  }
  const range = { start: lineNumber, end: lineNumber };
  if (directives.seen.has(key)) throw new ParseError(`only one ${key} parser directive can be used`, range);
  directives.seen.add(key);
  if (key === 'escape') {
    if (match[2] !== '`' && match[2] !== '\\') throw new ParseError(`invalid escape token '${match[2]}' does not match \` or \\`, range);
    directives.escapeToken = match[2];
  } else if (key === 'syntax') {
    directives.syntax = match[2];
  } else {
    directives.check = match[2];
  }
}

/** A line ends with the escape token (not itself escaped): the instruction continues. */
function trimContinuation(line: string, escapeToken: string): { text: string; continues: boolean } {
  const trimmed = line.replace(/[ \t]+$/, '');
  if (!trimmed.endsWith(escapeToken)) return { text: line, continues: false };
  const before = trimmed.slice(0, -1);
  if (before.length > 0 && before.endsWith(escapeToken)) return { text: line, continues: false };
  return { text: before, continues: true };
}

function isCommentLine(line: string): boolean {
  return trimLeft(line).startsWith('#');
}

/** Splits leading `--flag` words off the arguments, honouring quotes and backslashes. */
function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let pos = 0;
  while (pos < line.length) {
    while (pos < line.length && isSpace(line[pos])) pos++;
    if (pos >= line.length) return { rest: '', flags };
    if (!(line[pos] === '-' && line[pos + 1] === '-')) return { rest: line.slice(pos), flags };
    let word = '';
    let quote = '';
    let blankOk = false;
    const start = pos;
    for (; pos < line.length; pos++) {
      const ch = line[pos];
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === '\\' && pos + 1 < line.length) word += line[++pos];
        else word += ch;
        continue;
      }
      if (isSpace(ch)) break;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 < line.length) word += line[++pos];
        continue;
      }
      word += ch;
    }
    if (word === '--') return { rest: line.slice(pos), flags };
    if (blankOk || word.length > 0) flags.push(word);
    if (pos === start) pos++;
  }
  return { rest: '', flags };
}

/** Words as the parser keeps them for ENV/LABEL/ARG: split on unquoted space, quotes and escapes left in. */
function parseWords(rest: string, escapeToken: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  let blankOk = false;
  for (let pos = 0; pos < rest.length; pos++) {
    const ch = rest[pos];
    if (!inWord) {
      if (isSpace(ch)) continue;
      inWord = true;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === escapeToken && quote !== "'") {
        if (pos + 1 === rest.length) continue;
        word += ch;
        word += rest[++pos];
        continue;
      }
      word += ch;
      continue;
    }
    if (isSpace(ch)) {
      if (blankOk || word.length > 0) words.push(word);
      word = '';
      blankOk = false;
      inWord = false;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      blankOk = true;
    }
    if (ch === escapeToken) {
      if (pos + 1 === rest.length) continue;
      word += ch;
      word += rest[++pos];
      continue;
    }
    word += ch;
  }
  if (inWord && (blankOk || word.length > 0)) words.push(word);
  return words;
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** A JSON array of strings, or undefined when the text is not JSON (then it is shell form). */
function parseJsonArray(rest: string, range: SourceRange): string[] | undefined {
  const text = trimLeft(rest);
  if (!text.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  if (!value.every((item) => typeof item === 'string')) throw new ParseError(NOT_STRING_ARRAY, range);
  return value as string[];
}

function splitWhitespace(rest: string): string[] {
  if (rest === '') return [];
  return rest.split(/[\t\v\f\r ]+/);
}

function parseNameVal(rest: string, key: string, escapeToken: string, range: SourceRange): KeyValue[] {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return [];
  if (!words[0].includes('=')) {
    const parts = rest.split(/[\t\v\f\r ]+/);
    if (parts.length < 2 || rest.trim() === words[0]) throw new ParseError(`${key} must have two arguments`, range);
    const space = rest.search(/[\t\v\f\r ]/);
    return [{ key: rest.slice(0, space), value: rest.slice(space).replace(/^[\t\v\f\r ]+/, ''), legacy: true }];
  }
  return words.map((word) => {
    if (!word.includes('=')) {
      throw new ParseError(`Syntax error - can't find = in ${JSON.stringify(word)}. Must be of the form: name=value`, range);
    }
    const equals = word.indexOf('=');
    return { key: word.slice(0, equals), value: word.slice(equals + 1), legacy: false };
  });
}

function heredocFromWord(word: string): Heredoc | undefined {
  const match = HEREDOC_WORD.exec(word);
  if (!match || match[3] === '') return undefined;
  const raw = match[3];
  const unquoted = raw.replace(/['"]/g, '');
  if (unquoted === '' || /\s/.test(unquoted)) return undefined;
  return { name: unquoted, content: '', expand: unquoted === raw, chomp: match[2] === '-' };
}

function newNode(line: string, escapeToken: string, startLine: number, endLine: number): Node {
  const range = { start: startLine, end: endLine };
  const trimmed = line.trim();
  const space = trimmed.search(/[\t\v\f\r ]/);
  const keyword = space === -1 ? trimmed : trimmed.slice(0, space);
  const afterKeyword = space === -1 ? '' : trimmed.slice(space);
  const { rest: restWithSpace, flags } = extractBuilderFlags(afterKeyword);
  const rest = restWithSpace.trim();
  const node: Node = { keyword, flags, args: [], json: false, original: line, startLine, endLine, heredocs: [] };
  switch (keyword.toLowerCase()) {
    case 'add':
    case 'copy':
    case 'volume': {
      const json = parseJsonArray(rest, range);
      if (json) {
        node.args = json;
        node.json = true;
      } else node.args = splitWhitespace(rest);
      break;
    }
    case 'arg':
      node.args = parseWords(rest, escapeToken);
      break;
    case 'cmd':
    case 'entrypoint':
    case 'run':
    case 'shell': {
      if (rest === '') break;
      const json = parseJsonArray(rest, range);
      if (json) {
        node.args = json;
        node.json = true;
      } else node.args = [rest];
      break;
    }
    case 'env':
    case 'label':
      node.pairs = parseNameVal(rest, keyword.toLowerCase() === 'env' ? 'ENV' : 'LABEL', escapeToken, range);
      node.args = node.pairs.flatMap((pair) => [pair.key, pair.value]);
      break;
    case 'expose':
    case 'from':
      node.args = splitWhitespace(rest);
      break;
    case 'healthcheck': {
      const space = rest.search(/[\t\v\f\r ]/);
      if (rest === '') break;
      const type = space === -1 ? rest : rest.slice(0, space);
      const command = space === -1 ? '' : rest.slice(space).trim();
      node.args = [type];
      if (command !== '') {
        const json = parseJsonArray(command, range);
        if (json) {
          node.args.push(...json);
          node.json = true;
        } else node.args.push(command);
      }
      break;
    }
    case 'maintainer':
    case 'stopsignal':
    case 'user':
    case 'workdir':
      if (rest !== '') node.args = [rest];
      break;
    case 'onbuild':
      if (rest !== '') {
        node.child = newNode(rest, escapeToken, startLine, endLine);
        node.args = [node.child.keyword, ...node.child.args];
      }
      break;
    default:
      break;
  }
  return node;
}

function canContainHeredoc(node: Node): boolean {
  const target = node.keyword.toLowerCase() === 'onbuild' && node.child ? node.child : node;
  return HEREDOC_COMMANDS.has(target.keyword.toLowerCase()) && !target.json;
}

function firstPass(text: string): { nodes: Node[]; directives: Directives; lines: string[] } {
  const directives: Directives = { escapeToken: '\\', syntax: '', check: '', done: false, seen: new Set() };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rawLines = source.split('\n');
  // A trailing newline ends the last line rather than starting an empty one.
  const scanLines = source.endsWith('\n') ? rawLines.slice(0, -1) : rawLines;
  const nodes: Node[] = [];
  let index = 0;
  const next = (): string => scanLines[index++].replace(/\r$/, '');
  while (index < scanLines.length) {
    const lineNumber = index + 1;
    const original = next();
    const stripped = trimLeft(original);
    readDirective(directives, stripped, lineNumber);
    const withoutComment = stripped.startsWith('#') ? '' : stripped;
    const startLine = lineNumber;
    let { text: line, continues } = trimContinuation(withoutComment, directives.escapeToken);
    if (!continues && line === '') continue;
    while (continues && index < scanLines.length) {
      const raw = next();
      readDirective(directives, raw, index);
      if (isCommentLine(raw)) continue;
      if (raw.trim() === '') continue;
      const piece = trimContinuation(raw, directives.escapeToken);
      line += piece.text;
      continues = piece.continues;
    }
    let endLine = index;
    const node = newNode(line, directives.escapeToken, startLine, endLine);
    if (canContainHeredoc(node)) {
      const target = node.child ?? node;
      const words = line.split(/\s+/);
      for (const word of words) {
        const heredoc = heredocFromWord(word);
        if (!heredoc) continue;
        let terminated = false;
        while (index < scanLines.length) {
          const raw = next();
          endLine = index;
          const candidate = heredoc.chomp ? raw.replace(/^\t+/, '') : raw;
          if (candidate === heredoc.name) {
            terminated = true;
            break;
          }
          heredoc.content += `${raw}\n`;
        }
        if (!terminated) throw new ParseError('unterminated heredoc', { start: startLine, end: index });
        target.heredocs.push(heredoc);
      }
      node.endLine = endLine;
      if (node.child) node.child.endLine = endLine;
    }
    nodes.push(node);
  }
  if (nodes.length === 0) throw new ParseError('file with no instructions', { start: scanLines.length, end: scanLines.length });
  return { nodes, directives, lines: rawLines };
}

// ---------------------------------------------------------------------------------------------------------
// Second pass: nodes → typed instructions

type FlagType = 'string' | 'strings' | 'bool';

class BuilderFlags {
  private readonly raw: string[];
  private readonly declared = new Map<string, FlagType>();
  readonly values = new Map<string, string | string[] | boolean>();

  constructor(raw: string[]) {
    this.raw = raw;
  }

  add(name: string, type: FlagType): this {
    this.declared.set(name, type);
    return this;
  }

  /** BuildKit's bflag.go checks, in its order and words (flags named with `--` since BuildKit 0.17). */
  parse(): string | undefined {
    for (const arg of this.raw) {
      if (arg === '--') return undefined;
      if (!arg.startsWith('--')) return `arg should start with -- : ${arg}`;
      const body = arg.slice(2);
      const equals = body.indexOf('=');
      const name = equals === -1 ? body : body.slice(0, equals);
      const value = equals === -1 ? undefined : body.slice(equals + 1);
      const type = this.declared.get(name);
      if (!type) return `unknown flag: --${name}`;
      if (this.values.has(name) && type !== 'strings') return `duplicate flag specified: --${name}`;
      if (type === 'bool') {
        if (value === '') return `missing a value on flag: --${name}`;
        if (value === undefined || value.toLowerCase() === 'true') this.values.set(name, true);
        else if (value.toLowerCase() === 'false') this.values.set(name, false);
        else return `expecting boolean value for flag --${name}, not: ${value}`;
        continue;
      }
      if (value === undefined) return `missing a value on flag: --${name}`;
      if (type === 'strings') {
        const list = (this.values.get(name) as string[] | undefined) ?? [];
        list.push(value);
        this.values.set(name, list);
      } else this.values.set(name, value);
    }
    return undefined;
  }

  string(name: string): string {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : '';
  }

  strings(name: string): string[] {
    const value = this.values.get(name);
    return Array.isArray(value) ? value : [];
  }

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }
}

/** Levenshtein distance, for `unknown instruction: RUNN (did you mean run?)`. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}

/** util/suggest: the closest option within distance 2, compared case-insensitively, in the value's case. */
export function suggestName(value: string, options: readonly string[]): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let score = 3;
  for (const option of options) {
    if (option === needle) return undefined;
    const distance = editDistance(needle, option);
    if (distance < score) {
      score = distance;
      best = option;
    }
  }
  if (best === undefined) return undefined;
  if (value === value.toLowerCase()) return best.toLowerCase();
  if (value === value.toUpperCase()) return best.toUpperCase();
  return best;
}

const MIN_HEALTH_DURATION_NS = 1_000_000;

/** Go's time.ParseDuration, in nanoseconds, or the error text it gives. */
export function parseGoDuration(text: string): number | string {
  const invalid = `time: invalid duration ${JSON.stringify(text)}`;
  if (text === '0') return 0;
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const match = /^(\d*\.?\d*)([a-zµμ]*)/.exec(rest);
    if (!match || match[1] === '' || match[1] === '.') return invalid;
    if (match[2] === '') return `time: missing unit in duration ${JSON.stringify(text)}`;
    const unit = units[match[2]];
    if (unit === undefined) return `time: unknown unit ${JSON.stringify(match[2])} in duration ${JSON.stringify(text)}`;
    total += Number(match[1]) * unit;
    rest = rest.slice(match[0].length);
  }
  return Math.round(sign * total);
}

function formatGoDuration(ns: number): string {
  if (ns === 1_000_000) return '1ms';
  return `${ns}ns`;
}

interface SecondPassContext {
  escapeToken: string;
  warnings: LintWarning[];
}

function instructionOf(node: Node, context: SecondPassContext): Instruction {
  const range = { start: node.startLine, end: node.endLine };
  const base = { keyword: node.keyword, original: node.original, range };
  const flags = new BuilderFlags(node.flags);
  const args = node.args;
  const fail = (message: string): never => {
    throw new ParseError(message, range);
  };
  const parseFlags = (): void => {
    const error = flags.parse();
    if (error) fail(error);
  };
  const keyword = node.keyword.toLowerCase();
  const exactlyOne = (name: string): string => {
    if (args.length !== 1) fail(`${name} requires exactly one argument`);
    parseFlags();
    return args[0];
  };
  const commandLine = (): CommandLine => (node.json ? { form: 'exec', args } : { form: 'shell', args: args.length > 0 ? [args[0]] : [] });
  switch (keyword) {
    case 'env':
    case 'label': {
      const name = keyword === 'env' ? 'ENV' : 'LABEL';
      parseFlags();
      const pairs = node.pairs ?? [];
      if (pairs.length === 0) fail(`${name} requires at least one argument`);
      if (pairs.some((pair) => pair.key === '')) fail(`${name} names can not be blank`);
      if (pairs.some((pair) => pair.legacy)) {
        context.warnings.push({ rule: 'LegacyKeyValueFormat', message: `"${node.keyword} key=value" should be used instead of legacy "${node.keyword} key value" format`, line: range.start });
      }
      return { ...base, kind: name, pairs };
    }
    case 'maintainer': {
      context.warnings.push({ rule: 'MaintainerDeprecated', message: 'Maintainer instruction is deprecated in favor of using label', line: range.start });
      return { ...base, kind: 'MAINTAINER', value: exactlyOne('MAINTAINER') };
    }
    case 'add':
    case 'copy': {
      const name = keyword === 'add' ? 'ADD' : 'COPY';
      if (args.length < 2) fail(`${name} requires at least two arguments, but only one was provided. Destination could not be determined`);
      flags.add('chown', 'string').add('chmod', 'string').add('link', 'bool').add('exclude', 'strings');
      if (name === 'COPY') flags.add('from', 'string').add('parents', 'bool');
      else flags.add('keep-git-dir', 'bool').add('checksum', 'string').add('unpack', 'bool');
      parseFlags();
      const dest = args[args.length - 1];
      if (heredocFromWord(dest)) fail(`${name} cannot accept a heredoc as a destination`);
      const byName = new Map(node.heredocs.map((heredoc) => [heredoc.name, heredoc]));
      const sources: string[] = [];
      const heredocSources: Heredoc[] = [];
      for (const source of args.slice(0, -1)) {
        const heredoc = node.json ? undefined : heredocFromWord(source);
        if (heredoc) {
          const found = byName.get(heredoc.name);
          const content = found?.content ?? '';
          heredocSources.push({ ...heredoc, content: heredoc.chomp ? content.replace(/^\t+/gm, '') : content });
        } else sources.push(source);
      }
      return {
        ...base,
        kind: name,
        sources,
        heredocSources,
        dest,
        from: flags.string('from'),
        chown: flags.string('chown'),
        chmod: flags.string('chmod'),
        link: flags.bool('link'),
        exclude: flags.strings('exclude'),
        parents: flags.bool('parents'),
        checksum: flags.string('checksum'),
      };
    }
    case 'from': {
      let stageName = '';
      if (args.length === 3 && args[1].toLowerCase() === 'as') {
        stageName = args[2].toLowerCase();
        if (!/^[a-z][a-z0-9-_.]*$/.test(stageName)) {
          fail(`invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`);
        }
        if (args[2] !== stageName) context.warnings.push({ rule: 'StageNameCasing', message: `Stage name '${args[2]}' should be lowercase`, line: range.start });
        const fromUpper = node.keyword === node.keyword.toUpperCase();
        const asUpper = args[1] === args[1].toUpperCase();
        const fromLower = node.keyword === node.keyword.toLowerCase();
        const asLower = args[1] === args[1].toLowerCase();
        if ((fromUpper && !asUpper) || (fromLower && !asLower)) {
          context.warnings.push({ rule: 'FromAsCasing', message: `'${args[1]}' and '${node.keyword}' keywords' casing do not match`, line: range.start });
        }
      } else if (args.length !== 1) fail('FROM requires either one or three arguments');
      flags.add('platform', 'string');
      parseFlags();
      return { ...base, kind: 'FROM', image: args[0], stageName, platform: flags.string('platform') };
    }
    case 'onbuild': {
      if (args.length === 0) fail('ONBUILD requires at least one argument');
      parseFlags();
      const trigger = args[0].trim().toUpperCase();
      if (trigger === 'ONBUILD') fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
      for (const heredoc of node.child?.heredocs ?? []) expression += `\n${heredoc.content}${heredoc.name}`;
      return { ...base, kind: 'ONBUILD', expression };
    }
    case 'workdir':
      return { ...base, kind: 'WORKDIR', value: exactlyOne('WORKDIR') };
    case 'run': {
      flags.add('mount', 'strings').add('network', 'string').add('security', 'string').add('device', 'strings');
      parseFlags();
      return { ...base, kind: 'RUN', command: commandLine(), heredocs: node.heredocs, mounts: flags.strings('mount'), network: flags.string('network') };
    }
    case 'cmd':
      parseFlags();
      return { ...base, kind: 'CMD', command: commandLine() };
    case 'entrypoint':
      parseFlags();
      return { ...base, kind: 'ENTRYPOINT', command: commandLine() };
    case 'healthcheck': {
      if (args.length === 0) fail('HEALTHCHECK requires at least one argument');
      let type = args[0].toUpperCase();
      const rest = args.slice(1);
      if (type === 'NONE') {
        if (rest.length !== 0) fail('HEALTHCHECK NONE takes no arguments');
        return { ...base, kind: 'HEALTHCHECK', test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
      }
      flags.add('interval', 'string').add('timeout', 'string').add('start-period', 'string').add('start-interval', 'string').add('retries', 'string');
      parseFlags();
      if (type !== 'CMD') fail(`Unknown type ${JSON.stringify(type)} in HEALTHCHECK (try CMD)`);
      if (rest.length === 0) fail('Missing command after HEALTHCHECK CMD');
      if (!node.json) type = 'CMD-SHELL';
      const duration = (name: string): number => {
        const text = flags.string(name);
        if (text === '') return 0;
        const parsed = parseGoDuration(text);
        if (typeof parsed === 'string') return fail(parsed);
        if (parsed < MIN_HEALTH_DURATION_NS) fail(`Interval ${JSON.stringify(name)} cannot be less than ${formatGoDuration(MIN_HEALTH_DURATION_NS)}`);
        return parsed;
      };
      const interval = duration('interval');
      const timeout = duration('timeout');
      const startPeriod = duration('start-period');
      const startInterval = duration('start-interval');
      let retries = 0;
      const retriesText = flags.string('retries');
      if (retriesText !== '') {
        if (!/^[+-]?\d+$/.test(retriesText)) fail(`strconv.ParseInt: parsing ${JSON.stringify(retriesText)}: invalid syntax`);
        retries = Number(retriesText);
        if (retries < 1) fail(`--retries must be at least 1 (not ${retries})`);
      }
      return { ...base, kind: 'HEALTHCHECK', test: [type, ...rest], interval, timeout, startPeriod, startInterval, retries };
    }
    case 'expose':
      if (args.length === 0) fail('EXPOSE requires at least one argument');
      parseFlags();
      return { ...base, kind: 'EXPOSE', values: [...args].sort() };
    case 'user':
      return { ...base, kind: 'USER', value: exactlyOne('USER') };
    case 'volume': {
      if (args.length === 0) fail('VOLUME requires at least one argument');
      parseFlags();
      const values = args.map((value) => value.trim());
      if (values.some((value) => value === '')) fail('VOLUME specified can not be an empty string');
      return { ...base, kind: 'VOLUME', values };
    }
    case 'stopsignal':
      if (args.length !== 1) fail('STOPSIGNAL requires exactly one argument');
      return { ...base, kind: 'STOPSIGNAL', value: args[0] };
    case 'arg': {
      if (args.length < 1) fail('ARG requires at least one argument');
      const pairs = args.map((arg) => {
        const equals = arg.indexOf('=');
        if (equals === -1) return { key: arg, value: undefined };
        if (equals === 0) fail('ARG names can not be blank');
        return { key: arg.slice(0, equals), value: arg.slice(equals + 1) };
      });
      return { ...base, kind: 'ARG', args: pairs };
    }
    case 'shell': {
      parseFlags();
      if (args.length === 0) fail('SHELL requires at least one argument');
      if (!node.json) fail('SHELL requires the arguments to be in JSON form');
      return { ...base, kind: 'SHELL', values: args };
    }
    default: {
      const suggestion = suggestName(node.keyword, INSTRUCTION_NAMES);
      return fail(`unknown instruction: ${node.keyword}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
    }
  }
}

/** Parses a Dockerfile as BuildKit's frontend does, up to (not including) resolving images and variables. */
export function parseDockerfile(text: string): ParseResult {
  const warnings: LintWarning[] = [];
  if (text.length === 0) return { ok: false, failure: { message: 'the Dockerfile cannot be empty', ranges: [] }, warnings };
  let firstResult: ReturnType<typeof firstPass>;
  try {
    firstResult = firstPass(text);
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, failure: { message: error.message, ranges: [error.range] }, warnings };
    throw error;
  }
  const { nodes, directives, lines } = firstResult;
  const context: SecondPassContext = { escapeToken: directives.escapeToken, warnings };
  const stages: Stage[] = [];
  const metaArgs: ArgInstruction[] = [];
  for (const node of nodes) {
    let instruction: Instruction;
    try {
      instruction = instructionOf(node, context);
    } catch (error) {
      if (error instanceof ParseError) {
        return { ok: false, failure: { message: `dockerfile parse error on line ${node.startLine}: ${error.message}`, ranges: [error.range] }, warnings };
      }
      throw error;
    }
    if (instruction.kind === 'FROM') {
      stages.push({ from: instruction, index: stages.length, commands: [] });
      continue;
    }
    if (stages.length === 0) {
      if (instruction.kind === 'ARG') {
        metaArgs.push(instruction);
        continue;
      }
      return { ok: false, failure: { message: 'no build stage in current context', ranges: [instruction.range] }, warnings };
    }
    stages[stages.length - 1].commands.push(instruction);
  }
  const skippedChecks: string[] = [];
  for (const part of directives.check.split(';')) {
    const [key, value] = part.split('=', 2).map((piece) => piece?.trim() ?? '');
    if (key === 'skip' && value) skippedChecks.push(...value.split(',').map((rule) => rule.trim()));
  }
  return {
    ok: true,
    dockerfile: { lines, escapeToken: directives.escapeToken, syntax: directives.syntax, skippedChecks, metaArgs, stages, warnings },
  };
}
