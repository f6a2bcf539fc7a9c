// `docker container cp` (`docker cp`): copy files/folders between a container and the local filesystem.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { containerFileSystem } from '../../daemon/container-fs.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { humanSizeWithPrecision } from '../../format/units.ts';
import { isFsError, normalizePath, type FileSystem } from '../../shell/vfs.ts';
import { findContainer } from './each-container.ts';

/** docker/cli's `splitCpArg`: `NAME:PATH` names a container path unless the text is a path itself (`/x`, `./a:b`). */
function splitCpArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { container: '', path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function join(dir: string, name: string): string {
  return normalizePath(`${dir}/${name}`);
}

/** Copies `from` (a file or a tree) to `to` across file systems; returns the bytes of the tar stream it makes. */
function copyTree(source: FileSystem, from: string, target: FileSystem, to: string): { bytes: number } | { error: string } {
  const stat = source.lstat(from);
  if (isFsError(stat)) return { error: `no such file or directory` };
  if (stat.type === 'dir') {
    const made = target.mkdir(to, { parents: true });
    if (made && made.errno !== 'EEXIST') return { error: made.errno === 'ENOTDIR' ? 'not a directory' : 'cannot copy directory' };
    let bytes = 512;
    const names = source.readdir(from);
    if (isFsError(names)) return { error: 'no such file or directory' };
    for (const name of names) {
      const copied = copyTree(source, join(from, name), target, join(to, name));
      if ('error' in copied) return copied;
      bytes += copied.bytes;
    }
    return { bytes };
  }
  if (stat.type === 'symlink') {
    const link = source.readlink(from);
    if (isFsError(link)) return { error: 'no such file or directory' };
    target.remove(to);
    target.symlink(link, to);
    return { bytes: 512 };
  }
  const content = source.readFile(from);
  if (isFsError(content)) return { error: 'no such file or directory' };
  const written = target.writeFile(to, content, stat.mode);
  if (written) return { error: written.errno === 'EISDIR' ? 'cannot copy directory' : written.errno === 'EROFS' ? 'read-only file system' : 'no such directory' };
  return { bytes: 512 + Math.ceil(stat.size / 512) * 512 };
}

/**
 * Where a copy lands, by docker cp's rules: into an existing directory under the source's name (or its
 * contents, for `SRC/.`), otherwise at the destination path itself.
 */
function landing(source: FileSystem, from: string, target: FileSystem, to: string, rawTo: string): { path: string } | { error: string } {
  const sourceStat = source.stat(from);
  const destStat = target.stat(to);
  const sourceIsDir = !isFsError(sourceStat) && sourceStat.type === 'dir';
  if (!isFsError(destStat) && destStat.type === 'dir') {
    if (sourceIsDir && /\/\.$/.test(from)) return { path: to };
    return { path: join(to, baseName(from)) };
  }
  if (!isFsError(destStat) && sourceIsDir) return { error: 'cannot copy directory' };
  if (isFsError(destStat) && rawTo.endsWith('/') && !sourceIsDir) return { error: 'no such directory' };
  return { path: to };
}

export const cpCommand: CommandDef = {
  path: ['container', 'cp'],
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n	docker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  aliases: ['docker container cp', 'docker cp'],
  short: 'Copy files/folders between a container and the local filesystem',
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  args: { min: 2, max: 2 },
  flags: [
    { name: 'archive', shorthand: 'a', kind: 'bool', type: '', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', shorthand: 'L', kind: 'bool', type: '', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
  ],
  supportedFlags: ['archive', 'follow-link', 'quiet'],
  run(ctx, { flags, args, given, commandPath }) {
    reconcileContainers(ctx.state);
    const [sourceArg, destArg] = args;
    if (sourceArg === '') return fail(ctx, 'source can not be empty');
    if (destArg === '') return fail(ctx, 'destination can not be empty');
    const source = splitCpArg(sourceArg);
    const dest = splitCpArg(destArg);
    if (source.container !== '' && dest.container !== '') return fail(ctx, 'copying between containers is not supported');
    if (source.container === '' && dest.container === '') return fail(ctx, 'must specify at least one container source');
    if (source.path === '-' || dest.path === '-') {
      ctx.out.stderr(`docker: the simulator does not support tar archives on standard input or output for '${commandPath}' yet; real Docker does.\n`);
      return 1;
    }
    const quiet = given.has('quiet') ? flags.quiet === true : !ctx.tty;
    const reference = source.container || dest.container;
    const found = findContainer(ctx, reference);
    if (!found.ok) return fail(ctx, found.text);
    const host = ctx.fs;
    if (!host) return fail(ctx, 'no local file system');
    const local = (path: string) => normalizePath(path.startsWith('/') ? path : `${ctx.cwd}/${path}`);
    const inside = (path: string) => normalizePath(path.startsWith('/') ? path : `/${path}`);
    const containerFs = containerFileSystem(ctx.state, found.container);
    let bytes = 0;
    let shownDest: string;
    if (source.container !== '') {
      const from = inside(source.path) + (/\/\.$/.test(source.path) ? '/.' : '');
      if (isFsError(containerFs.lstat(inside(source.path)))) return fail(ctx, `Error response from daemon: Could not find the file ${source.path} in container ${reference}`);
      const to = local(dest.path);
      const where = landing(containerFs, from, host, to, dest.path);
      if ('error' in where) return fail(ctx, where.error);
      const copied = copyTree(containerFs, inside(source.path), host, where.path);
      if ('error' in copied) return fail(ctx, copied.error);
      bytes = copied.bytes + 1024;
      shownDest = to + (dest.path.endsWith('/') && to !== '/' ? '/' : '');
    } else {
      const from = local(source.path);
      if (isFsError(host.lstat(from))) return fail(ctx, `lstat ${from}: no such file or directory`);
      const to = inside(dest.path);
      const where = landing(host, from + (/\/\.$/.test(source.path) ? '/.' : ''), containerFs, to, dest.path);
      if ('error' in where) return fail(ctx, `Error response from daemon: ${where.error}`);
      const copied = copyTree(host, from, containerFs, where.path);
      if ('error' in copied) return fail(ctx, `Error response from daemon: ${copied.error}`);
      bytes = copied.bytes + 1024;
      shownDest = `${reference}:${dest.path}`;
    }
    if (!quiet) {
      // On a terminal the progress line is drawn, then replaced by the summary.
      const header = source.container !== '' ? 'Copying from container - ' : 'Copying to container - ';
      ctx.out.stderr(`\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2K${header}0B\x1b[?25h\x1b[u\x1b[2K`);
      ctx.out.stderr(`Successfully copied ${humanSizeWithPrecision(bytes, 3)} to ${shownDest}\n`);
    }
    return 0;
  },
};

function fail(ctx: CommandContext, message: string): number {
  ctx.out.stderr(`${message}\n`);
  return 1;
}
