// Reaching a container over the simulated network: name lookups, published ports, and who answers a TCP connection.

import { programRuntime } from '../daemon/containers.ts';
import { resolveName } from '../daemon/networks.ts';
import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { programFor } from './index.ts';
import type { HttpRequest, HttpResponse } from './program.ts';

/** The learner's machine: where host curl runs, and what `localhost` means there. */
export const HOST = 'host';
export type Origin = typeof HOST | ContainerRecord;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', 'ip6-localhost', 'ip6-loopback']);

export function isIPv4(text: string): boolean {
  return /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text) && text.split('.').every((part) => Number(part) <= 255);
}

/** The address a container has on its first network, `''` when it has none (stopped, `--network none`). */
export function primaryAddress(container: ContainerRecord): string {
  return Object.values(container.networks).find((entry) => entry.ip !== '')?.ip ?? '';
}

/** A name as the origin's resolver answers it: an address, or null (`Could not resolve host`). */
export function resolveHost(state: MachineState, origin: Origin, name: string): string | null {
  const host = name.toLowerCase();
  if (host === 'localhost' || host === 'ip6-localhost' || host === 'ip6-loopback') return '127.0.0.1';
  if (isIPv4(host)) return host;
  if (origin === HOST) return host === state.host.hostname ? '127.0.1.1' : null;
  return resolveName(state, origin, host);
}

export type Connection =
  | { kind: 'open'; container: ContainerRecord; port: number; remoteAddress: string }
  /** Nothing listens: the kernel answers with a reset (`Connection refused`). */
  | { kind: 'refused' }
  /** docker-proxy accepted on the host, then the container refused it: the client sees a reset mid-read. */
  | { kind: 'reset' }
  /** Nobody answers at all (an address on a network the origin is not on). */
  | { kind: 'timeout' };

function listensOn(state: MachineState, container: ContainerRecord, port: number): boolean {
  if (container.status !== 'running') return false;
  const program = programFor(state, container);
  return program.listens?.(programRuntime(state, container)).includes(port) ?? false;
}

function gatewayOf(state: MachineState, networkName: string): string {
  return state.networks.find((network) => network.name === networkName)?.gateway || '172.17.0.1';
}

function boundPorts(container: ContainerRecord) {
  return container.ports ?? (container.status === 'running' ? container.hostConfig.portBindings : []);
}

/** What a TCP connection from `origin` to `address:port` reaches. */
export function connect(state: MachineState, origin: Origin, address: string, port: number): Connection {
  if (origin !== HOST && (LOOPBACK.has(address) || address.startsWith('127.'))) {
    return listensOn(state, origin, port) ? { kind: 'open', container: origin, port, remoteAddress: '127.0.0.1' } : { kind: 'refused' };
  }
  if (origin === HOST && (LOOPBACK.has(address) || address.startsWith('127.'))) {
    for (const container of state.containers) {
      if (container.status !== 'running') continue;
      const binding = boundPorts(container).find((candidate) => candidate.hostPort === port && candidate.protocol === 'tcp' && candidate.hostIp !== '::' && (candidate.hostIp === '' || candidate.hostIp === '0.0.0.0' || candidate.hostIp.startsWith('127.')));
      if (!binding) continue;
      const networkName = Object.keys(container.networks)[0] ?? 'bridge';
      if (!listensOn(state, container, binding.containerPort)) return { kind: 'reset' };
      return { kind: 'open', container, port: binding.containerPort, remoteAddress: gatewayOf(state, networkName) };
    }
    return { kind: 'refused' };
  }
  for (const container of state.containers) {
    for (const [networkName, entry] of Object.entries(container.networks)) {
      if (entry.ip !== address) continue;
      if (origin !== HOST) {
        const shared = origin.networks[networkName];
        if (!shared || shared.ip === '') return { kind: 'timeout' };
        if (!listensOn(state, container, port)) return { kind: 'refused' };
        return { kind: 'open', container, port, remoteAddress: shared.ip };
      }
      if (!listensOn(state, container, port)) return { kind: 'refused' };
      return { kind: 'open', container, port, remoteAddress: gatewayOf(state, networkName) };
    }
  }
  return { kind: 'timeout' };
}

/** Hands a request to the program listening behind an open connection; null when it does not speak HTTP. */
export function exchange(state: MachineState, connection: Extract<Connection, { kind: 'open' }>, request: Omit<HttpRequest, 'remoteAddress'>): HttpResponse | null {
  const program = programFor(state, connection.container);
  const runtime = programRuntime(state, connection.container);
  return program.http?.(runtime, connection.port, { ...request, remoteAddress: connection.remoteAddress }) ?? null;
}
