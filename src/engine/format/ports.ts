// The PORTS column of `docker ps`: the daemon's port list for a container and docker/cli's DisplayablePorts.

import type { ContainerRecord } from '../state/machine-state.ts';

/** One entry of the API's `Ports` list: a published binding, or an exposed port (no IP, no public port). */
export interface ApiPort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

function running(container: ContainerRecord): boolean {
  return container.status === 'running' || container.status === 'paused';
}

/**
 * The ports the daemon lists for a container: while it runs, every exposed port, with one entry per host
 * binding where it is published. A stopped container has released them and lists none.
 */
export function apiPorts(container: ContainerRecord): ApiPort[] {
  if (!running(container)) return [];
  const ports: ApiPort[] = [];
  // Records made without a start through the daemon (fixtures, compose plans) fall back to what they ask for.
  const bound =
    container.ports ??
    container.hostConfig.portBindings.flatMap((binding) =>
      binding.hostIp === '' ? [{ ...binding, hostIp: '0.0.0.0' }, { ...binding, hostIp: '::' }] : [binding],
    );
  const keys = new Set<string>(container.config.exposedPorts);
  for (const binding of bound) keys.add(`${binding.containerPort}/${binding.protocol}`);
  for (const key of keys) {
    const [number, protocol = 'tcp'] = key.split('/');
    const privatePort = Number(number);
    const bindings = bound.filter((binding) => binding.containerPort === privatePort && binding.protocol === protocol);
    if (bindings.length === 0) ports.push({ PrivatePort: privatePort, Type: protocol });
    for (const binding of bindings) ports.push({ IP: binding.hostIp, PrivatePort: privatePort, PublicPort: binding.hostPort, Type: protocol });
  }
  return ports;
}

function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function comparePorts(a: ApiPort, b: ApiPort): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  const ipA = a.IP ?? '';
  const ipB = b.IP ?? '';
  if (ipA !== ipB) return ipA < ipB ? -1 : 1;
  if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0);
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}

function formGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const ip = slash >= 0 ? key.slice(0, slash) : '';
  const type = slash >= 0 ? key.slice(slash + 1) : key;
  let group = first === last ? String(first) : `${first}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}

/**
 * docker/cli's `DisplayablePorts`: ports sorted, runs of consecutive ports grouped (`8000-8002/tcp`), a port
 * published on the same number folded into its group, mappings to another number listed last.
 */
export function displayablePorts(ports: readonly ApiPort[]): string {
  const sorted = [...ports].sort(comparePorts);
  const groups = new Map<string, { first: number; last: number }>();
  const order: string[] = [];
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of sorted) {
    const current = port.PrivatePort;
    let key = port.Type;
    if (port.IP !== undefined && port.IP !== '') {
      if (port.PublicPort !== current) {
        hostMappings.push(`${joinHostPort(port.IP, String(port.PublicPort ?? 0))}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      order.push(key);
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(key, group.first, group.last));
    groups.set(key, { first: current, last: current });
  }
  for (const key of order) {
    const group = groups.get(key)!;
    result.push(formGroup(key, group.first, group.last));
  }
  return [...result, ...hostMappings].join(', ');
}

/** The PORTS column for a container, as `docker ps` shows it. */
export function displayPorts(container: ContainerRecord): string {
  return displayablePorts(apiPorts(container));
}
