// `docker container diff` (`docker diff`): inspect changes to files or directories on a container's filesystem.

import type { CommandDef } from '../../cli/command.ts';
import { imageOf } from '../../daemon/container-fs.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { imageRootTree } from '../../programs/base-files.ts';
import type { ContainerRecord, FsTree, MachineState } from '../../state/machine-state.ts';
import { findContainer } from './each-container.ts';

type ChangeKind = 'C' | 'A' | 'D';

/** Files Docker bind-mounts into every container (and the init layer's marker): never part of the writable layer. */
const DOCKER_FILES = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/.dockerenv']);

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(root === '/' ? '/' : `${root}/`);
}

/**
 * The writable layer against the image, as the daemon's `changes` reports it: added and deleted paths, and
 * every directory (or file) of the image that holds or is a change marked changed. Mounted paths are not
 * part of the layer; paths come sorted.
 */
export function containerChanges(state: MachineState, container: ContainerRecord): { kind: ChangeKind; path: string }[] {
  const image = imageOf(state, container);
  const lower: FsTree = image ? imageRootTree(image) : {};
  const mounts = container.hostConfig.mounts.map((mount) => mount.destination);
  const changes = new Map<string, ChangeKind>();
  for (const [path, node] of Object.entries(container.upper)) {
    if (path === '/' || DOCKER_FILES.has(path) || mounts.some((destination) => isUnder(path, destination))) continue;
    const inImage = Object.hasOwn(lower, path);
    if (node === null) {
      if (inImage) changes.set(path, 'D');
    } else changes.set(path, inImage ? 'C' : 'A');
    for (let parent = parentOf(path); parent !== '/'; parent = parentOf(parent)) {
      if (!changes.has(parent)) changes.set(parent, Object.hasOwn(lower, parent) ? 'C' : 'A');
    }
  }
  return [...changes.entries()].map(([path, kind]) => ({ kind, path })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const diffCommand: CommandDef = {
  path: ['container', 'diff'],
  use: 'diff CONTAINER',
  aliases: ['docker container diff', 'docker diff'],
  short: "Inspect changes to files or directories on a container's filesystem",
  args: { min: 1, max: 1 },
  flags: [],
  supportedFlags: [],
  run(ctx, { args }) {
    reconcileContainers(ctx.state);
    // docker/cli's diff checks the name itself, in its own words, before asking the daemon.
    if (args[0] === '') {
      ctx.out.stderr('Container name cannot be empty\n');
      return 1;
    }
    const found = findContainer(ctx, args[0]);
    if (!found.ok) {
      ctx.out.stderr(`${found.text}\n`);
      return 1;
    }
    let text = '';
    for (const change of containerChanges(ctx.state, found.container)) text += `${change.kind} ${change.path}\n`;
    ctx.out.stdout(text);
    return 0;
  },
};
