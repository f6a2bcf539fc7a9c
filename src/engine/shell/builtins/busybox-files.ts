// BusyBox's file applets with their own messages: cat, rm, rmdir, mkdir, touch, cp and mv (ls is in busybox-ls.ts).

import { baseName, isFsError, parentPath } from '../vfs.ts';
import { busyboxLs } from './busybox-ls.ts';
import { busyboxOptions, busyboxUsage } from './busybox-usage.ts';
import { errnoText, resolve, stdinText } from './common.ts';
import type { Builtin, BuiltinContext } from './registry.ts';

/** `cat -v`: control characters as `^X`, DEL as `^?`; `-t` shows tabs too. */
function showNonPrinting(text: string, tabs: boolean): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f\t]/g, (char) => {
    if (char === '\n') return char;
    if (char === '\t') return tabs ? '^I' : char;
    return char === '\x7f' ? '^?' : `^${String.fromCharCode(char.charCodeAt(0) + 64)}`;
  });
}

const cat: Builtin = (ctx, argv) => {
  const parsed = busyboxOptions(ctx, 'cat', argv, { short: 'nbvteAu' });
  if ('status' in parsed) return parsed.status;
  const { flags } = parsed;
  const numberAll = flags.has('n') && !flags.has('b');
  const numberFilled = flags.has('b');
  const ends = flags.has('e') || flags.has('A');
  const visible = flags.has('v') || flags.has('t') || ends;
  const tabs = flags.has('t') || flags.has('A');
  let line = 0;
  let status = 0;
  const names = parsed.operands.length === 0 ? ['-'] : parsed.operands;
  for (const name of names) {
    let text: string;
    if (name === '-') text = stdinText(ctx);
    else {
      const path = resolve(ctx, name);
      const stat = ctx.fs.stat(path);
      if (!isFsError(stat) && stat.type === 'dir') {
        ctx.out.stderr('cat: read error: Is a directory\n');
        status = 1;
        continue;
      }
      const content = ctx.fs.readFile(path);
      if (isFsError(content)) {
        ctx.out.stderr(`cat: can't open '${name}': ${errnoText(content)}\n`);
        status = 1;
        continue;
      }
      text = content;
    }
    if (visible) text = showNonPrinting(text, tabs);
    if (ends) text = text.replace(/\n/g, '$\n');
    if (numberAll || numberFilled) {
      const pieces = text.split('\n');
      const trailing = text.endsWith('\n');
      if (trailing) pieces.pop();
      text = pieces.map((piece) => (numberFilled && (piece === '' || piece === '$') ? piece : `${String(++line).padStart(6)}\t${piece}`)).join('\n') + (trailing ? '\n' : '');
    }
    ctx.out.stdout(text);
  }
  return status;
};

const rm: Builtin = (ctx, argv) => {
  const parsed = busyboxOptions(ctx, 'rm', argv, { short: 'irfRv' });
  if ('status' in parsed) return parsed.status;
  const { flags, operands } = parsed;
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  if (operands.length === 0) return force ? 0 : busyboxUsage(ctx, 'rm');
  let status = 0;
  for (const operand of operands) {
    const last = baseName(operand.replace(/\/+$/, ''));
    if (last === '.' || last === '..') {
      ctx.out.stderr("rm: can't remove '.' or '..'\n");
      status = 1;
      continue;
    }
    const path = resolve(ctx, operand);
    const stat = ctx.fs.lstat(path);
    if (isFsError(stat)) {
      if (!force) {
        ctx.out.stderr(`rm: can't remove '${operand}': ${errnoText(stat)}\n`);
        status = 1;
      }
      continue;
    }
    if (stat.type === 'dir' && !recursive) {
      ctx.out.stderr(`rm: '${operand}' is a directory\n`);
      status = 1;
      continue;
    }
    const removed = ctx.fs.remove(path, { recursive });
    if (removed) {
      ctx.out.stderr(`rm: can't remove '${operand}': ${errnoText(removed)}\n`);
      status = 1;
    } else if (flags.has('v')) ctx.out.stdout(`removed ${stat.type === 'dir' ? 'directory ' : ''}'${operand}'\n`);
  }
  return status;
};

const rmdir: Builtin = (ctx, argv) => {
  const parsed = busyboxOptions(ctx, 'rmdir', argv, { short: 'p', long: { 'ignore-fail-on-non-empty': 'ignore' } });
  if ('status' in parsed) return parsed.status;
  if (parsed.operands.length === 0) return busyboxUsage(ctx, 'rmdir');
  let status = 0;
  for (const operand of parsed.operands) {
    // With -p the parents go too, each as named: `a/b/c`, then `a/b`, then `a`.
    let name = operand.replace(/\/+$/, '') || operand;
    for (;;) {
      const path = resolve(ctx, name);
      const stat = ctx.fs.lstat(path);
      let failure = isFsError(stat) ? errnoText(stat) : stat.type !== 'dir' ? 'Not a directory' : undefined;
      if (!failure) {
        const removed = ctx.fs.remove(path);
        if (removed) failure = errnoText(removed);
      }
      if (failure) {
        if (!(failure === 'Directory not empty' && parsed.flags.has('ignore'))) {
          ctx.out.stderr(`rmdir: '${name}': ${failure}\n`);
          status = 1;
        }
        break;
      }
      const slash = name.lastIndexOf('/');
      if (!parsed.flags.has('p') || slash <= 0) break;
      name = name.slice(0, slash);
    }
  }
  return status;
};

const mkdir: Builtin = (ctx, argv) => {
  const parsed = busyboxOptions(ctx, 'mkdir', argv, { short: 'pv', withValue: 'm' });
  if ('status' in parsed) return parsed.status;
  if (parsed.operands.length === 0) return busyboxUsage(ctx, 'mkdir');
  const parents = parsed.flags.has('p');
  let status = 0;
  for (const operand of parsed.operands) {
    const failure = parents ? makeParents(ctx, operand) : makeOne(ctx, operand);
    if (failure) {
      ctx.out.stderr(`mkdir: can't create directory '${failure.shown}': ${failure.reason}\n`);
      status = 1;
    }
  }
  return status;
};

function makeOne(ctx: BuiltinContext, operand: string): { shown: string; reason: string } | undefined {
  const failed = ctx.fs.mkdir(resolve(ctx, operand));
  return failed ? { shown: operand, reason: errnoText(failed) } : undefined;
}

/** `mkdir -p`: each missing folder in turn; the one that fails is named as typed up to its slash (`f/`). */
function makeParents(ctx: BuiltinContext, operand: string): { shown: string; reason: string } | undefined {
  const parts = operand.split('/');
  for (let i = 1; i <= parts.length; i++) {
    if (parts[i - 1] === '' && i < parts.length) continue;
    const prefix = parts.slice(0, i).join('/');
    if (prefix === '') continue;
    const path = resolve(ctx, prefix);
    const stat = ctx.fs.stat(path);
    const last = i === parts.length || parts.slice(i).every((part) => part === '');
    if (!isFsError(stat)) {
      if (stat.type === 'dir') continue;
      return last ? { shown: prefix, reason: 'File exists' } : { shown: `${prefix}/`, reason: 'Not a directory' };
    }
    const failed = ctx.fs.mkdir(path);
    if (failed) return { shown: prefix, reason: errnoText(failed) };
  }
  return undefined;
}

const touch: Builtin = (ctx, argv) => {
  const parsed = busyboxOptions(ctx, 'touch', argv, { short: 'cham', withValue: 'dtr' });
  if ('status' in parsed) return parsed.status;
  if (parsed.operands.length === 0) return busyboxUsage(ctx, 'touch');
  let status = 0;
  for (const operand of parsed.operands) {
    const path = resolve(ctx, operand);
    if (parsed.flags.has('c') && isFsError(ctx.fs.stat(path))) continue;
    const failed = ctx.fs.touch(path);
    if (failed) {
      ctx.out.stderr(`touch: ${operand}: ${errnoText(failed)}\n`);
      status = 1;
    }
  }
  return status;
};

/** cp and mv: the last operand is the destination, a folder to put the sources in when it is one or there are several. */
function copyOrMove(ctx: BuiltinContext, argv: string[], applet: 'cp' | 'mv'): number {
  const parsed = busyboxOptions(ctx, applet, argv, { short: applet === 'cp' ? 'arPLHpfinlsTudRv' : 'finTv', withValue: 't' });
  if ('status' in parsed) return parsed.status;
  const { flags } = parsed;
  const operands = [...parsed.operands];
  const intoFolder = parsed.values.get('t');
  if (intoFolder !== undefined) operands.push(intoFolder);
  if (operands.length < 2) return busyboxUsage(ctx, applet);
  const recursive = flags.has('r') || flags.has('R') || flags.has('a');
  const target = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  const targetStat = ctx.fs.stat(resolve(ctx, target));
  const intoTarget = sources.length > 1 || (!isFsError(targetStat) && targetStat.type === 'dir');
  let status = 0;
  for (const source of sources) {
    const from = resolve(ctx, source);
    const shown = intoTarget ? `${target.replace(/\/+$/, '')}/${baseName(source.replace(/\/+$/, ''))}` : target;
    const to = resolve(ctx, shown);
    const failure = applet === 'cp' ? copyOne(ctx, source, from, shown, to, recursive, flags.has('n')) : moveOne(ctx, source, from, to);
    if (failure) {
      ctx.out.stderr(`${applet}: ${failure}\n`);
      status = 1;
    } else if (flags.has('v')) ctx.out.stdout(`'${source}' -> '${shown}'\n`);
  }
  return status;
}

function copyOne(ctx: BuiltinContext, source: string, from: string, shown: string, to: string, recursive: boolean, noClobber: boolean): string | undefined {
  const stat = ctx.fs.stat(from);
  if (isFsError(stat)) return `can't stat '${source}': ${errnoText(stat)}`;
  const parent = ctx.fs.stat(parentPath(to));
  if (stat.type === 'dir') {
    if (!recursive) return `omitting directory '${source}'`;
    if (to === from || to.startsWith(`${from}/`)) return `recursion detected, omitting directory '${source}'`;
  }
  if (to === from) return `'${source}' and '${shown}' are the same file`;
  if (!isFsError(parent) && parent.type !== 'dir') return `can't stat '${shown}': Not a directory`;
  if (isFsError(parent)) return `can't create '${shown}': ${errnoText(parent)}`;
  if (noClobber && !isFsError(ctx.fs.lstat(to))) return undefined;
  const failed = ctx.fs.copy(from, to, { recursive });
  return failed ? `can't create '${shown}': ${errnoText(failed)}` : undefined;
}

function moveOne(ctx: BuiltinContext, source: string, from: string, to: string): string | undefined {
  const stat = ctx.fs.lstat(from);
  if (isFsError(stat)) return `can't rename '${source}': ${errnoText(stat)}`;
  if (stat.type === 'dir' && to.startsWith(`${from}/`)) return `can't rename '${source}': Invalid argument`;
  if (to === from) return undefined;
  const parent = ctx.fs.stat(parentPath(to));
  if (isFsError(parent) || parent.type !== 'dir') return `can't rename '${source}': ${isFsError(parent) ? errnoText(parent) : 'Not a directory'}`;
  const failed = ctx.fs.move(from, to);
  return failed ? `can't rename '${source}': ${errnoText(failed)}` : undefined;
}

const cp: Builtin = (ctx, argv) => copyOrMove(ctx, argv, 'cp');
const mv: Builtin = (ctx, argv) => copyOrMove(ctx, argv, 'mv');

/** The applets a BusyBox image runs in place of the GNU tools of the same names. */
export const BUSYBOX_APPLETS: Record<string, Builtin> = { ls: busyboxLs, cat, rm, rmdir, mkdir, touch, cp, mv };
