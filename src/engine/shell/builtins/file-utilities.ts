// File utilities with GNU coreutils' messages: cat, mkdir, rmdir, rm, touch, cp, mv, chmod, ln (and ls).

import { baseName, isFsError, parentPath } from '../vfs.ts';
import { errnoText, parseOptions, readInputs, resolve, usageError } from './common.ts';
import { ls } from './ls.ts';
import type { Builtin, BuiltinContext } from './registry.ts';

const cat: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'nAbeEsTuv', long: { number: 'n' } });
  if ('error' in parsed) return usageError(ctx, 'cat', parsed.error);
  const { inputs, failed } = readInputs(ctx, 'cat', parsed.operands);
  let text = inputs.map((input) => input.text).join('');
  if (parsed.flags.has('n') && text !== '') {
    const lines = text.split('\n');
    const trailing = text.endsWith('\n');
    if (trailing) lines.pop();
    text = lines.map((line, index) => `${String(index + 1).padStart(6)}\t${line}`).join('\n') + (trailing ? '\n' : '');
  }
  ctx.out.stdout(text);
  return failed ? 1 : 0;
};

const mkdir: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'pv', withValue: 'm', long: { parents: 'p', verbose: 'v' } });
  if ('error' in parsed) return usageError(ctx, 'mkdir', parsed.error);
  if (parsed.operands.length === 0) return usageError(ctx, 'mkdir', 'missing operand');
  let status = 0;
  const parents = parsed.flags.has('p');
  for (const operand of parsed.operands) {
    const path = resolve(ctx, operand);
    if (parents) {
      const existing = ctx.fs.stat(path);
      if (!isFsError(existing) && existing.type === 'dir') continue;
    }
    const failed = ctx.fs.mkdir(path, { parents });
    if (failed) {
      const shown = parents && failed.errno === 'ENOTDIR' ? firstNonDirectory(ctx, operand) : operand;
      const reason = parents && failed.errno === 'ENOTDIR' && shown === operand ? 'File exists' : errnoText(failed);
      ctx.out.stderr(`mkdir: cannot create directory ‘${shown}’: ${reason}\n`);
      status = 1;
    } else if (parsed.flags.has('v')) ctx.out.stdout(`mkdir: created directory '${operand}'\n`);
  }
  return status;
};

/** For `mkdir -p a/f/b` where `a/f` is a file: the prefix that is in the way, as typed. */
function firstNonDirectory(ctx: BuiltinContext, operand: string): string {
  const parts = operand.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (prefix === '') continue;
    const stat = ctx.fs.stat(resolve(ctx, prefix));
    if (!isFsError(stat) && stat.type !== 'dir') return prefix;
  }
  return operand;
}

const rmdir: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'pv', long: { parents: 'p' } });
  if ('error' in parsed) return usageError(ctx, 'rmdir', parsed.error);
  if (parsed.operands.length === 0) return usageError(ctx, 'rmdir', 'missing operand');
  let status = 0;
  for (const operand of parsed.operands) {
    const path = resolve(ctx, operand);
    const stat = ctx.fs.lstat(path);
    let failure = isFsError(stat) ? errnoText(stat) : stat.type !== 'dir' ? 'Not a directory' : undefined;
    if (!failure) {
      const removed = ctx.fs.remove(path);
      if (removed) failure = errnoText(removed);
    }
    if (failure) {
      ctx.out.stderr(`rmdir: failed to remove '${operand}': ${failure}\n`);
      status = 1;
    }
  }
  return status;
};

const rm: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'rRfivd', long: { recursive: 'r', force: 'f', verbose: 'v', dir: 'd' } });
  if ('error' in parsed) return usageError(ctx, 'rm', parsed.error);
  const { flags, operands } = parsed;
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  if (operands.length === 0) {
    if (force) return 0;
    return usageError(ctx, 'rm', 'missing operand');
  }
  let status = 0;
  for (const operand of operands) {
    const last = baseName(operand);
    if (recursive && (last === '.' || last === '..')) {
      ctx.out.stderr(`rm: refusing to remove '.' or '..' directory: skipping '${operand}'\n`);
      status = 1;
      continue;
    }
    const path = resolve(ctx, operand);
    const stat = ctx.fs.lstat(path);
    if (isFsError(stat)) {
      if (!force) {
        ctx.out.stderr(`rm: cannot remove '${operand}': ${errnoText(stat)}\n`);
        status = 1;
      }
      continue;
    }
    if (stat.type === 'dir' && !recursive) {
      const empty = ctx.fs.readdir(path);
      if (!(flags.has('d') && Array.isArray(empty) && empty.length === 0)) {
        ctx.out.stderr(`rm: cannot remove '${operand}': Is a directory\n`);
        status = 1;
        continue;
      }
    }
    if (path === '/') {
      ctx.out.stderr(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
      status = 1;
      continue;
    }
    const removed = ctx.fs.remove(path, { recursive });
    if (removed) {
      ctx.out.stderr(`rm: cannot remove '${operand}': ${errnoText(removed)}\n`);
      status = 1;
    } else if (flags.has('v')) ctx.out.stdout(`removed ${stat.type === 'dir' ? 'directory ' : ''}'${operand}'\n`);
  }
  return status;
};

const touch: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'acm', withValue: 'dtr' });
  if ('error' in parsed) return usageError(ctx, 'touch', parsed.error);
  if (parsed.operands.length === 0) return usageError(ctx, 'touch', 'missing file operand');
  let status = 0;
  for (const operand of parsed.operands) {
    const path = resolve(ctx, operand);
    if (parsed.flags.has('c') && isFsError(ctx.fs.stat(path))) continue;
    const failed = ctx.fs.touch(path);
    if (failed) {
      ctx.out.stderr(`touch: cannot touch '${operand}': ${errnoText(failed)}\n`);
      status = 1;
    }
  }
  return status;
};

/** The destination of `cp`/`mv` for one source: inside `target` when it is a directory. */
function destinationFor(ctx: BuiltinContext, source: string, target: string, targetIsDir: boolean): { path: string; shown: string } {
  if (!targetIsDir) return { path: resolve(ctx, target), shown: target };
  const name = baseName(source);
  const shown = target.endsWith('/') ? `${target}${name}` : `${target}/${name}`;
  return { path: resolve(ctx, shown), shown };
}

function copyOrMove(ctx: BuiltinContext, argv: string[], command: 'cp' | 'mv'): number {
  const parsed = parseOptions(argv, {
    short: command === 'cp' ? 'rRaifnpvT' : 'fivnT',
    long: { recursive: 'r', force: 'f', verbose: 'v', 'no-clobber': 'n', archive: 'a' },
  });
  if ('error' in parsed) return usageError(ctx, command, parsed.error);
  const { flags, operands } = parsed;
  if (operands.length === 0) return usageError(ctx, command, 'missing file operand');
  if (operands.length === 1) return usageError(ctx, command, `missing destination file operand after '${operands[0]}'`);
  const recursive = flags.has('r') || flags.has('R') || flags.has('a');
  const target = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  const targetStat = ctx.fs.stat(resolve(ctx, target));
  const targetIsDir = !isFsError(targetStat) && targetStat.type === 'dir';
  if (sources.length > 1 && !targetIsDir) {
    ctx.out.stderr(`${command}: target '${target}': ${isFsError(targetStat) ? 'No such file or directory' : 'Not a directory'}\n`);
    return 1;
  }
  let status = 0;
  for (const source of sources) {
    const from = resolve(ctx, source);
    const stat = command === 'mv' ? ctx.fs.lstat(from) : ctx.fs.stat(from);
    if (isFsError(stat)) {
      ctx.out.stderr(`${command}: cannot stat '${source}': ${errnoText(stat)}\n`);
      status = 1;
      continue;
    }
    if (command === 'cp' && stat.type === 'dir' && !recursive) {
      ctx.out.stderr(`cp: -r not specified; omitting directory '${source}'\n`);
      status = 1;
      continue;
    }
    const destination = destinationFor(ctx, source, target, targetIsDir);
    if (destination.path === from) {
      ctx.out.stderr(`${command}: '${source}' and '${destination.shown}' are the same file\n`);
      status = 1;
      continue;
    }
    if (stat.type === 'dir' && (destination.path === from || destination.path.startsWith(`${from}/`))) {
      ctx.out.stderr(
        command === 'cp'
          ? `cp: cannot copy a directory, '${source}', into itself, '${destination.shown}'\n`
          : `mv: cannot move '${source}' to a subdirectory of itself, '${destination.shown}'\n`,
      );
      status = 1;
      continue;
    }
    const existing = ctx.fs.stat(destination.path);
    if (!isFsError(existing)) {
      if (flags.has('n')) continue;
      if (stat.type === 'dir' && existing.type !== 'dir') {
        ctx.out.stderr(`${command}: cannot overwrite non-directory '${destination.shown}' with directory '${source}'\n`);
        status = 1;
        continue;
      }
      if (stat.type !== 'dir' && existing.type === 'dir') {
        ctx.out.stderr(`${command}: cannot overwrite directory '${destination.shown}' with non-directory\n`);
        status = 1;
        continue;
      }
    }
    const failed = command === 'cp' ? ctx.fs.copy(from, destination.path, { recursive }) : ctx.fs.move(from, destination.path);
    if (failed) {
      const parent = ctx.fs.stat(parentPath(destination.path));
      const verb = command === 'cp' ? `cannot create regular file '${destination.shown}'` : `cannot move '${source}' to '${destination.shown}'`;
      ctx.out.stderr(`${command}: ${verb}: ${isFsError(parent) ? errnoText(parent) : errnoText(failed)}\n`);
      status = 1;
      continue;
    }
    if (flags.has('v')) ctx.out.stdout(`${command === 'mv' ? 'renamed ' : ''}'${source}' -> '${destination.shown}'\n`);
  }
  return status;
}

const cp: Builtin = (ctx, argv) => copyOrMove(ctx, argv, 'cp');
const mv: Builtin = (ctx, argv) => copyOrMove(ctx, argv, 'mv');

/** Applies a symbolic (`u+x`, `+x`, `go-w`, `a=r`) or octal mode to `mode`; undefined when invalid. */
export function applyMode(mode: number, spec: string, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8) & 0o7777;
  let result = mode;
  for (const clause of spec.split(',')) {
    const match = /^([ugoa]*)([-+=])([rwxX]*)$/.exec(clause);
    if (!match) return undefined;
    const [, who, op, perms] = match;
    let bits = 0;
    if (perms.includes('r')) bits |= 4;
    if (perms.includes('w')) bits |= 2;
    if (perms.includes('x') || (perms.includes('X') && (isDir || (mode & 0o111) !== 0))) bits |= 1;
    const targets = who === '' || who.includes('a') ? 'ugo' : who;
    let mask = 0;
    for (const target of targets) mask |= bits << (target === 'u' ? 6 : target === 'g' ? 3 : 0);
    // Without `u`, `g`, `o` or `a` the umask (022) applies, as chmod documents.
    if (who === '') mask &= ~0o022;
    if (op === '+') result |= mask;
    else if (op === '-') result &= ~mask;
    else {
      let clear = 0;
      for (const target of targets) clear |= 7 << (target === 'u' ? 6 : target === 'g' ? 3 : 0);
      result = (result & ~clear) | mask;
    }
  }
  return result;
}

const chmod: Builtin = (ctx, argv) => {
  const args = argv.slice(1).filter((arg) => arg !== '-R' && arg !== '-v' && arg !== '--');
  if (args.length === 0) return usageError(ctx, 'chmod', 'missing operand');
  if (args.length === 1) return usageError(ctx, 'chmod', `missing operand after ‘${args[0]}’`);
  const [spec, ...files] = args;
  if (applyMode(0o644, spec, false) === undefined) return usageError(ctx, 'chmod', `invalid mode: ‘${spec}’`);
  let status = 0;
  for (const file of files) {
    const path = resolve(ctx, file);
    const stat = ctx.fs.stat(path);
    if (isFsError(stat)) {
      ctx.out.stderr(`chmod: cannot access '${file}': ${errnoText(stat)}\n`);
      status = 1;
      continue;
    }
    ctx.fs.chmod(path, applyMode(stat.mode, spec, stat.type === 'dir') ?? stat.mode);
  }
  return status;
};

const ln: Builtin = (ctx, argv) => {
  const parsed = parseOptions(argv, { short: 'sfnv', long: { symbolic: 's', force: 'f' } });
  if ('error' in parsed) return usageError(ctx, 'ln', parsed.error);
  const { operands, flags } = parsed;
  if (operands.length === 0) return usageError(ctx, 'ln', 'missing file operand');
  const target = operands[0];
  const linkName = operands[1] ?? baseName(target);
  const linkStat = ctx.fs.stat(resolve(ctx, linkName));
  const linkPath = !isFsError(linkStat) && linkStat.type === 'dir' ? resolve(ctx, `${linkName}/${baseName(target)}`) : resolve(ctx, linkName);
  if (flags.has('f')) ctx.fs.remove(linkPath);
  if (!flags.has('s')) {
    const copied = ctx.fs.copy(resolve(ctx, target), linkPath);
    if (copied) {
      ctx.out.stderr(`ln: failed to access '${target}': ${errnoText(copied)}\n`);
      return 1;
    }
    return 0;
  }
  const failed = ctx.fs.symlink(target, linkPath);
  if (failed) {
    ctx.out.stderr(`ln: failed to create symbolic link '${linkName}': ${errnoText(failed)}\n`);
    return 1;
  }
  return 0;
};

export const FILE_UTILITIES: Record<string, Builtin> = { ls, cat, mkdir, rmdir, rm, touch, cp, mv, chmod, ln };
