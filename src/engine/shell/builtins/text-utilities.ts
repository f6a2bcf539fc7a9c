// Filters for pipes, with GNU output formats: grep, head, tail, wc, sort, uniq, tee, cut, tr, yes, seq.

import { isFsError, utf8Length } from '../vfs.ts';
import { errnoText, joinLines, MAX_GENERATED_LINES, parseOptions, readInputs, resolve, splitLines, stdinText, usageError } from './common.ts';
import type { Builtin, BuiltinContext } from './registry.ts';

// ---- grep ----

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
};

/** Translates a POSIX basic or extended regular expression into a JavaScript one. */
export function posixToRegExpSource(pattern: string, extended: boolean): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (pattern[j] === '^') {
        body += '^';
        j++;
      }
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const match = /^\[:([a-z]+):\]/.exec(pattern.slice(j));
        if (match && POSIX_CLASSES[match[1]]) {
          body += POSIX_CLASSES[match[1]];
          j += match[0].length - 1;
        } else if (pattern[j] === '\\' || pattern[j] === '[') body += `\\${pattern[j]}`;
        else body += pattern[j];
      }
      if (j >= pattern.length) {
        source += '\\[';
        continue;
      }
      source += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '\\') {
      const next = pattern[i + 1];
      i++;
      if (next === undefined) source += '\\\\';
      else if (!extended && '+?|(){}'.includes(next)) source += next;
      else if (/[wWsSbB]/.test(next)) source += `\\${next}`;
      else if (next === '<' || next === '>') source += '\\b';
      else if (/[1-9]/.test(next)) source += `\\${next}`;
      else source += escapeForRegExp(next);
      continue;
    }
    if (!extended && '+?|(){}'.includes(c)) {
      source += `\\${c}`;
      continue;
    }
    if (c === '*' && (source === '' || source.endsWith('(') || source.endsWith('|'))) {
      source += '\\*';
      continue;
    }
    if (c === '/') {
      source += '\\/';
      continue;
    }
    source += c;
  }
  return source;
}

function escapeForRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

const grep: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, {
    short: 'ivcnlLqsHhoErwxFR',
    withValue: 'e',
    long: {
      'ignore-case': 'i',
      'invert-match': 'v',
      count: 'c',
      'line-number': 'n',
      'files-with-matches': 'l',
      quiet: 'q',
      silent: 'q',
      'only-matching': 'o',
      'extended-regexp': 'E',
      recursive: 'r',
      'word-regexp': 'w',
      'line-regexp': 'x',
      'fixed-strings': 'F',
    },
  });
  if ('error' in parsed) return usageError(ctx, 'grep', `${parsed.error}\nUsage: grep [OPTION]... PATTERNS [FILE]...`, 2);
  const { flags, values } = parsed;
  const operands = [...parsed.operands];
  const patterns: string[] = [];
  const fromE = collectRepeated(argv, '-e');
  if (values.has('e')) patterns.push(...fromE);
  else {
    const first = operands.shift();
    if (first === undefined) {
      ctx.out.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(...first.split('\n'));
  }
  let matcher: RegExp;
  try {
    const sources = patterns.map((pattern) => (flags.has('F') ? [...pattern].map(escapeForRegExp).join('') : posixToRegExpSource(pattern, flags.has('E'))));
    let combined = sources.map((source) => `(?:${source})`).join('|');
    if (flags.has('w')) combined = `(?<![A-Za-z0-9_])(?:${combined})(?![A-Za-z0-9_])`;
    if (flags.has('x')) combined = `^(?:${combined})$`;
    matcher = new RegExp(combined, flags.has('i') ? 'gi' : 'g');
  } catch {
    ctx.out.stderr('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const recursive = flags.has('r') || flags.has('R');
  const files = recursive && operands.length === 0 ? ['.'] : operands;
  const inputs: Array<{ name: string; text: string }> = [];
  let failed = false;
  if (files.length === 0) inputs.push({ name: '(standard input)', text: stdinText(ctx) });
  for (const file of files) {
    if (file === '-') {
      inputs.push({ name: '(standard input)', text: stdinText(ctx) });
      continue;
    }
    const path = resolve(ctx, file);
    const stat = ctx.fs.stat(path);
    if (!isFsError(stat) && stat.type === 'dir') {
      if (recursive) collectFiles(ctx, path, file, inputs);
      else {
        ctx.out.stderr(`grep: ${file}: Is a directory\n`);
        failed = true;
      }
      continue;
    }
    const content = ctx.fs.readFile(path);
    if (isFsError(content)) {
      if (!flags.has('s')) ctx.out.stderr(`grep: ${file}: ${errnoText(content)}\n`);
      failed = true;
      continue;
    }
    inputs.push({ name: file, text: content });
  }
  const showNames = flags.has('H') || (!flags.has('h') && (inputs.length > 1 || recursive));
  const invert = flags.has('v');
  let anyMatch = false;
  let text = '';
  for (const input of inputs) {
    let count = 0;
    const lines = splitLines(input.text);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      matcher.lastIndex = 0;
      const matched = matcher.test(line) !== invert;
      if (!matched) continue;
      count++;
      anyMatch = true;
      if (flags.has('q')) return 0;
      if (flags.has('c') || flags.has('l') || flags.has('L')) continue;
      const prefix = `${showNames ? `${input.name}:` : ''}${flags.has('n') ? `${index + 1}:` : ''}`;
      if (flags.has('o') && !invert) {
        matcher.lastIndex = 0;
        for (const match of line.matchAll(matcher)) if (match[0] !== '') text += `${prefix}${match[0]}\n`;
      } else text += `${prefix}${line}\n`;
    }
    if (flags.has('c')) text += `${showNames ? `${input.name}:` : ''}${count}\n`;
    if (flags.has('l') && count > 0) text += `${input.name}\n`;
    if (flags.has('L') && count === 0) text += `${input.name}\n`;
  }
  ctx.out.stdout(text);
  if (failed && !(flags.has('q') && anyMatch)) return 2;
  return anyMatch ? 0 : 1;
};

function collectRepeated(argv: string[], option: string): string[] {
  const values: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === option && i + 1 < argv.length) values.push(argv[++i]);
    else if (argv[i].startsWith(option) && argv[i].length > option.length) values.push(argv[i].slice(option.length));
  }
  return values;
}

function collectFiles(ctx: BuiltinContext, path: string, shown: string, into: Array<{ name: string; text: string }>): void {
  const names = ctx.fs.readdir(path);
  if (isFsError(names)) return;
  for (const name of names) {
    const child = `${path === '/' ? '' : path}/${name}`;
    const childShown = shown.endsWith('/') ? `${shown}${name}` : `${shown}/${name}`;
    const stat = ctx.fs.lstat(child);
    if (isFsError(stat)) continue;
    if (stat.type === 'dir') collectFiles(ctx, child, childShown, into);
    else if (stat.type === 'file') {
      const content = ctx.fs.readFile(child);
      if (!isFsError(content)) into.push({ name: childShown, text: content });
    }
  }
}

// ---- head and tail ----

function headOrTail(ctx: BuiltinContext, argv: string[], command: 'head' | 'tail'): number {
  const parsed = parseOptions(argv, {
    short: 'qvf',
    withValue: 'nc',
    numberOption: 'n',
    longWithValue: { lines: 'n', bytes: 'c' },
    long: { quiet: 'q', verbose: 'v', follow: 'f' },
  });
  if ('error' in parsed) return usageError(ctx, command, parsed.error);
  const { values, flags } = parsed;
  const bytesMode = values.has('c');
  const rawCount = (bytesMode ? values.get('c') : values.get('n')) ?? '10';
  const match = /^([+-]?)([0-9]+)$/.exec(rawCount);
  if (!match) {
    ctx.out.stderr(`${command}: invalid number of ${bytesMode ? 'bytes' : 'lines'}: ‘${rawCount}’\n`);
    return 1;
  }
  const sign = match[1];
  const count = Number(match[2]);
  const operands = parsed.operands.length === 0 ? ['-'] : parsed.operands;
  const showHeaders = flags.has('v') || (operands.length > 1 && !flags.has('q'));
  let status = 0;
  const sections: string[] = [];
  for (const operand of operands) {
    let text: string;
    if (operand === '-') text = stdinText(ctx);
    else {
      const content = ctx.fs.readFile(resolve(ctx, operand));
      if (isFsError(content)) {
        ctx.out.stderr(
          command === 'head' ? `head: cannot open '${operand}' for reading: ${errnoText(content)}\n` : `tail: cannot open '${operand}' for reading: ${errnoText(content)}\n`,
        );
        status = 1;
        continue;
      }
      text = content;
    }
    const body = bytesMode ? sliceBytes(text, command, sign, count) : sliceLines(text, command, sign, count);
    const header = showHeaders ? `==> ${operand === '-' ? 'standard input' : operand} <==\n` : '';
    sections.push(header + body);
  }
  ctx.out.stdout(sections.join('\n'));
  return status;
}

function sliceLines(text: string, command: 'head' | 'tail', sign: string, count: number): string {
  if (text === '') return '';
  if (command === 'head') return sign === '-' ? text.slice(0, offsetFromEnd(text, count)) : text.slice(0, offsetAfterLines(text, count));
  if (sign === '+') return text.slice(offsetAfterLines(text, Math.max(0, count - 1)));
  return text.slice(offsetFromEnd(text, count));
}

/** Where the text after the first `lines` lines starts. */
function offsetAfterLines(text: string, lines: number): number {
  let offset = 0;
  for (let i = 0; i < lines; i++) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return text.length;
    offset = newline + 1;
  }
  return offset;
}

/** Where the last `lines` lines start (a final line without a newline counts as one). */
function offsetFromEnd(text: string, lines: number): number {
  if (lines === 0) return text.length;
  let offset = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let i = 0; i < lines; i++) {
    const newline = text.lastIndexOf('\n', offset - 1);
    if (newline < 0) return 0;
    offset = newline;
  }
  return offset + 1;
}

function sliceBytes(text: string, command: 'head' | 'tail', sign: string, count: number): string {
  if (command === 'head') return sign === '-' ? text.slice(0, Math.max(0, text.length - count)) : text.slice(0, count);
  if (sign === '+') return text.slice(Math.max(0, count - 1));
  return count === 0 ? '' : text.slice(-count);
}

// ---- wc ----

const wc: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if ('error' in parsed) return usageError(ctx, 'wc', parsed.error);
  const { flags } = parsed;
  const wanted = ['l', 'w', 'm', 'c'].filter((letter) => flags.has(letter));
  const columns = wanted.length > 0 ? wanted : ['l', 'w', 'c'];
  const { inputs, failed } = readInputs(ctx, 'wc', parsed.operands);
  const rows = inputs.map((input) => ({ name: parsed.operands.length === 0 ? '' : input.name === '(standard input)' ? '-' : input.name, counts: countText(input.text) }));
  const fromStdin = inputs.some((input) => input.name === '(standard input)');
  let width: number;
  if (columns.length === 1 && rows.length === 1 && !failed) width = 1;
  else {
    const totalBytes = rows.reduce((sum, row) => sum + (row.name === '' || row.name === '-' ? 0 : row.counts.c), 0);
    width = Math.max(String(totalBytes).length, fromStdin ? 7 : 1);
  }
  const format = (counts: Record<string, number>, name: string): string =>
    `${columns.map((column) => String(counts[column]).padStart(width)).join(' ')}${name ? ` ${name}` : ''}\n`;
  let text = '';
  for (const row of rows) text += format(row.counts, row.name);
  if (parsed.operands.length > 1) {
    const total: Record<string, number> = { l: 0, w: 0, c: 0, m: 0 };
    for (const row of rows) for (const key of Object.keys(total)) total[key] += row.counts[key];
    text += format(total, 'total');
  }
  ctx.out.stdout(text);
  return failed ? 1 : 0;
};

function countText(text: string): Record<string, number> {
  let lines = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lines++;
    const space = code === 32 || (code >= 9 && code <= 13);
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return { l: lines, w: words, c: utf8Length(text), m: [...text].length };
}

// ---- sort and uniq ----

const sort: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, {
    short: 'rnufbhV',
    withValue: 'kto',
    long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f' },
  });
  if ('error' in parsed) return usageError(ctx, 'sort', parsed.error, 2);
  const { flags, values } = parsed;
  let text = '';
  for (const operand of parsed.operands.length === 0 ? ['-'] : parsed.operands) {
    if (operand === '-') {
      text += stdinText(ctx);
      continue;
    }
    const content = ctx.fs.readFile(resolve(ctx, operand));
    if (isFsError(content)) {
      ctx.out.stderr(`sort: cannot read: ${operand}: ${errnoText(content)}\n`);
      return 2;
    }
    text += content.endsWith('\n') || content === '' ? content : `${content}\n`;
  }
  const separator = values.get('t');
  const keyField = values.has('k') ? Number.parseInt(values.get('k') as string, 10) : undefined;
  const keyOf = (line: string): string => {
    if (keyField === undefined || !(keyField > 0)) return line;
    const fields = separator !== undefined ? line.split(separator) : line.trim().split(/\s+/);
    return fields.slice(keyField - 1).join(separator ?? ' ');
  };
  const numeric = flags.has('n') || flags.has('h');
  const fold = flags.has('f');
  const compare = (a: string, b: string): number => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (numeric) {
      const diff = leadingNumber(ka) - leadingNumber(kb);
      if (diff !== 0) return diff;
      if (flags.has('u')) return 0;
    }
    const fa = fold ? ka.toUpperCase() : ka;
    const fb = fold ? kb.toUpperCase() : kb;
    if (fa !== fb) return fa < fb ? -1 : 1;
    if (flags.has('u')) return 0;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let lines = splitLines(text).sort(compare);
  if (flags.has('r')) lines.reverse();
  if (flags.has('u')) lines = lines.filter((line, index) => index === 0 || compare(lines[index - 1], line) !== 0);
  const output = joinLines(lines);
  if (values.has('o')) {
    const failed = ctx.fs.writeFile(resolve(ctx, values.get('o') as string), output);
    if (failed) {
      ctx.out.stderr(`sort: open failed: ${values.get('o')}: ${errnoText(failed)}\n`);
      return 2;
    }
    return 0;
  }
  ctx.out.stdout(output);
  return 0;
};

function leadingNumber(text: string): number {
  const match = /^\s*(-?[0-9]*\.?[0-9]+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

const uniq: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if ('error' in parsed) return usageError(ctx, 'uniq', parsed.error);
  const { flags } = parsed;
  const input = parsed.operands[0];
  let text: string;
  if (input === undefined || input === '-') text = stdinText(ctx);
  else {
    const content = ctx.fs.readFile(resolve(ctx, input));
    if (isFsError(content)) {
      ctx.out.stderr(`uniq: ${input}: ${errnoText(content)}\n`);
      return 1;
    }
    text = content;
  }
  const lines = splitLines(text);
  const same = (a: string, b: string): boolean => (flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  let output = '';
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && same(lines[i], lines[j])) j++;
    const count = j - i;
    const keep = flags.has('d') ? count > 1 : flags.has('u') ? count === 1 : true;
    if (keep) output += flags.has('c') ? `${String(count).padStart(7)} ${lines[i]}\n` : `${lines[i]}\n`;
    i = j;
  }
  if (parsed.operands[1] !== undefined) {
    const failed = ctx.fs.writeFile(resolve(ctx, parsed.operands[1]), output);
    if (failed) {
      ctx.out.stderr(`uniq: ${parsed.operands[1]}: ${errnoText(failed)}\n`);
      return 1;
    }
    return 0;
  }
  ctx.out.stdout(output);
  return 0;
};

// ---- tee, cut, tr ----

const tee: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'ai', long: { append: 'a' } });
  if ('error' in parsed) return usageError(ctx, 'tee', parsed.error);
  const text = stdinText(ctx);
  let status = 0;
  for (const file of parsed.operands) {
    const path = resolve(ctx, file);
    const failed = parsed.flags.has('a') ? ctx.fs.appendFile(path, text) : ctx.fs.writeFile(path, text);
    if (failed) {
      ctx.out.stderr(`tee: ${file}: ${errnoText(failed)}\n`);
      status = 1;
    }
  }
  ctx.out.stdout(text);
  return status;
};

/** A cut list (`1,3-5,7-`) as a membership test on 1-based positions. */
function parseRanges(list: string): ((position: number) => boolean) | undefined {
  const ranges: Array<[number, number]> = [];
  for (const piece of list.split(',')) {
    const match = /^([0-9]*)(-?)([0-9]*)$/.exec(piece);
    if (!match || (match[1] === '' && match[3] === '') || match[1] === '0') return undefined;
    const from = match[1] === '' ? 1 : Number(match[1]);
    const to = match[2] === '' ? from : match[3] === '' ? Infinity : Number(match[3]);
    ranges.push([from, to]);
  }
  return (position) => ranges.some(([from, to]) => position >= from && position <= to);
}

const cut: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 's', withValue: 'dfcb', longWithValue: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b' } });
  if ('error' in parsed) return usageError(ctx, 'cut', parsed.error);
  const { values } = parsed;
  const list = values.get('f') ?? values.get('c') ?? values.get('b');
  if (list === undefined) return usageError(ctx, 'cut', 'you must specify a list of bytes, characters, or fields');
  const selected = parseRanges(list);
  if (!selected) return usageError(ctx, 'cut', list.includes('0') ? 'fields and positions are numbered from 1' : `invalid field range`);
  const delimiter = values.get('d') ?? '\t';
  if (values.has('d') && [...delimiter].length !== 1) return usageError(ctx, 'cut', 'the delimiter must be a single character');
  const { inputs, failed } = readInputs(ctx, 'cut', parsed.operands);
  let output = '';
  for (const input of inputs) {
    for (const line of splitLines(input.text)) {
      if (values.has('f')) {
        if (!line.includes(delimiter)) {
          if (!parsed.flags.has('s')) output += `${line}\n`;
          continue;
        }
        output += `${line
          .split(delimiter)
          .filter((_, index) => selected(index + 1))
          .join(delimiter)}\n`;
      } else {
        output += `${[...line].filter((_, index) => selected(index + 1)).join('')}\n`;
      }
    }
  }
  ctx.out.stdout(output);
  return failed ? 1 : 0;
};

const TR_CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
TR_CLASSES.alpha = TR_CLASSES.upper + TR_CLASSES.lower;
TR_CLASSES.alnum = TR_CLASSES.alpha + TR_CLASSES.digit;

/** Expands a tr set: ranges, `[:class:]` and backslash escapes. */
function expandSet(set: string): string[] {
  const chars: string[] = [];
  const source = [...set];
  for (let i = 0; i < source.length; i++) {
    const rest = source.slice(i).join('');
    const classMatch = /^\[:([a-z]+):\]/.exec(rest);
    if (classMatch && TR_CLASSES[classMatch[1]]) {
      chars.push(...TR_CLASSES[classMatch[1]]);
      i += classMatch[0].length - 1;
      continue;
    }
    let c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const next = source[++i];
      c = next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
    }
    if (source[i + 1] === '-' && i + 2 < source.length) {
      const end = source[i + 2].codePointAt(0) ?? 0;
      for (let code = c.codePointAt(0) ?? 0; code <= end && chars.length < 65536; code++) chars.push(String.fromCodePoint(code));
      i += 2;
      continue;
    }
    chars.push(c);
  }
  return chars;
}

const tr: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'dscC', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' } });
  if ('error' in parsed) return usageError(ctx, 'tr', parsed.error);
  const { flags, operands } = parsed;
  if (operands.length === 0) return usageError(ctx, 'tr', 'missing operand');
  const deleting = flags.has('d');
  const squeezing = flags.has('s');
  if (!deleting && !squeezing && operands.length < 2) return usageError(ctx, 'tr', `missing operand after ‘${operands[0]}’\nTwo strings must be given when translating.`);
  const first = new Set(expandSet(operands[0]));
  const complement = flags.has('c') || flags.has('C');
  const inFirst = (c: string): boolean => first.has(c) !== complement;
  const from = expandSet(operands[0]);
  const to = operands[1] !== undefined ? expandSet(operands[1]) : [];
  const map = new Map<string, string>();
  if (!deleting && to.length > 0) from.forEach((c, index) => map.set(c, to[Math.min(index, to.length - 1)]));
  const squeezeSet = new Set(deleting ? to : to.length > 0 ? to : from);
  let output = '';
  let previous = '';
  for (const c of stdinText(ctx)) {
    if (deleting && inFirst(c)) continue;
    const mapped = !deleting && complement && inFirst(c) && to.length > 0 ? to[to.length - 1] : (map.get(c) ?? c);
    if (squeezing && mapped === previous && (squeezeSet.has(mapped) || (complement && inFirst(c)))) continue;
    output += mapped;
    previous = mapped;
  }
  ctx.out.stdout(output);
  return 0;
};

// ---- generators ----

const yes: Builtin = (ctx, argv) => {
  const line = argv.length > 1 ? argv.slice(1).join(' ') : 'y';
  const lines = Math.max(1, Math.min(MAX_GENERATED_LINES, Math.floor((4 * 1024 * 1024) / (line.length + 1))));
  ctx.out.stdout(`${line}\n`.repeat(lines));
  return 0;
};

/** `seq 1 100000` works; beyond that the output is cut, as a pipe reader would stop early. */
const MAX_SEQ_LINES = 200_000;

const seq: Builtin = (ctx, argv) => {
  let separator = '\n';
  let equalWidth = false;
  const numbers: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-w' || arg === '--equal-width') equalWidth = true;
    else if (arg === '-s') separator = argv[++i] ?? '\n';
    else if (arg.startsWith('-s')) separator = arg.slice(2);
    else numbers.push(arg);
  }
  if (numbers.length === 0) return usageError(ctx, 'seq', 'missing operand');
  if (numbers.length > 3) return usageError(ctx, 'seq', `extra operand ‘${numbers[3]}’`);
  for (const number of numbers) {
    if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/i.test(number)) return usageError(ctx, 'seq', `invalid floating point argument: ‘${number}’`);
  }
  const [firstText, stepText, lastText] = numbers.length === 1 ? ['1', '1', numbers[0]] : numbers.length === 2 ? [numbers[0], '1', numbers[1]] : numbers;
  const first = Number(firstText);
  const step = Number(stepText);
  const last = Number(lastText);
  if (step === 0) return usageError(ctx, 'seq', `invalid Zero increment value: ‘${stepText}’`);
  const decimals = Math.max(fractionDigits(firstText), fractionDigits(stepText));
  const values: string[] = [];
  for (let index = 0; values.length < MAX_SEQ_LINES; index++) {
    const value = first + index * step;
    if (step > 0 ? value > last + 1e-10 : value < last - 1e-10) break;
    values.push(decimals > 0 ? value.toFixed(decimals) : String(Math.round(value)));
  }
  if (equalWidth) {
    const width = Math.max(...values.map((value) => value.replace('-', '').length));
    for (let i = 0; i < values.length; i++) {
      const negative = values[i].startsWith('-');
      values[i] = (negative ? '-' : '') + values[i].replace('-', '').padStart(width - (negative ? 1 : 0), '0');
    }
  }
  if (values.length > 0) ctx.out.stdout(values.join(separator) + '\n');
  return 0;
};

function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0 || /e/i.test(text)) return 0;
  return text.length - dot - 1;
}

export const TEXT_UTILITIES: Record<string, Builtin> = {
  grep,
  head: (ctx, argv) => headOrTail(ctx, argv, 'head'),
  tail: (ctx, argv) => headOrTail(ctx, argv, 'tail'),
  wc,
  sort,
  uniq,
  tee,
  cut,
  tr,
  yes,
  seq,
};
