// Word expansion: tilde, parameters, command substitution, arithmetic, field splitting and pathname globbing.

import type { List, ParamPart, Word, WordPart } from './ast.ts';
import { evaluateArithmetic } from './arithmetic.ts';

/** What expansion needs from the running shell. */
export interface ExpansionHost {
  /** A variable's value (special parameters included), or undefined when unset. */
  lookup(name: string): string | undefined;
  /** The positional parameters, for `$@` and `$*`. */
  positional(): string[];
  assign(name: string, value: string): void;
  /** Runs a command substitution and returns its standard output. */
  substitute(body: List): string;
  /** The home directory of `user` (`''` is the current user), or undefined when unknown. */
  homeOf(user: string): string | undefined;
  /** Names matching a glob pattern (absolute or relative to the cwd), sorted; empty when none. */
  glob(pattern: string): string[];
}

/** What went wrong, for the shells that word it differently from bash (see messages.ts). */
export type ExpansionProblem = { kind: 'bad-substitution' } | { kind: 'division-by-zero' | 'arithmetic-syntax'; expression: string };

/** Stops the command being expanded; `message` (bash's words) is written as the shell's error, without its prefix. */
export class ExpansionError extends Error {
  readonly status: number;
  readonly problem?: ExpansionProblem;
  constructor(message: string, status = 1, problem?: ExpansionProblem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

/** How a piece of expanded text behaves in field splitting and globbing. */
type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'split'; text: string }
  /** `"$@"`: one field per positional parameter. */
  | { kind: 'fields'; fields: string[] };

const MAX_EXPANSION_LENGTH = 1 << 24;
const GLOB_CHARS = /[*?[]/;
/** Prefix and suffix removal tries every split, so very long values are left alone. */
const MAX_PATTERN_SUBJECT = 4096;

export function expandWords(words: Word[], host: ExpansionHost): string[] {
  const fields: string[] = [];
  for (const word of words) {
    for (const braced of expandBraces(word)) for (const field of expandWord(braced, host)) fields.push(field);
  }
  return fields;
}

/** Brace expansion gives up past this many words, as a guard against `{1..99999999}`. */
const MAX_BRACE_WORDS = 10_000;

/**
 * Brace expansion (`{a,b}`, `{1..5}`, `{a..e}`) within the unquoted text of a word: it comes before
 * every other expansion. A group must lie inside one stretch of unquoted text.
 */
export function expandBraces(word: Word): Word[] {
  const index = word.parts.findIndex((part) => part.type === 'literal' && part.text.includes('{'));
  if (index < 0) return [word];
  const results: Word[] = [];
  const queue: Word[] = [word];
  while (queue.length > 0 && results.length + queue.length <= MAX_BRACE_WORDS) {
    const current = queue.shift() as Word;
    const split = findBraceGroup(current);
    if (!split) {
      results.push(current);
      continue;
    }
    const { partIndex, before, alternatives, after } = split;
    for (const alternative of alternatives) {
      const parts = [...current.parts];
      parts.splice(partIndex, 1, { type: 'literal', text: before + alternative + after });
      queue.push({ parts: parts.filter((part) => part.type !== 'literal' || part.text !== '') });
    }
  }
  return queue.length > 0 ? [word] : results;
}

function findBraceGroup(word: Word): { partIndex: number; before: string; alternatives: string[]; after: string } | undefined {
  for (let partIndex = 0; partIndex < word.parts.length; partIndex++) {
    const part = word.parts[partIndex];
    if (part.type !== 'literal') continue;
    const text = part.text;
    for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      let depth = 0;
      const commas: number[] = [];
      let close = -1;
      for (let i = open + 1; i < text.length; i++) {
        const c = text[i];
        if (c === '{') depth++;
        else if (c === '}') {
          if (depth === 0) {
            close = i;
            break;
          }
          depth--;
        } else if (c === ',' && depth === 0) commas.push(i);
      }
      if (close < 0) break;
      const inner = text.slice(open + 1, close);
      let alternatives: string[] | undefined;
      if (commas.length > 0) {
        alternatives = [];
        let start = open + 1;
        for (const comma of commas) {
          alternatives.push(text.slice(start, comma));
          start = comma + 1;
        }
        alternatives.push(text.slice(start, close));
      } else alternatives = braceSequence(inner);
      if (alternatives) return { partIndex, before: text.slice(0, open), alternatives, after: text.slice(close + 1) };
    }
  }
  return undefined;
}

/** `1..5`, `5..1`, `01..10`, `1..10..2`, `a..e`. */
function braceSequence(inner: string): string[] | undefined {
  const numeric = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(inner);
  if (numeric) {
    const from = Number(numeric[1]);
    const to = Number(numeric[2]);
    const step = Math.abs(Number(numeric[3] ?? 1)) || 1;
    if (Math.abs(to - from) / step > MAX_BRACE_WORDS) return undefined;
    const width = /^-?0[0-9]/.test(numeric[1]) || /^-?0[0-9]/.test(numeric[2]) ? Math.max(numeric[1].length, numeric[2].length) : 0;
    const values: string[] = [];
    for (let value = from; from <= to ? value <= to : value >= to; value += from <= to ? step : -step) {
      values.push(width ? (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(width - (value < 0 ? 1 : 0), '0') : String(value));
    }
    return values;
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])$/.exec(inner);
  if (letters) {
    const from = letters[1].charCodeAt(0);
    const to = letters[2].charCodeAt(0);
    const values: string[] = [];
    for (let code = from; from <= to ? code <= to : code >= to; code += from <= to ? 1 : -1) values.push(String.fromCharCode(code));
    return values;
  }
  return undefined;
}

/** Expands a word into fields, with splitting and globbing (command arguments). */
export function expandWord(word: Word, host: ExpansionHost): string[] {
  if (word.parts.length === 1 && word.parts[0].type === 'literal' && !GLOB_CHARS.test(word.parts[0].text)) {
    return [word.parts[0].text];
  }
  const segments: Segment[] = [];
  expandParts(word.parts, host, false, segments);
  return toFields(segments, host);
}

/** Expands a word to one string, without splitting or globbing (assignments, redirect targets, heredocs). */
export function expandWordToString(word: Word, host: ExpansionHost): string {
  const segments: Segment[] = [];
  expandParts(word.parts, host, true, segments);
  let text = '';
  for (const segment of segments) text += segment.kind === 'fields' ? segment.fields.join(' ') : segment.text;
  return text;
}

function expandParts(parts: WordPart[], host: ExpansionHost, quoted: boolean, into: Segment[]): void {
  for (const part of parts) {
    switch (part.type) {
      case 'literal':
        into.push({ kind: quoted ? 'quoted' : 'literal', text: part.text });
        break;
      case 'quoted':
        into.push({ kind: 'quoted', text: part.text });
        break;
      case 'double': {
        const start = into.length;
        expandParts(part.parts, host, true, into);
        if (into.length === start) into.push({ kind: 'quoted', text: '' });
        break;
      }
      case 'tilde': {
        const home = host.homeOf(part.user);
        into.push({ kind: 'quoted', text: home ?? `~${part.user}` });
        break;
      }
      case 'param':
        expandParam(part, host, quoted, into);
        break;
      case 'command': {
        const output = host.substitute(part.body).replace(/\n+$/, '');
        into.push({ kind: quoted ? 'quoted' : 'split', text: output });
        break;
      }
      case 'arith': {
        const expression = expandWordToString(part.expression, host);
        const value = String(evaluateArithmetic(expression, host));
        into.push({ kind: quoted ? 'quoted' : 'split', text: value });
        break;
      }
    }
  }
}

function expandParam(part: ParamPart, host: ExpansionHost, quoted: boolean, into: Segment[]): void {
  const { name, op } = part;
  if (name === '') {
    const raw = part.arg ? expandWordToString(part.arg, host) : '${}';
    throw new ExpansionError(`${raw}: bad substitution`, 1, { kind: 'bad-substitution' });
  }
  if ((name === '@' || name === '*') && !op) {
    const params = host.positional();
    if (quoted && name === '@') into.push({ kind: 'fields', fields: params });
    else into.push({ kind: quoted ? 'quoted' : 'split', text: params.join(' ') });
    return;
  }
  let value = host.lookup(name);
  const argText = (): string => (part.arg ? expandWordToString(part.arg, host) : '');
  switch (op) {
    case undefined:
      break;
    case 'length':
      value = String([...(value ?? '')].length);
      break;
    case ':-':
      if (!value) value = argText();
      break;
    case '-':
      if (value === undefined) value = argText();
      break;
    case ':=':
    case '=':
      if (op === ':=' ? !value : value === undefined) {
        value = argText();
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ExpansionError(`$${name}: cannot assign in this way`);
        host.assign(name, value);
      }
      break;
    case ':+':
      value = value ? argText() : '';
      break;
    case '+':
      value = value !== undefined ? argText() : '';
      break;
    case ':?':
    case '?':
      if (op === ':?' ? !value : value === undefined) {
        const message = argText();
        throw new ExpansionError(`${name}: ${message || 'parameter null or not set'}`);
      }
      break;
    case '#':
    case '##':
    case '%':
    case '%%':
      value = removePattern(value ?? '', argText(), op);
      break;
  }
  if (value === undefined || value === '') return;
  if (value.length > MAX_EXPANSION_LENGTH) throw new ExpansionError('xrealloc: cannot allocate memory');
  into.push({ kind: quoted ? 'quoted' : 'split', text: value });
}

/** `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}`: the shortest or longest matching prefix or suffix removed. */
function removePattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  if (value.length > MAX_PATTERN_SUBJECT) return value;
  const glob = compileGlob(pattern, false);
  const matcher = { test: (text: string): boolean => matchGlob(glob, text) };
  if (op === '#' || op === '##') {
    const lengths = op === '#' ? range(0, value.length) : range(value.length, 0);
    for (const length of lengths) if (matcher.test(value.slice(0, length))) return value.slice(length);
  } else {
    const starts = op === '%' ? range(value.length, 0) : range(0, value.length);
    for (const start of starts) if (matcher.test(value.slice(start))) return value.slice(0, start);
  }
  return value;
}

function range(from: number, to: number): number[] {
  const values: number[] = [];
  if (from <= to) for (let i = from; i <= to; i++) values.push(i);
  else for (let i = from; i >= to; i--) values.push(i);
  return values;
}

const IFS_WHITESPACE = /[ \t\n]+/;

interface FieldBuilder {
  text: string;
  /** The same text with quoted glob characters escaped, for matching. */
  pattern: string;
  hasGlob: boolean;
  started: boolean;
}

function toFields(segments: Segment[], host: ExpansionHost): string[] {
  const fields: FieldBuilder[] = [];
  let current: FieldBuilder = { text: '', pattern: '', hasGlob: false, started: false };
  const finish = (): void => {
    if (current.started) fields.push(current);
    current = { text: '', pattern: '', hasGlob: false, started: false };
  };
  const addUnquoted = (text: string): void => {
    if (!text) return;
    current.text += text;
    current.pattern += text;
    if (GLOB_CHARS.test(text)) current.hasGlob = true;
    current.started = true;
  };
  for (const segment of segments) {
    if (segment.kind === 'quoted') {
      current.text += segment.text;
      current.pattern += escapeGlob(segment.text);
      current.started = true;
    } else if (segment.kind === 'literal') addUnquoted(segment.text);
    else if (segment.kind === 'split') {
      const pieces = segment.text.split(IFS_WHITESPACE);
      pieces.forEach((piece, index) => {
        if (index > 0) finish();
        addUnquoted(piece);
      });
    } else {
      segment.fields.forEach((field, index) => {
        if (index > 0) finish();
        current.text += field;
        current.pattern += escapeGlob(field);
        current.started = true;
      });
    }
  }
  finish();
  const result: string[] = [];
  for (const field of fields) {
    if (field.hasGlob) {
      const matches = host.glob(field.pattern);
      if (matches.length > 0) {
        result.push(...matches);
        continue;
      }
    }
    result.push(field.text);
  }
  return result;
}

export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** One element of a compiled glob pattern. */
type GlobToken =
  | { type: 'char'; char: string }
  | { type: 'any' }
  | { type: 'star' }
  | { type: 'class'; negate: boolean; chars: string; ranges: Array<[string, string]> };

export interface GlobPattern {
  tokens: GlobToken[];
  /** A leading `.` must be matched literally (pathname expansion). */
  hideDotfiles: boolean;
}

/** Compiles `*`, `?`, `[…]` (with `!`/`^` negation and ranges) and backslash escapes. */
export function compileGlob(pattern: string, hideDotfiles: boolean): GlobPattern {
  const tokens: GlobToken[] = [];
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) tokens.push({ type: 'char', char: chars[++i] });
    else if (c === '*') {
      if (tokens.at(-1)?.type !== 'star') tokens.push({ type: 'star' });
    } else if (c === '?') tokens.push({ type: 'any' });
    else if (c === '[') {
      let j = i + 1;
      let negate = false;
      if (chars[j] === '!' || chars[j] === '^') {
        negate = true;
        j++;
      }
      const start = j;
      if (chars[j] === ']') j++;
      while (j < chars.length && chars[j] !== ']') j++;
      if (j >= chars.length) {
        tokens.push({ type: 'char', char: '[' });
        continue;
      }
      const body = chars.slice(start, j);
      const ranges: Array<[string, string]> = [];
      let single = '';
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else single += body[k];
      }
      tokens.push({ type: 'class', negate, chars: single, ranges });
      i = j;
    } else tokens.push({ type: 'char', char: c });
  }
  return { tokens, hideDotfiles };
}

function tokenMatches(token: GlobToken, char: string): boolean {
  switch (token.type) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'class': {
      const inside = token.chars.includes(char) || token.ranges.some(([from, to]) => char >= from && char <= to);
      return inside !== token.negate;
    }
    default:
      return false;
  }
}

/** Whether `text` matches the whole pattern. Linear backtracking over the last `*`, so never exponential. */
export function matchGlob(glob: GlobPattern, text: string): boolean {
  const chars = [...text];
  const { tokens } = glob;
  if (glob.hideDotfiles && chars[0] === '.' && !(tokens[0]?.type === 'char' && tokens[0].char === '.')) return false;
  let t = 0;
  let c = 0;
  let starToken = -1;
  let starChar = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token && token.type === 'star') {
      starToken = t++;
      starChar = c;
    } else if (token && tokenMatches(token, chars[c])) {
      t++;
      c++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      c = ++starChar;
    } else return false;
  }
  while (tokens[t]?.type === 'star') t++;
  return t === tokens.length;
}
