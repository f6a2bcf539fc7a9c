// The file system a shell sees: an interface with errors as values, and its implementation over a flat FsTree.

import type { FsNode, FsTree } from '../state/machine-state.ts';

/** The errno names the shell turns into messages (`No such file or directory`…). */
export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'EROFS' | 'EINVAL' | 'ELOOP';

export interface FsError {
  readonly errno: FsErrorCode;
  /** The absolute path the error is about. */
  readonly path: string;
}

export interface FsStat {
  type: FsNode['type'];
  mode: number;
  mtime: number;
  /** Bytes: the content length for files, the target length for symlinks, 4096 for directories. */
  size: number;
}

export interface FileSystem {
  /** Follows symlinks. */
  stat(path: string): FsStat | FsError;
  /** Does not follow a final symlink. */
  lstat(path: string): FsStat | FsError;
  readFile(path: string): string | FsError;
  /** Creates or replaces a file; the parent directory must exist. */
  writeFile(path: string, content: string, mode?: number): FsError | undefined;
  appendFile(path: string, content: string): FsError | undefined;
  mkdir(path: string, options?: { parents?: boolean }): FsError | undefined;
  /** Entry names (no `.` or `..`), in code-point order. */
  readdir(path: string): string[] | FsError;
  remove(path: string, options?: { recursive?: boolean }): FsError | undefined;
  /** Copies a file, or a directory tree with `recursive`, to `to` (which must not be a directory). */
  copy(from: string, to: string, options?: { recursive?: boolean }): FsError | undefined;
  /** Renames `from` to `to` (which must not be a directory). */
  move(from: string, to: string): FsError | undefined;
  symlink(target: string, path: string): FsError | undefined;
  readlink(path: string): string | FsError;
  /** Sets the modification time, creating an empty file when `path` does not exist. */
  touch(path: string): FsError | undefined;
  chmod(path: string, mode: number): FsError | undefined;
}

export function isFsError(value: unknown): value is FsError {
  return typeof value === 'object' && value !== null && 'errno' in value && !Array.isArray(value);
}

export const ERRNO_TEXT: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
};

export function fsError(errno: FsErrorCode, path: string): FsError {
  return { errno, path };
}

/** Normalises an absolute path: collapses `//`, `.` and `..`; no trailing slash except for `/`. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The absolute path `path` names when typed in `cwd`; a leading `~` means `home`. */
export function resolvePath(cwd: string, path: string, home?: string): string {
  if (home !== undefined && (path === '~' || path.startsWith('~/'))) path = home + path.slice(1);
  if (path.startsWith('/')) return normalizePath(path);
  return normalizePath(`${cwd}/${path}`);
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function baseName(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1) || '/';
}

const DEFAULT_FILE_MODE = 0o644;
const DEFAULT_DIR_MODE = 0o755;
const MAX_SYMLINK_HOPS = 40;

/**
 * A FileSystem over a flat FsTree. It keeps a directory → children index, built on first use,
 * so listing a directory never scans the whole tree; change the tree only through this object
 * while it is in use (or make a new one).
 */
export class TreeFileSystem implements FileSystem {
  readonly tree: FsTree;
  private readonly now: () => number;
  private children: Map<string, Set<string>> | undefined;

  constructor(tree: FsTree, now: () => number) {
    this.tree = tree;
    this.now = now;
    if (!tree['/']) tree['/'] = { type: 'dir', mode: DEFAULT_DIR_MODE, mtime: now() };
  }

  private index(): Map<string, Set<string>> {
    if (this.children) return this.children;
    const children = new Map<string, Set<string>>();
    for (const path of Object.keys(this.tree)) {
      if (path === '/') continue;
      const parent = parentPath(path);
      let names = children.get(parent);
      if (!names) children.set(parent, (names = new Set()));
      names.add(path.slice(parent === '/' ? 1 : parent.length + 1));
    }
    this.children = children;
    return children;
  }

  private put(path: string, node: FsNode): void {
    const isNew = !(path in this.tree);
    this.tree[path] = node;
    if (isNew && this.children && path !== '/') {
      const parent = parentPath(path);
      let names = this.children.get(parent);
      if (!names) this.children.set(parent, (names = new Set()));
      names.add(baseName(path));
    }
  }

  private drop(path: string): void {
    delete this.tree[path];
    if (this.children) {
      this.children.get(parentPath(path))?.delete(baseName(path));
      this.children.delete(path);
    }
  }

  /** Follows symlinks in every component (and the last one when `followLast`). */
  private lookup(path: string, followLast: boolean): { path: string; node: FsNode } | FsError {
    let current = normalizePath(path);
    for (let hops = 0; hops <= MAX_SYMLINK_HOPS; hops++) {
      const redirected = this.resolveParents(current);
      if (isFsError(redirected)) return redirected;
      current = redirected;
      const node = this.tree[current];
      if (!node) return fsError('ENOENT', path);
      if (node.type !== 'symlink' || !followLast) return { path: current, node };
      current = node.target.startsWith('/') ? normalizePath(node.target) : normalizePath(`${parentPath(current)}/${node.target}`);
    }
    return fsError('ELOOP', path);
  }

  /** Rewrites `path` so that no directory component before the last is a symlink. */
  private resolveParents(path: string): string | FsError {
    if (path === '/') return path;
    const parts = path.slice(1).split('/');
    let prefix = '';
    for (let i = 0; i < parts.length - 1; i++) {
      prefix = `${prefix}/${parts[i]}`;
      const node = this.tree[prefix];
      if (!node) return fsError('ENOENT', path);
      if (node.type === 'symlink') {
        const target = this.lookup(prefix, true);
        if (isFsError(target)) return fsError(target.errno, path);
        if (target.node.type !== 'dir') return fsError('ENOTDIR', path);
        return this.resolveParents(normalizePath(`${target.path}/${parts.slice(i + 1).join('/')}`));
      }
      if (node.type !== 'dir') return fsError('ENOTDIR', path);
    }
    return path;
  }

  private statOf(node: FsNode): FsStat {
    const size = node.type === 'file' ? utf8Length(node.content) : node.type === 'symlink' ? node.target.length : 4096;
    return { type: node.type, mode: node.mode, mtime: node.mtime, size };
  }

  stat(path: string): FsStat | FsError {
    const found = this.lookup(path, true);
    return isFsError(found) ? found : this.statOf(found.node);
  }

  lstat(path: string): FsStat | FsError {
    const found = this.lookup(path, false);
    return isFsError(found) ? found : this.statOf(found.node);
  }

  readFile(path: string): string | FsError {
    const found = this.lookup(path, true);
    if (isFsError(found)) return found;
    if (found.node.type === 'dir') return fsError('EISDIR', path);
    return found.node.type === 'file' ? found.node.content : '';
  }

  /** Where a new entry named by `path` goes: the real path, after the parent's symlinks. */
  private placeFor(path: string): string | FsError {
    const normal = normalizePath(path);
    const existing = this.lookup(normal, true);
    if (!isFsError(existing)) return existing.path;
    const resolved = this.resolveParents(normal);
    if (isFsError(resolved)) return fsError(resolved.errno, path);
    const parent = this.tree[parentPath(resolved)];
    if (!parent) return fsError('ENOENT', path);
    if (parent.type !== 'dir') return fsError('ENOTDIR', path);
    return resolved;
  }

  writeFile(path: string, content: string, mode?: number): FsError | undefined {
    const place = this.placeFor(path);
    if (isFsError(place)) return place;
    const node = this.tree[place];
    if (node?.type === 'dir') return fsError('EISDIR', path);
    const keptMode = node?.type === 'file' ? node.mode : DEFAULT_FILE_MODE;
    this.put(place, { type: 'file', content, mode: mode ?? keptMode, mtime: this.now() });
    return undefined;
  }

  appendFile(path: string, content: string): FsError | undefined {
    const place = this.placeFor(path);
    if (isFsError(place)) return place;
    const node = this.tree[place];
    if (node?.type === 'dir') return fsError('EISDIR', path);
    if (node?.type === 'file') {
      this.put(place, { ...node, content: node.content + content, mtime: this.now() });
      return undefined;
    }
    return this.writeFile(place, content);
  }

  mkdir(path: string, options: { parents?: boolean } = {}): FsError | undefined {
    const normal = normalizePath(path);
    if (options.parents) {
      const parts = normal.split('/').filter(Boolean);
      let prefix = '';
      for (const part of parts) {
        prefix = `${prefix}/${part}`;
        const found = this.lookup(prefix, true);
        if (!isFsError(found)) {
          if (found.node.type !== 'dir') return fsError('ENOTDIR', path);
          prefix = found.path;
          continue;
        }
        if (found.errno !== 'ENOENT') return fsError(found.errno, path);
        this.put(prefix, { type: 'dir', mode: DEFAULT_DIR_MODE, mtime: this.now() });
      }
      return undefined;
    }
    const existing = this.lookup(normal, false);
    if (!isFsError(existing)) return fsError('EEXIST', path);
    const place = this.placeFor(normal);
    if (isFsError(place)) return place;
    this.put(place, { type: 'dir', mode: DEFAULT_DIR_MODE, mtime: this.now() });
    return undefined;
  }

  readdir(path: string): string[] | FsError {
    const found = this.lookup(path, true);
    if (isFsError(found)) return found;
    if (found.node.type !== 'dir') return fsError('ENOTDIR', path);
    const names = this.index().get(found.path);
    return names ? [...names].sort() : [];
  }

  remove(path: string, options: { recursive?: boolean } = {}): FsError | undefined {
    const found = this.lookup(path, false);
    if (isFsError(found)) return found;
    if (found.path === '/') return fsError('EACCES', path);
    if (found.node.type === 'dir') {
      const names = this.index().get(found.path);
      if (names && names.size > 0) {
        if (!options.recursive) return fsError('ENOTEMPTY', path);
        for (const name of [...names]) this.remove(`${found.path}/${name}`, options);
      }
    }
    this.drop(found.path);
    return undefined;
  }

  copy(from: string, to: string, options: { recursive?: boolean } = {}): FsError | undefined {
    const source = this.lookup(from, true);
    if (isFsError(source)) return source;
    if (source.node.type === 'dir') {
      if (!options.recursive) return fsError('EISDIR', from);
      const target = normalizePath(to);
      if (target === source.path || target.startsWith(`${source.path}/`)) return fsError('EINVAL', to);
      const existing = this.lookup(target, true);
      if (isFsError(existing)) {
        const made = this.mkdir(target);
        if (made) return made;
      } else if (existing.node.type !== 'dir') return fsError('ENOTDIR', to);
      for (const name of this.index().get(source.path) ?? []) {
        const failed = this.copy(`${source.path}/${name}`, `${target}/${name}`, options);
        if (failed) return failed;
      }
      return undefined;
    }
    const content = source.node.type === 'file' ? source.node.content : '';
    const existing = this.lookup(to, true);
    if (!isFsError(existing) && existing.node.type === 'dir') return fsError('EISDIR', to);
    return this.writeFile(to, content, source.node.mode);
  }

  move(from: string, to: string): FsError | undefined {
    const source = this.lookup(from, false);
    if (isFsError(source)) return source;
    const place = this.placeFor(to);
    if (isFsError(place)) return place;
    if (place === source.path) return undefined;
    if (place.startsWith(`${source.path}/`)) return fsError('EINVAL', to);
    const existing = this.tree[place];
    if (existing?.type === 'dir') {
      if (source.node.type !== 'dir') return fsError('EISDIR', to);
      if ((this.index().get(place)?.size ?? 0) > 0) return fsError('ENOTEMPTY', to);
    } else if (existing && source.node.type === 'dir') return fsError('ENOTDIR', to);
    if (existing) this.drop(place);
    const moved: Array<[string, FsNode]> = [];
    this.collect(source.path, moved);
    for (const [path] of moved.slice().reverse()) this.drop(path);
    for (const [path, node] of moved) this.put(place + path.slice(source.path.length), node);
    return undefined;
  }

  /** `path` and everything under it, parents first. */
  private collect(path: string, into: Array<[string, FsNode]>): void {
    const node = this.tree[path];
    if (!node) return;
    into.push([path, node]);
    if (node.type !== 'dir') return;
    for (const name of this.index().get(path) ?? []) this.collect(`${path === '/' ? '' : path}/${name}`, into);
  }

  symlink(target: string, path: string): FsError | undefined {
    if (!isFsError(this.lookup(path, false))) return fsError('EEXIST', path);
    const place = this.placeFor(path);
    if (isFsError(place)) return place;
    this.put(place, { type: 'symlink', target, mode: 0o777, mtime: this.now() });
    return undefined;
  }

  readlink(path: string): string | FsError {
    const found = this.lookup(path, false);
    if (isFsError(found)) return found;
    return found.node.type === 'symlink' ? found.node.target : fsError('EINVAL', path);
  }

  touch(path: string): FsError | undefined {
    const found = this.lookup(path, true);
    if (isFsError(found)) return found.errno === 'ENOENT' ? this.writeFile(path, '') : found;
    this.put(found.path, { ...found.node, mtime: this.now() });
    return undefined;
  }

  chmod(path: string, mode: number): FsError | undefined {
    const found = this.lookup(path, true);
    if (isFsError(found)) return found;
    this.put(found.path, { ...found.node, mode });
    return undefined;
  }
}

/** Byte length of `text` in UTF-8, as `ls -l` and `wc -c` count it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
