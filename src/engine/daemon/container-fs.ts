// A container's file system: its image's files, its writable layer, and its mounts (named volumes, bind mounts), as one tree.

import { imageRootTree } from '../programs/base-files.ts';
import type { ContainerRecord, FsNode, FsTree, ImageRecord, MachineState } from '../state/machine-state.ts';
import { fsError, isFsError, normalizePath, TreeFileSystem, type FileSystem, type FsError, type FsStat } from '../shell/vfs.ts';

/**
 * Bumped whenever a tree is written through a container's view of it (a bind-mounted host folder, a volume),
 * so that other views of the same tree know their directory index is stale.
 */
const treeVersions = new WeakMap<object, number>();

function bump(tree: object): void {
  treeVersions.set(tree, (treeVersions.get(tree) ?? 0) + 1);
}

export function treeVersion(tree: object): number {
  return treeVersions.get(tree) ?? 0;
}

/**
 * A TreeFileSystem that starts afresh when its tree was changed behind its back (a container wrote into a
 * bind-mounted host folder), so `ls` on the host sees what the container wrote.
 */
export class LiveTreeFileSystem implements FileSystem {
  private readonly tree: () => FsTree;
  private readonly now: () => number;
  private inner: TreeFileSystem | undefined;
  private seenTree: FsTree | undefined;
  private seenVersion = -1;

  constructor(tree: () => FsTree, now: () => number) {
    this.tree = tree;
    this.now = now;
  }

  private current(): TreeFileSystem {
    const tree = this.tree();
    const version = treeVersion(tree);
    if (!this.inner || this.seenTree !== tree || this.seenVersion !== version) {
      this.inner = new TreeFileSystem(tree, this.now);
      this.seenTree = tree;
      this.seenVersion = version;
    }
    return this.inner;
  }

  stat(path: string) { return this.current().stat(path); }
  lstat(path: string) { return this.current().lstat(path); }
  readFile(path: string) { return this.current().readFile(path); }
  writeFile(path: string, content: string, mode?: number) { return this.current().writeFile(path, content, mode); }
  appendFile(path: string, content: string) { return this.current().appendFile(path, content); }
  mkdir(path: string, options?: { parents?: boolean }) { return this.current().mkdir(path, options); }
  readdir(path: string) { return this.current().readdir(path); }
  remove(path: string, options?: { recursive?: boolean }) { return this.current().remove(path, options); }
  copy(from: string, to: string, options?: { recursive?: boolean }) { return this.current().copy(from, to, options); }
  move(from: string, to: string) { return this.current().move(from, to); }
  symlink(target: string, path: string) { return this.current().symlink(target, path); }
  readlink(path: string) { return this.current().readlink(path); }
  touch(path: string) { return this.current().touch(path); }
  chmod(path: string, mode: number) { return this.current().chmod(path, mode); }
}

interface MountView {
  destination: string;
  /** The tree holding the mount's files: a volume's own tree, or the host's. */
  tree: FsTree;
  /** Where the mount's root is in `tree`: `/` for a volume, the source path for a bind mount. */
  root: string;
  readOnly: boolean;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || (prefix === '/' ? true : path.startsWith(`${prefix}/`));
}

function ensureDirs(tree: FsTree, path: string, mtime: number): void {
  const parts = normalizePath(path).split('/').filter(Boolean);
  if (!tree['/']) tree['/'] = { type: 'dir', mode: 0o755, mtime };
  let prefix = '';
  for (const part of parts) {
    prefix = `${prefix}/${part}`;
    if (!tree[prefix]) tree[prefix] = { type: 'dir', mode: 0o755, mtime };
  }
}

/** The container's mounts as views onto the trees that hold them, innermost destinations first. */
function mountViews(state: MachineState, container: ContainerRecord): MountView[] {
  const views: MountView[] = [];
  for (const mount of container.hostConfig.mounts) {
    const destination = normalizePath(mount.destination);
    if (mount.type === 'volume') {
      const volume = state.volumes.find((candidate) => candidate.name === mount.source);
      if (!volume) continue;
      if (!volume.files['/']) volume.files['/'] = { type: 'dir', mode: 0o755, mtime: volume.created };
      views.push({ destination, tree: volume.files, root: '/', readOnly: mount.readOnly });
    } else if (mount.type === 'bind') {
      const source = normalizePath(mount.source);
      // `-v` creates a missing host folder, as the daemon does.
      if (!state.host.fs[source]) {
        ensureDirs(state.host.fs, source, state.clock);
        bump(state.host.fs);
      }
      views.push({ destination, tree: state.host.fs, root: source, readOnly: mount.readOnly });
    }
  }
  return views.sort((a, b) => b.destination.length - a.destination.length);
}

/** The files Docker writes into every container: its host name, hosts file and resolver configuration. */
function containerFiles(state: MachineState, container: ContainerRecord): FsTree {
  const mtime = container.created;
  const file = (content: string): FsNode => ({ type: 'file', content, mode: 0o644, mtime });
  const addresses = Object.values(container.networks)
    .filter((network) => network.ip !== '')
    .map((network) => `${network.ip}\t${container.config.hostname}\n`)
    .join('');
  const userDefined = Object.keys(container.networks).some((name) => name !== 'bridge' && name !== 'host' && name !== 'none');
  const hosts = `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${addresses}`;
  const resolv = userDefined
    ? '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: \'/etc/resolv.conf\' (internal resolver)\n# ExtServers: [host(192.168.65.7)]\n# Overrides: []\n# Option ndots from: internal\n'
    : '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 192.168.65.7\n\n# Based on host file: \'/etc/resolv.conf\' (legacy)\n# Overrides: []\n';
  void state;
  return {
    '/.dockerenv': { type: 'file', content: '', mode: 0o755, mtime },
    '/etc/hostname': file(`${container.config.hostname}\n`),
    '/etc/hosts': file(hosts),
    '/etc/resolv.conf': file(resolv),
  };
}

/**
 * The merged tree a container sees, as a Proxy over plain trees: reads look in the mounts, then the writable
 * layer (where `null` hides a lower file), then Docker's per-container files, then the image; writes go to
 * the mount or the writable layer. TreeFileSystem runs on top of it unchanged.
 */
function mergedTree(upper: Record<string, FsNode | null>, lower: FsTree[], mounts: MountView[], mtime: number, changed: () => void): FsTree {
  const mountAt = (path: string): { view: MountView; key: string } | undefined => {
    for (const view of mounts) {
      if (!isUnder(path, view.destination)) continue;
      const rest = path.slice(view.destination === '/' ? 0 : view.destination.length);
      const key = view.root === '/' ? rest || '/' : `${view.root}${rest === '/' ? '' : rest}`;
      return { view, key };
    }
    return undefined;
  };
  const mountParents = new Set<string>();
  for (const view of mounts) {
    let parent = view.destination;
    while (parent !== '/') {
      parent = parent.slice(0, parent.lastIndexOf('/')) || '/';
      mountParents.add(parent);
    }
  }
  const lowerNode = (path: string): FsNode | undefined => {
    for (const tree of lower) {
      const node = tree[path];
      if (node) return node;
    }
    return undefined;
  };
  const read = (path: string): FsNode | undefined => {
    const mounted = mountAt(path);
    if (mounted) return mounted.view.tree[mounted.key];
    if (Object.hasOwn(upper, path)) {
      const node = upper[path];
      if (node) return node;
      return mountParents.has(path) ? { type: 'dir', mode: 0o755, mtime } : undefined;
    }
    return lowerNode(path) ?? (mountParents.has(path) ? { type: 'dir', mode: 0o755, mtime } : undefined);
  };
  const keys = (): string[] => {
    const names = new Set<string>();
    const outsideMounts = (path: string) => !mounts.some((view) => isUnder(path, view.destination));
    for (const tree of lower) for (const path of Object.keys(tree)) if (outsideMounts(path)) names.add(path);
    for (const [path, node] of Object.entries(upper)) {
      if (!outsideMounts(path)) continue;
      if (node) names.add(path);
      else names.delete(path);
    }
    for (const path of mountParents) names.add(path);
    for (const view of mounts) {
      for (const key of Object.keys(view.tree)) {
        if (!isUnder(key, view.root)) continue;
        const rest = view.root === '/' ? key : key.slice(view.root.length);
        const path = view.destination === '/' ? rest || '/' : `${view.destination}${rest === '/' ? '' : rest}`;
        // A path that a more deeply nested mount covers belongs to that mount.
        if (mountAt(path)?.view === view) names.add(path);
      }
    }
    return [...names];
  };
  return new Proxy({} as FsTree, {
    get: (_target, path) => (typeof path === 'string' ? read(path) : undefined),
    has: (_target, path) => typeof path === 'string' && read(path) !== undefined,
    set: (_target, path, node: FsNode) => {
      if (typeof path !== 'string') return false;
      const mounted = mountAt(path);
      if (mounted) {
        mounted.view.tree[mounted.key] = node;
        bump(mounted.view.tree);
      } else upper[path] = node;
      changed();
      return true;
    },
    deleteProperty: (_target, path) => {
      if (typeof path !== 'string') return true;
      const mounted = mountAt(path);
      if (mounted) {
        // A mount point itself stays: only what is in it goes.
        if (mounted.key !== mounted.view.root) {
          delete mounted.view.tree[mounted.key];
          bump(mounted.view.tree);
        }
      } else if (lowerNode(path)) upper[path] = null;
      else delete upper[path];
      changed();
      return true;
    },
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_target, path) => {
      if (typeof path !== 'string') return undefined;
      const node = read(path);
      return node ? { value: node, writable: true, enumerable: true, configurable: true } : undefined;
    },
  });
}

/** A FileSystem over the merged tree that refuses writes under read-only mounts, as the kernel does (EROFS). */
export class ContainerFileSystem implements FileSystem {
  /** The merged tree, for code that works on plain trees (the package managers); writes to it are seen here too. */
  readonly tree: FsTree;
  private readonly now: () => number;
  private current: TreeFileSystem;
  private stale = false;
  private readonly readOnly: string[];

  constructor(state: MachineState, container: ContainerRecord, image: ImageRecord | undefined) {
    const mounts = mountViews(state, container);
    const lower = [containerFiles(state, container), image ? imageRootTree(image) : { '/': { type: 'dir', mode: 0o755, mtime: container.created } as FsNode }];
    this.tree = mergedTree(container.upper, lower, mounts, container.created, () => (this.stale = true));
    this.now = () => state.clock;
    this.current = new TreeFileSystem(this.tree, this.now);
    this.readOnly = mounts.filter((view) => view.readOnly).map((view) => view.destination);
  }

  /** The tree view, made afresh after any write so its directory index never misses an entry. */
  private get inner(): TreeFileSystem {
    if (this.stale) {
      this.current = new TreeFileSystem(this.tree, this.now);
      this.stale = false;
    }
    return this.current;
  }

  private refuse(...paths: string[]): FsError | undefined {
    for (const path of paths) {
      const normal = normalizePath(path);
      if (this.readOnly.some((destination) => isUnder(normal, destination))) return fsError('EROFS', path);
    }
    return undefined;
  }

  stat(path: string): FsStat | FsError {
    return this.inner.stat(path);
  }

  lstat(path: string): FsStat | FsError {
    return this.inner.lstat(path);
  }

  readFile(path: string): string | FsError {
    return this.inner.readFile(path);
  }

  writeFile(path: string, content: string, mode?: number): FsError | undefined {
    return this.refuse(path) ?? this.inner.writeFile(path, content, mode);
  }

  appendFile(path: string, content: string): FsError | undefined {
    return this.refuse(path) ?? this.inner.appendFile(path, content);
  }

  mkdir(path: string, options?: { parents?: boolean }): FsError | undefined {
    if (options?.parents && !isFsError(this.inner.stat(path))) return undefined;
    return this.refuse(path) ?? this.inner.mkdir(path, options);
  }

  readdir(path: string): string[] | FsError {
    return this.inner.readdir(path);
  }

  remove(path: string, options?: { recursive?: boolean }): FsError | undefined {
    return this.refuse(path) ?? this.inner.remove(path, options);
  }

  copy(from: string, to: string, options?: { recursive?: boolean }): FsError | undefined {
    return this.refuse(to) ?? this.inner.copy(from, to, options);
  }

  move(from: string, to: string): FsError | undefined {
    return this.refuse(from, to) ?? this.inner.move(from, to);
  }

  symlink(target: string, path: string): FsError | undefined {
    return this.refuse(path) ?? this.inner.symlink(target, path);
  }

  readlink(path: string): string | FsError {
    return this.inner.readlink(path);
  }

  touch(path: string): FsError | undefined {
    return this.refuse(path) ?? this.inner.touch(path);
  }

  chmod(path: string, mode: number): FsError | undefined {
    return this.refuse(path) ?? this.inner.chmod(path, mode);
  }
}

export function imageOf(state: MachineState, container: ContainerRecord): ImageRecord | undefined {
  return state.images.find((image) => image.id === container.imageId);
}

/** The file system of a container as its processes see it now. Make a new one for each command. */
export function containerFileSystem(state: MachineState, container: ContainerRecord): ContainerFileSystem {
  return new ContainerFileSystem(state, container, imageOf(state, container));
}

/**
 * What the image holds at and below `path`, with paths relative to it (`/` is `path` itself): the files a
 * volume mounted there is filled with when it is empty (Docker's copy-up), for the scripted images too.
 */
export function imageFilesUnder(image: ImageRecord, path: string): FsTree {
  const base = imageRootTree(image);
  const prefix = normalizePath(path);
  const found: FsTree = {};
  for (const [entry, node] of Object.entries(base)) {
    if (entry === prefix) found['/'] = node;
    else if (entry.startsWith(prefix === '/' ? '/' : `${prefix}/`)) found[prefix === '/' ? entry : entry.slice(prefix.length)] = node;
  }
  return found;
}
