// Volumes in the simulated daemon: the local driver's store, references from containers, copy-up and prune.

import type { ContainerRecord, FsTree, ImageRecord, MachineState, MountRecord, VolumeRecord } from '../state/machine-state.ts';
import { randomId } from '../state/random.ts';
import { utf8Length } from '../shell/vfs.ts';
import { daemonError, type DaemonResult } from './errors.ts';
import { boolFilter, matchFilter, matchLabels, validateFilters, type FilterArgs } from './filters.ts';

/** Where the local driver keeps volumes; a volume's data is `<root>/<name>/_data`. */
export const VOLUME_ROOT = '/var/lib/docker/volumes';

/** The label the daemon puts on volumes it names itself (API 1.42+); `volume prune` removes only these by default. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** `api.RestrictedNameChars`, as the local driver quotes it in its error. */
const RESTRICTED_NAME_CHARS = '[a-zA-Z0-9][a-zA-Z0-9_.-]';
const VALID_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Options the local driver accepts (`volume/local`'s validOpts). */
const LOCAL_DRIVER_OPTIONS = ['type', 'device', 'o', 'size'];
/** Options that only make sense with others (`mandatoryOpts`): a mount needs both a type and a device. */
const MANDATORY_OPTIONS: [string, string[]][] = [
  ['device', ['type']],
  ['type', ['device']],
  ['o', ['device', 'type']],
];

export function volumeMountpoint(name: string): string {
  return `${VOLUME_ROOT}/${name}/_data`;
}

export function findVolume(state: MachineState, name: string): VolumeRecord | undefined {
  return state.volumes.find((volume) => volume.name === name);
}

/** `VolumeStore.Get`: volumes are found by exact name only. */
export function getVolume(state: MachineState, name: string): DaemonResult<{ volume: VolumeRecord }> {
  const volume = findVolume(state, name);
  return volume ? { ok: true, volume } : daemonError('notFound', `get ${name}: no such volume`);
}

export interface VolumeCreateOptions {
  /** Empty or absent: the daemon names it with a random id and labels it anonymous. */
  name?: string;
  driver?: string;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

/**
 * `VolumesService.Create`: an existing volume of the same driver is returned as it is (labels and
 * options of the request are ignored, as in the daemon); a new one is validated by the local driver.
 */
export function createVolume(state: MachineState, request: VolumeCreateOptions): DaemonResult<{ volume: VolumeRecord }> {
  const anonymous = request.name === undefined || request.name === '';
  const name = anonymous ? randomId(state) : request.name!;
  const labels = { ...(request.labels ?? {}) };
  if (anonymous) labels[ANONYMOUS_LABEL] = '';
  const driver = request.driver === undefined || request.driver === '' ? 'local' : request.driver;
  const existing = findVolume(state, name);
  if (existing) {
    if (existing.driver !== driver) {
      return daemonError('conflict', `create ${name}: volume name must be unique: driver '${existing.driver}' already has volume '${name}'`);
    }
    return { ok: true, volume: existing };
  }
  if (driver !== 'local') {
    return daemonError('notFound', `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
  }
  if (name.length === 1) {
    return daemonError('invalid', `create ${name}: volume name is too short, names should be at least two alphanumeric characters`);
  }
  if (!VALID_VOLUME_NAME.test(name)) {
    return daemonError(
      'invalid',
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "${RESTRICTED_NAME_CHARS}" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
  const options = request.options ?? {};
  for (const key of Object.keys(options)) {
    if (!LOCAL_DRIVER_OPTIONS.includes(key)) return daemonError('invalid', `create ${name}: invalid option: "${key}"`);
  }
  if (options.size !== undefined) {
    // /var/lib/docker on the simulated host is a plain file system without project quotas.
    return daemonError('invalid', `create ${name}: quota size requested but no quota support`);
  }
  for (const [option, required] of MANDATORY_OPTIONS) {
    if (options[option] === undefined) continue;
    const missing = required.find((key) => options[key] === undefined);
    if (missing) return daemonError('invalid', `create ${name}: missing required option: "${missing}"`);
  }
  const volume: VolumeRecord = {
    name,
    driver,
    created: state.clock,
    labels,
    anonymous,
    files: { '/': { type: 'dir', mode: 0o755, mtime: state.clock } },
  };
  if (Object.keys(options).length > 0) volume.options = { ...options };
  state.volumes.push(volume);
  return { ok: true, volume };
}

/** Containers that reference the volume: every container that mounts it, running or not, until it is removed. */
export function volumeUsers(state: MachineState, name: string): ContainerRecord[] {
  return state.containers.filter((container) =>
    container.hostConfig.mounts.some((mount) => mount.type === 'volume' && mount.source === name),
  );
}

/** `docker volume rm`: refused while a container references it; `force` only forgives a missing volume. */
export function removeVolume(state: MachineState, name: string, force: boolean): DaemonResult<{ removed: boolean }> {
  const volume = findVolume(state, name);
  if (!volume) return force ? { ok: true, removed: false } : daemonError('notFound', `get ${name}: no such volume`);
  const users = volumeUsers(state, name);
  if (users.length > 0) {
    return daemonError('conflict', `remove ${name}: volume is in use - [${users.map((user) => user.id).join(', ')}]`);
  }
  state.volumes = state.volumes.filter((candidate) => candidate !== volume);
  return { ok: true, removed: true };
}

/** Bytes the volume's files hold, as `directory.Size` counts them (regular files only). */
export function volumeSize(volume: VolumeRecord): number {
  let size = 0;
  for (const node of Object.values(volume.files)) if (node.type === 'file') size += utf8Length(node.content);
  return size;
}

export interface PruneReport {
  deleted: string[];
  reclaimed: number;
}

/**
 * `VolumesService.Prune`: unused volumes matching the filters (`label`, `label!`, `all`). Without
 * `all=true` only anonymous volumes (those with the anonymous label) are candidates, as in 28.x.
 */
export function pruneVolumes(state: MachineState, filters: FilterArgs): DaemonResult<PruneReport> {
  const invalid = validateFilters(filters, ['label', 'label!', 'all']);
  if (invalid) return daemonError('invalid', invalid);
  const all = filters.get('all');
  let everything = false;
  if (all && all.size > 1) return daemonError('invalid', `invalid filter 'all=[${[...all].join(' ')}]': only one value is expected`);
  if (all && all.size === 1) {
    const parsed = parseGoBool([...all][0]);
    if (parsed === undefined) {
      return daemonError('invalid', `invalid filter 'all': strconv.ParseBool: parsing ${JSON.stringify([...all][0])}: invalid syntax`);
    }
    everything = parsed;
  }
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const volume of [...state.volumes]) {
    if (!everything && !Object.hasOwn(volume.labels, ANONYMOUS_LABEL)) continue;
    if (!matchLabels(filters, 'label', volume.labels)) continue;
    if (filters.has('label!') && matchLabels(filters, 'label!', volume.labels)) continue;
    if (volumeUsers(state, volume.name).length > 0) continue;
    reclaimed += volumeSize(volume);
    deleted.push(volume.name);
    state.volumes = state.volumes.filter((candidate) => candidate !== volume);
  }
  return { ok: true, deleted, reclaimed };
}

/** Go's strconv.ParseBool. */
function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** `docker volume ls` filters: `driver`, `label`, `name` (a regular expression) and `dangling`. */
export function listVolumes(state: MachineState, filters: FilterArgs): DaemonResult<{ volumes: VolumeRecord[] }> {
  const invalid = validateFilters(filters, ['driver', 'label', 'name', 'dangling']);
  if (invalid) return daemonError('invalid', invalid);
  const dangling = boolFilter(filters, 'dangling');
  if (!dangling.ok) return daemonError('invalid', dangling.message);
  const drivers = filters.get('driver');
  const volumes = state.volumes.filter((volume) => {
    if (drivers && drivers.size > 0 && !drivers.has(volume.driver)) return false;
    if (filters.has('name') && !matchFilter(filters, 'name', volume.name)) return false;
    if (!matchLabels(filters, 'label', volume.labels)) return false;
    if (dangling.value !== undefined && (volumeUsers(state, volume.name).length === 0) !== dangling.value) return false;
    return true;
  });
  return { ok: true, volumes };
}

/** The image's files at and below `path`, with paths relative to it (`/` is `path` itself). */
export type ImagePathReader = (path: string) => FsTree;

/** What a built image's own files hold under `path`; images from the Hub add what their program provides. */
export function imageFilesAt(image: ImageRecord, path: string): FsTree {
  const prefix = path === '/' ? '' : path.replace(/\/+$/, '');
  const found: FsTree = {};
  for (const [entry, node] of Object.entries(image.files)) {
    if (entry === prefix || entry === path) found['/'] = node;
    else if (entry.startsWith(`${prefix}/`)) found[entry.slice(prefix.length)] = node;
  }
  return found;
}

/**
 * Create-time volume work for a new container, as the daemon does it: `-v /path` and image VOLUMEs not
 * covered by another mount get anonymous volumes; a named volume is created on first use; and an empty
 * volume is filled with what the image holds at the mount path (Docker's copy-up), unless `noCopy`.
 * Mount records are completed in place (anonymous volumes get their generated name).
 */
export function prepareContainerVolumes(
  state: MachineState,
  mounts: MountRecord[],
  image: ImageRecord,
  readImagePath: ImagePathReader = (path) => imageFilesAt(image, path),
): DaemonResult<{ mounts: MountRecord[] }> {
  for (const declared of image.config.volumes) {
    const destination = declared.replace(/\/+$/, '') || '/';
    if (mounts.some((mount) => mount.destination.replace(/\/+$/, '') === destination)) continue;
    mounts.push({ type: 'volume', source: '', destination, readOnly: false });
  }
  for (const mount of mounts) {
    if (mount.type !== 'volume') continue;
    const created = createVolume(state, { name: mount.source });
    if (!created.ok) return created;
    if (mount.source === '') {
      mount.source = created.volume.name;
      mount.anonymous = true;
    }
    if (!mount.noCopy) copyUp(created.volume, readImagePath(mount.destination), state.clock);
  }
  return { ok: true, mounts };
}

function copyUp(volume: VolumeRecord, content: FsTree, now: number): void {
  const isEmpty = Object.keys(volume.files).every((path) => path === '/');
  if (!isEmpty) return;
  for (const [path, node] of Object.entries(content)) {
    if (path === '/') {
      if (node.type === 'dir') volume.files['/'] = { ...node };
      continue;
    }
    volume.files[path] = structuredClone(node);
  }
  if (!volume.files['/']) volume.files['/'] = { type: 'dir', mode: 0o755, mtime: now };
}

/**
 * What removing a container does to its volumes (`removeMountPoints`): references go with the container;
 * with `removeAnonymous` (`rm -v`, `--rm`), the volumes the daemon made for it are removed too, unless
 * another container still uses them.
 */
export function releaseContainerVolumes(state: MachineState, container: ContainerRecord, removeAnonymous: boolean): void {
  if (!removeAnonymous) return;
  for (const mount of container.hostConfig.mounts) {
    if (mount.type !== 'volume' || !mount.anonymous) continue;
    const stillUsed = volumeUsers(state, mount.source).some((user) => user !== container);
    if (!stillUsed) state.volumes = state.volumes.filter((volume) => volume.name !== mount.source);
  }
}
