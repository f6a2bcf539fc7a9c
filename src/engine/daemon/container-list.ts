// The daemon's container list (`GET /containers/json`): newest first, its filters with their checks, limits and sizes.

import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { isRunning, lookupContainer, writableLayerSize } from './containers.ts';
import { resolveImage } from './images.ts';
import { exactMatch, matchFilter, matchLabels, validateFilters, type FilterArgs } from './filters.ts';
import { healthStatusOf } from './health.ts';
import { lookupNetwork } from './networks.ts';

/** moby's `acceptedPsFilterTags`. */
const ACCEPTED_FILTERS = ['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume'];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export interface ListOptions {
  all: boolean;
  /** `-n`: the last N created containers, in any state; -1 for no limit. */
  limit: number;
  filters: FilterArgs;
  /** `size=1`: work out the writable layer's size and the root file system's (the daemon does it only when asked). */
  size?: boolean;
}

export interface ListedContainer {
  container: ContainerRecord;
  /** What the list's Image field holds: the name it was created from, or the image id once that name moved on. */
  image: string;
  sizeRw: number;
  sizeRootFs: number;
}

function portKey(text: string): string {
  return text.includes('/') ? text : `${text}/tcp`;
}

/** The image field as moby fills it: the original reference while it still names the container's image. */
export function listedImage(state: MachineState, container: ContainerRecord): string {
  if (container.image === container.imageId) return container.imageId;
  const current = resolveImage(state, container.image);
  return current && current.id === container.imageId ? container.image : container.imageId;
}

export function listContainers(state: MachineState, options: ListOptions): { ok: true; containers: ListedContainer[] } | { ok: false; message: string } {
  const { filters } = options;
  const invalid = validateFilters(filters, ACCEPTED_FILTERS);
  if (invalid) return { ok: false, message: invalid };
  let all = options.all;
  const exitCodes: number[] = [];
  for (const value of filters.get('exited') ?? []) {
    if (!/^[+-]?\d+$/.test(value)) return { ok: false, message: `strconv.Atoi: parsing ${JSON.stringify(value)}: invalid syntax` };
    exitCodes.push(Number(value));
  }
  for (const value of filters.get('status') ?? []) {
    if (!STATES.includes(value)) return { ok: false, message: `invalid filter 'status=${value}'` };
    all = true;
  }
  for (const value of filters.get('health') ?? []) {
    if (!['starting', 'healthy', 'unhealthy', 'none'].includes(value)) return { ok: false, message: `Unrecognised filter value for health: ${value}` };
  }
  const isTask = filters.get('is-task');
  if (isTask) {
    const values = [...isTask];
    if (values.some((value) => !['true', 'false', '1', '0'].includes(value))) return { ok: false, message: `invalid filter 'is-task=${values.join(',')}'` };
  }
  const byTime = (name: 'before' | 'since'): { ok: true; at?: number } | { ok: false; message: string } => {
    const values = filters.get(name);
    if (!values || values.size === 0) return { ok: true };
    const found = lookupContainer(state, [...values][0]);
    if (!found.ok) return { ok: false, message: found.message };
    return { ok: true, at: found.container.seq };
  };
  const before = byTime('before');
  if (!before.ok) return before;
  const since = byTime('since');
  if (!since.ok) return since;

  const ancestors = new Set<string>();
  const ancestorFilter = filters.has('ancestor');
  for (const value of filters.get('ancestor') ?? []) {
    const image = resolveImage(state, value);
    if (image) ancestors.add(image.id);
  }
  const sorted = [...state.containers].sort((a, b) => b.created - a.created || b.seq - a.seq);
  const matched: ListedContainer[] = [];
  for (const container of sorted) {
    const includeAll = all || options.limit > 0;
    if (!includeAll && !isRunning(container)) continue;
    if (before.at !== undefined && container.seq >= before.at) continue;
    if (since.at !== undefined && container.seq <= since.at) continue;
    if (!matchFilter(filters, 'id', container.id)) continue;
    if (!matchFilter(filters, 'name', `/${container.name}`) && !matchFilter(filters, 'name', container.name)) continue;
    if (!exactMatch(filters, 'status', container.status)) continue;
    if (!matchLabels(filters, 'label', container.config.labels)) continue;
    if (exitCodes.length > 0 && !(container.status === 'exited' && container.startedAt !== 0 && exitCodes.includes(container.exitCode))) continue;
    if (ancestorFilter && !ancestors.has(container.imageId)) continue;
    if (filters.has('health') && !exactMatch(filters, 'health', healthStatusOf(container))) continue;
    if (isTask && [...isTask].every((value) => value === 'true' || value === '1')) continue;
    if (filters.has('network')) {
      const names = Object.keys(container.networks);
      const wanted = [...(filters.get('network') ?? [])];
      const hit = wanted.some((term) => {
        if (names.includes(term)) return true;
        const network = lookupNetwork(state, term);
        return network.ok && names.includes(network.network.name);
      });
      if (!hit) continue;
    }
    if (filters.has('volume')) {
      const wanted = [...(filters.get('volume') ?? [])];
      const hit = container.hostConfig.mounts.some((mount) => wanted.includes(mount.source) || wanted.includes(mount.destination));
      if (!hit) continue;
    }
    if (filters.has('publish')) {
      const wanted = [...(filters.get('publish') ?? [])].map(portKey);
      const published = container.hostConfig.portBindings.map((binding) => `${binding.containerPort}/${binding.protocol}`);
      if (!wanted.some((key) => published.includes(key))) continue;
    }
    if (filters.has('expose')) {
      const wanted = [...(filters.get('expose') ?? [])].map(portKey);
      if (!wanted.some((key) => container.config.exposedPorts.includes(key))) continue;
    }
    let sizeRw = 0;
    let sizeRootFs = 0;
    if (options.size) {
      sizeRw = writableLayerSize(container);
      sizeRootFs = sizeRw + (state.images.find((image) => image.id === container.imageId)?.size ?? 0);
    }
    matched.push({ container, image: listedImage(state, container), sizeRw, sizeRootFs });
  }
  return { ok: true, containers: options.limit > 0 ? matched.slice(0, options.limit) : matched };
}
