// `ls` as GNU coreutils prints it: one per line when piped, columns on a terminal, and the `-l` long format.

import { isFsError, type FsStat } from '../vfs.ts';
import { errnoText, parseOptions, resolve, usageError } from './common.ts';
import type { Builtin, BuiltinContext } from './registry.ts';

/** One file as ls lists it: GNU's and BusyBox's listings share this shape. */
export interface Entry {
  /** The name as printed. */
  name: string;
  path: string;
  stat: FsStat;
  /** Symlink target, for `-l`. */
  target?: string;
}

interface LsOptions {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  onePerLine: boolean;
  directory: boolean;
  human: boolean;
  reverse: boolean;
  byTime: boolean;
  bySize: boolean;
  classify: boolean;
  recursive: boolean;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = (365.2425 / 2) * 24 * 3600 * 1000;
const TAB_SIZE = 8;
const MIN_COLUMN_WIDTH = 3;

export const ls: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, {
    short: 'alAdhrtSF1R',
    long: { all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', reverse: 'r', classify: 'F', recursive: 'R' },
  });
  if ('error' in parsed) return usageError(ctx, 'ls', parsed.error, 2);
  const { flags } = parsed;
  const options: LsOptions = {
    all: flags.has('a'),
    almostAll: flags.has('A'),
    long: flags.has('l'),
    onePerLine: flags.has('1'),
    directory: flags.has('d'),
    human: flags.has('h'),
    reverse: flags.has('r'),
    byTime: flags.has('t'),
    bySize: flags.has('S'),
    classify: flags.has('F'),
    recursive: flags.has('R'),
  };
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const operand of operands) {
    const path = resolve(ctx, operand);
    const stat = ctx.fs.stat(path);
    if (isFsError(stat)) {
      const lstat = ctx.fs.lstat(path);
      if (!isFsError(lstat)) {
        files.push(entryFor(ctx, operand, path, lstat));
        continue;
      }
      ctx.out.stderr(`ls: cannot access '${operand}': ${errnoText(stat)}\n`);
      status = 2;
      continue;
    }
    const useLstat = options.long && !operand.endsWith('/') ? ctx.fs.lstat(path) : stat;
    const entry = entryFor(ctx, operand, path, isFsError(useLstat) ? stat : useLstat);
    if (stat.type === 'dir' && !options.directory && entry.stat.type !== 'symlink') dirs.push(entry);
    else files.push(entry);
  }
  const sections: string[] = [];
  // GNU ls sizes the columns of the file operands' listing with the directory operands counted too.
  if (files.length > 0) sections.push(render(ctx, sortEntries(files, options), options, false, dirs));
  const showHeaders = operands.length > 1 || files.length > 0 || status !== 0 || options.recursive;
  const queue = sortEntries(dirs, options);
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i];
    const listed = listDirectory(ctx, dir, options);
    if (listed === undefined) {
      status = 2;
      continue;
    }
    const body = render(ctx, listed, options, true);
    sections.push(showHeaders ? `${dir.name}:\n${body}` : body);
    if (options.recursive) {
      const children = listed.filter((entry) => entry.stat.type === 'dir' && entry.name !== '.' && entry.name !== '..');
      queue.splice(i + 1, 0, ...children.map((child) => ({ ...child, name: `${dir.name === '/' ? '' : dir.name}/${child.name}` })));
    }
  }
  ctx.out.stdout(sections.join('\n'));
  return status;
};

export function entryFor(ctx: BuiltinContext, name: string, path: string, stat: FsStat): Entry {
  const entry: Entry = { name, path, stat };
  if (stat.type === 'symlink') {
    const target = ctx.fs.readlink(path);
    if (!isFsError(target)) entry.target = target;
  }
  return entry;
}

function listDirectory(ctx: BuiltinContext, dir: Entry, options: LsOptions): Entry[] | undefined {
  const names = ctx.fs.readdir(dir.path);
  if (isFsError(names)) {
    ctx.out.stderr(`ls: cannot open directory '${dir.name}': ${errnoText(names)}\n`);
    return undefined;
  }
  const entries: Entry[] = [];
  if (options.all) {
    entries.push({ name: '.', path: dir.path, stat: dir.stat });
    const parent = dir.path === '/' ? '/' : dir.path.slice(0, dir.path.lastIndexOf('/')) || '/';
    const parentStat = ctx.fs.stat(parent);
    entries.push({ name: '..', path: parent, stat: isFsError(parentStat) ? dir.stat : parentStat });
  }
  for (const name of names) {
    if (name.startsWith('.') && !options.all && !options.almostAll) continue;
    const path = dir.path === '/' ? `/${name}` : `${dir.path}/${name}`;
    const stat = ctx.fs.lstat(path);
    if (isFsError(stat)) continue;
    entries.push(entryFor(ctx, name, path, stat));
  }
  return sortEntries(entries, options);
}

function sortEntries(entries: Entry[], options: LsOptions): Entry[] {
  const sorted = [...entries].sort((a, b) => {
    if (options.byTime && a.stat.mtime !== b.stat.mtime) return b.stat.mtime - a.stat.mtime;
    if (options.bySize && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return options.reverse ? sorted.reverse() : sorted;
}

function classifySuffix(entry: Entry, options: LsOptions): string {
  if (!options.classify) return '';
  if (entry.stat.type === 'dir') return '/';
  if (entry.stat.type === 'symlink') return options.long ? '' : '@';
  return (entry.stat.mode & 0o111) !== 0 ? '*' : '';
}

function render(ctx: BuiltinContext, entries: Entry[], options: LsOptions, isDirectory: boolean, widthPeers: Entry[] = []): string {
  if (options.long) return renderLong(ctx, entries, options, isDirectory, widthPeers);
  if (entries.length === 0) return '';
  if (!ctx.tty) return `${entries.map((entry) => entry.name + classifySuffix(entry, options)).join('\n')}\n`;
  const names = displayNames(entries, !options.onePerLine).map((name, index) => name + classifySuffix(entries[index], options));
  if (options.onePerLine) return `${names.join('\n')}\n`;
  return renderColumns(names, ctx.columns);
}

/**
 * Names as GNU ls shows them on a terminal: quoted for the shell when they hold spaces or
 * special characters; with `align`, the others get a leading space so the columns line up.
 */
function displayNames(entries: Entry[], align: boolean): string[] {
  const quoted = entries.map((entry) => quoteName(entry.name));
  const anyQuoted = align && quoted.some((name, index) => name !== entries[index].name);
  return anyQuoted ? quoted.map((name, index) => (name === entries[index].name ? ` ${name}` : name)) : quoted;
}

const SAFE_NAME = /^[A-Za-z0-9_.\-+,:@%/=^]+$/;

export function quoteName(name: string): string {
  if (SAFE_NAME.test(name) || (/^[^~#]/.test(name) && /^[A-Za-z0-9_.\-+,:@%/=^~#]+$/.test(name))) return name;
  if (/[\x00-\x1f\x7f]/.test(name)) {
    let text = '';
    let run = '';
    const flush = (): void => {
      if (run) text += `'${run.replace(/'/g, `'\\''`)}'`;
      run = '';
    };
    for (const char of name) {
      const code = char.charCodeAt(0);
      if (code < 0x20 || code === 0x7f) {
        flush();
        const named: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 27: 'E' };
        text += `$'\\${named[code] ?? code.toString(8).padStart(3, '0')}'`;
      } else run += char;
    }
    flush();
    return text;
  }
  if (name.includes("'") && !/["$`\\!]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

/** GNU ls's column layout: the most columns that fit, filled top to bottom, padded with tabs. */
export function renderColumns(names: string[], width: number): string {
  const lengths = names.map((name) => displayWidth(name));
  const count = names.length;
  const maxColumns = Math.max(1, Math.min(count, Math.floor(width / MIN_COLUMN_WIDTH)));
  let best = { columns: 1, widths: [Math.max(...lengths)] };
  for (let columns = maxColumns; columns >= 1; columns--) {
    const rows = Math.ceil(count / columns);
    const widths = new Array<number>(columns).fill(0);
    let lineLength = 0;
    let valid = true;
    for (let index = 0; index < count && valid; index++) {
      const column = Math.floor(index / rows);
      const real = lengths[index] + (column === columns - 1 ? 0 : 2);
      if (widths[column] < real) {
        lineLength += real - widths[column];
        widths[column] = real;
        valid = lineLength < width;
      }
    }
    if (valid) {
      best = { columns, widths };
      break;
    }
  }
  const rows = Math.ceil(count / best.columns);
  let text = '';
  for (let row = 0; row < rows; row++) {
    let position = 0;
    for (let column = 0; column < best.columns; column++) {
      const index = row + column * rows;
      if (index >= count) break;
      text += names[index];
      const next = index + rows;
      if (next >= count) break;
      const from = position + lengths[index];
      const to = position + best.widths[column];
      text += indent(from, to);
      position = to;
    }
    text += '\n';
  }
  return text;
}

/** Moves from column `from` to `to` with tabs where a tab stop lies between, as GNU ls does. */
function indent(from: number, to: number): string {
  let text = '';
  while (from < to) {
    if (Math.floor(to / TAB_SIZE) > Math.floor((from + 1) / TAB_SIZE)) {
      text += '\t';
      from += TAB_SIZE - (from % TAB_SIZE);
    } else {
      text += ' ';
      from++;
    }
  }
  return text;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += code >= 0x1100 && isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff);
}

export function permissions(stat: FsStat): string {
  const kind = stat.type === 'dir' ? 'd' : stat.type === 'symlink' ? 'l' : '-';
  const mode = stat.mode;
  let text = kind;
  // setuid, setgid and sticky take the place of an execute bit (`s`/`t`, capital when that bit is off), as GNU ls shows them.
  for (const [shift, special, letter] of [[6, 0o4000, 's'], [3, 0o2000, 's'], [0, 0o1000, 't']] as const) {
    const bits = (mode >> shift) & 7;
    text += bits & 4 ? 'r' : '-';
    text += bits & 2 ? 'w' : '-';
    if (mode & special) text += bits & 1 ? letter : letter.toUpperCase();
    else text += bits & 1 ? 'x' : '-';
  }
  return text;
}

/** Allocated 1K blocks as `total` counts them: whole 4K blocks for any content. */
function blocks(stat: FsStat): number {
  if (stat.type === 'symlink') return 0;
  return Math.ceil(stat.size / 4096) * 4;
}

/** `ls -lh` sizes: powers of 1024, one decimal below 10, rounded up as GNU does. */
function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const rounded = Math.ceil(value * 10) / 10;
    return rounded >= 10 ? `${Math.ceil(rounded)}${units[unit]}` : `${rounded.toFixed(1)}${units[unit]}`;
  }
  return `${Math.ceil(value)}${units[unit]}`;
}

/** `Dec  4 15:23` for recent times, `Jun 24  2025` for those over six months away. */
export function lsDate(time: number, now: number): string {
  const date = new Date(time);
  const month = MONTHS[date.getUTCMonth()];
  const day = String(date.getUTCDate()).padStart(2);
  const recent = now - time < SIX_MONTHS_MS && time - now < 60 * 60 * 1000;
  if (recent) {
    const hours = String(date.getUTCHours()).padStart(2, '0');
    const minutes = String(date.getUTCMinutes()).padStart(2, '0');
    return `${month} ${day} ${hours}:${minutes}`;
  }
  return `${month} ${day}  ${date.getUTCFullYear()}`;
}

function renderLong(ctx: BuiltinContext, entries: Entry[], options: LsOptions, isDirectory: boolean, widthPeers: Entry[]): string {
  const now = ctx.state.clock;
  const owner = ctx.session.user;
  const rows = [...entries, ...widthPeers].map((entry) => {
    const links = entry.stat.type === 'dir' ? 2 + countSubdirectories(ctx, entry) : 1;
    return {
      mode: permissions(entry.stat),
      links: String(links),
      size: options.human ? humanSize(entry.stat.size) : String(entry.stat.size),
      date: lsDate(entry.stat.mtime, now),
      name: entry.name,
      suffix: classifySuffix(entry, options) + (entry.target !== undefined ? ` -> ${ctx.tty ? quoteName(entry.target) : entry.target}` : ''),
    };
  });
  const linkWidth = Math.max(0, ...rows.map((row) => row.links.length));
  const sizeWidth = Math.max(0, ...rows.map((row) => row.size.length));
  let text = '';
  if (isDirectory) {
    const total = entries.reduce((sum, entry) => sum + blocks(entry.stat), 0);
    text += `total ${options.human ? humanSize(total * 1024) : total}\n`;
  }
  const names = ctx.tty ? displayNames([...entries, ...widthPeers], true) : rows.map((row) => row.name);
  rows.slice(0, entries.length).forEach((row, index) => {
    text += `${row.mode} ${row.links.padStart(linkWidth)} ${owner} ${owner} ${row.size.padStart(sizeWidth)} ${row.date} ${names[index]}${row.suffix}\n`;
  });
  return text;
}

function countSubdirectories(ctx: BuiltinContext, entry: Entry): number {
  const names = ctx.fs.readdir(entry.path);
  if (isFsError(names)) return 0;
  let count = 0;
  for (const name of names) {
    const stat = ctx.fs.lstat(entry.path === '/' ? `/${name}` : `${entry.path}/${name}`);
    if (!isFsError(stat) && stat.type === 'dir') count++;
  }
  return count;
}

