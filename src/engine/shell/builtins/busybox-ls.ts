// BusyBox's `ls`: its messages, its columns (spaces, not tabs), colours on a terminal and its `-l` format.

import { isFsError, type FsStat } from '../vfs.ts';
import { busyboxOptions } from './busybox-usage.ts';
import { errnoText, resolve } from './common.ts';
import { entryFor, MONTHS, permissions, type Entry } from './ls.ts';
import type { Builtin, BuiltinContext } from './registry.ts';

interface Options {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  numeric: boolean;
  onePerLine: boolean;
  columns: boolean;
  acrossLines: boolean;
  directory: boolean;
  human: boolean;
  reverse: boolean;
  byTime: boolean;
  bySize: boolean;
  classify: boolean;
  slashDirs: boolean;
  recursive: boolean;
  blocks: boolean;
  followAll: boolean;
  followOperands: boolean;
  color: boolean;
  width: number;
}

/** ls counts a file as recent within half a year back (365/2 days) and up to 15 minutes ahead. */
const HALF_YEAR_MS = ((365 * 24 * 3600) / 2) * 1000;
const FUTURE_SLACK_MS = 15 * 60 * 1000;

export const busyboxLs: Builtin = (ctx, argv) => {
  // `--color` takes its value only after `=`; getopt32 would not take the next word.
  let color: 'auto' | 'always' | 'never' = 'auto';
  const rest: string[] = [];
  for (const arg of argv) {
    const match = /^--colou?r(?:=(.*))?$/.exec(arg);
    if (!match) rest.push(arg);
    else color = match[1] === undefined || ['always', 'yes', 'force'].includes(match[1]) ? 'always' : ['never', 'no', 'none'].includes(match[1]) ? 'never' : 'auto';
  }
  const parsed = busyboxOptions(ctx, 'ls', rest, {
    short: '1AaCxdLHRFplinshrSXvctu',
    withValue: 'w',
    long: { 'full-time': 'full-time', 'group-directories-first': 'group-directories-first' },
  });
  if ('status' in parsed) return parsed.status;
  const { flags } = parsed;
  const width = parsed.values.has('w') ? Number(parsed.values.get('w')) : ctx.tty ? ctx.columns : 80;
  const options: Options = {
    all: flags.has('a'),
    almostAll: flags.has('A'),
    long: flags.has('l') || flags.has('n'),
    numeric: flags.has('n'),
    onePerLine: flags.has('1'),
    columns: flags.has('C') || flags.has('x'),
    acrossLines: flags.has('x'),
    directory: flags.has('d'),
    human: flags.has('h'),
    reverse: flags.has('r'),
    byTime: flags.has('t'),
    bySize: flags.has('S'),
    classify: flags.has('F'),
    slashDirs: flags.has('p'),
    recursive: flags.has('R'),
    blocks: flags.has('s'),
    followAll: flags.has('L'),
    followOperands: flags.has('L') || flags.has('H'),
    // Colour is on by default on a terminal in the images' builds (FEATURE_LS_COLOR_IS_DEFAULT).
    color: color === 'always' || (color === 'auto' && ctx.tty),
    width: Number.isFinite(width) && width > 0 ? width : 80,
  };
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const operand of operands) {
    const path = resolve(ctx, operand);
    const lstat = ctx.fs.lstat(path);
    if (isFsError(lstat)) {
      ctx.out.stderr(`ls: ${operand}: ${errnoText(lstat)}\n`);
      status = 1;
      continue;
    }
    // A link named on the command line is followed unless it is to be shown itself (-l, -d, -F).
    const follow = lstat.type === 'symlink' && (options.followOperands || !(options.long || options.directory || options.classify));
    const stat = follow ? ctx.fs.stat(path) : lstat;
    const entry = entryFor(ctx, operand, path, isFsError(stat) ? lstat : stat);
    if (entry.stat.type === 'dir' && !options.directory) dirs.push(entry);
    else files.push(entry);
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(render(ctx, sort(files, options), options, false));
  const headers = operands.length > 1 || options.recursive;
  const queue = sort(dirs, options);
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i];
    const listed = listDirectory(ctx, dir, options);
    if (listed === undefined) {
      status = 1;
      continue;
    }
    const body = render(ctx, listed, options, true);
    sections.push(headers ? `${dir.name}:\n${body}` : body);
    if (options.recursive) {
      const children = listed.filter((entry) => entry.stat.type === 'dir' && entry.name !== '.' && entry.name !== '..');
      queue.splice(i + 1, 0, ...children.map((child) => ({ ...child, name: `${dir.name === '/' ? '' : dir.name}/${child.name}` })));
    }
  }
  ctx.out.stdout(sections.join('\n'));
  return status;
};

function listDirectory(ctx: BuiltinContext, dir: Entry, options: Options): Entry[] | undefined {
  const names = ctx.fs.readdir(dir.path);
  if (isFsError(names)) {
    ctx.out.stderr(`ls: ${dir.name}: ${errnoText(names)}\n`);
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
    const lstat = ctx.fs.lstat(path);
    if (isFsError(lstat)) continue;
    const stat = options.followAll && lstat.type === 'symlink' ? ctx.fs.stat(path) : lstat;
    entries.push(entryFor(ctx, name, path, isFsError(stat) ? lstat : stat));
  }
  return sort(entries, options);
}

function sort(entries: Entry[], options: Options): Entry[] {
  const sorted = [...entries].sort((a, b) => {
    if (options.byTime && a.stat.mtime !== b.stat.mtime) return b.stat.mtime - a.stat.mtime;
    if (options.bySize && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return options.reverse ? sorted.reverse() : sorted;
}

function isExecutable(stat: FsStat): boolean {
  return stat.type === 'file' && (stat.mode & 0o111) !== 0;
}

/** `-F` and `-p` marks, printed after the (coloured) name. */
function suffix(entry: Entry, options: Options): string {
  if (entry.stat.type === 'dir') return options.classify || options.slashDirs ? '/' : '';
  if (!options.classify) return '';
  if (entry.stat.type === 'symlink') return options.long ? '' : '@';
  return isExecutable(entry.stat) ? '*' : '';
}

/** ls's colours: bold blue folders, bold cyan links, bold green programs, `0;0` for the rest. */
function colored(name: string, stat: FsStat | undefined, options: Options): string {
  if (!options.color) return name;
  const code = stat === undefined ? '1;31' : stat.type === 'dir' ? '1;34' : stat.type === 'symlink' ? '1;36' : isExecutable(stat) ? '1;32' : '0;0';
  return `\x1b[${code}m${name}\x1b[m`;
}

/** 1K blocks a file takes, as `total` and `-s` count them: whole 4K blocks for any content. */
function blocks(stat: FsStat): number {
  return stat.type === 'symlink' ? 0 : Math.ceil(stat.size / 4096) * 4;
}

function render(ctx: BuiltinContext, entries: Entry[], options: Options, isDirectory: boolean): string {
  let text = '';
  if (isDirectory && (options.long || options.blocks)) {
    const total = entries.reduce((sum, entry) => sum + blocks(entry.stat), 0);
    text += `total ${options.human ? humanSize(total * 1024, false).padEnd(7) : total}\n`;
  }
  if (entries.length === 0) return text;
  if (options.long) return text + entries.map((entry) => `${longLine(ctx, entry, options)}\n`).join('');
  const cells = entries.map((entry) => {
    const mark = suffix(entry, options);
    const width = entry.name.length + (options.blocks ? 7 : 0);
    return { width, printed: width + mark.length, text: `${options.blocks ? `${String(blocks(entry.stat)).padStart(6)} ` : ''}${colored(entry.name, entry.stat, options)}${mark}` };
  });
  if (options.onePerLine || !(ctx.tty || options.columns)) return text + cells.map((cell) => `${cell.text}\n`).join('');
  return text + layOut(cells, options);
}

/**
 * The columns of a terminal listing: as many as fit in one less than its width, each as wide as the
 * longest name plus two (the -F marks not counted), filled down (across with -x); spaces pad what was
 * printed to the next column, none end a line.
 */
function layOut(cells: Array<{ width: number; printed: number; text: string }>, options: Options): string {
  const columnWidth = Math.max(...cells.map((cell) => cell.width)) + 2;
  const columns = Math.max(1, Math.floor((options.width - 1) / columnWidth));
  const rows = Math.ceil(cells.length / columns);
  let text = '';
  for (let row = 0; row < rows; row++) {
    const indices: number[] = [];
    for (let column = 0; column < columns; column++) {
      const index = options.acrossLines ? row * columns + column : column * rows + row;
      if (index < cells.length) indices.push(index);
    }
    text += `${indices.map((index, at) => cells[index].text + (at === indices.length - 1 ? '' : ' '.repeat(Math.max(1, columnWidth - cells[index].printed)))).join('')}\n`;
  }
  return text;
}

function longLine(ctx: BuiltinContext, entry: Entry, options: Options): string {
  const links = entry.stat.type === 'dir' ? 2 + countSubdirectories(ctx, entry) : 1;
  const user = ctx.session.user;
  const owner = options.numeric ? String(user === 'root' ? 0 : 1000) : user;
  const size = options.human ? humanSize(entry.stat.size, true).padStart(7) : String(entry.stat.size).padStart(9);
  const prefix = options.blocks ? `${String(blocks(entry.stat)).padStart(6)} ` : '';
  let line = `${prefix}${permissions(entry.stat)} ${String(links).padStart(4)} ${owner.slice(0, 8).padEnd(8)} ${owner.slice(0, 8).padEnd(8)} ${size} ${busyboxDate(entry.stat.mtime, ctx.state.clock)} `;
  line += colored(entry.name, entry.stat, options) + suffix(entry, options);
  if (entry.target !== undefined) {
    const target = ctx.fs.stat(entry.path);
    line += ` -> ${colored(entry.target, isFsError(target) ? undefined : target, options)}`;
  }
  return line;
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

/** `Dec  4 15:23` for a recent time, `Jun 24  2025` otherwise. */
export function busyboxDate(time: number, now: number): string {
  const date = new Date(time);
  const day = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)}`;
  const age = now - time;
  if (age < HALF_YEAR_MS && age > -FUTURE_SLACK_MS) {
    return `${day} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  }
  return `${day}  ${date.getUTCFullYear()}`;
}

/**
 * Sizes as BusyBox's make_human_readable_str gives them: bytes below 1K as they are, else the whole
 * units and, with `decimal`, one rounded tenth (`1.5K`, `1024.0K`); without it, rounded to the unit.
 */
export function humanSize(bytes: number, decimal: boolean): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let value = Math.floor(bytes);
  let fraction = 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    fraction = value % 1024;
    value = Math.floor(value / 1024);
    unit++;
  }
  if (unit === 0) return String(value);
  if (!decimal) return `${value + (fraction >= 512 ? 1 : 0)}${units[unit]}`;
  let tenth = Math.floor((fraction * 10 + 512) / 1024);
  if (tenth >= 10) {
    value++;
    tenth = 0;
  }
  return `${value}.${tenth}${units[unit]}`;
}
