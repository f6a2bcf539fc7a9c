// Networks in the simulated daemon: libnetwork's lookup, IPAM pools, endpoints of running containers and DNS.

import type { ContainerRecord, MachineState, NetworkRecord } from '../state/machine-state.ts';
import { nextUint32, randomId } from '../state/random.ts';
import { daemonError, type DaemonResult } from './errors.ts';
import { exactMatch, matchFilter, matchLabels, validateFilters, type FilterArgs } from './filters.ts';

/** The networks every daemon has; `bridge` is the default for `docker run`. */
export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none'];

/** runconfig's conflict errors, word for word. */
const CONFLICT_HOST_NETWORK = 'container cannot be disconnected from host network or connected to host network';
const CONFLICT_SHARED_NETWORK = 'container sharing network namespace with another container or host cannot be connected to any other network';
const CONFLICT_NO_NETWORK = 'container cannot be connected to multiple networks with one of the networks in private (none) mode';

/** The default bridge's driver options, as `docker network inspect bridge` lists them. */
export const DEFAULT_BRIDGE_OPTIONS: Record<string, string> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/** `daemon.FindNetwork`: full id, then exact name, then a unique id prefix. */
export function lookupNetwork(state: MachineState, term: string): DaemonResult<{ network: NetworkRecord }> {
  const byId = state.networks.find((network) => network.id === term);
  if (byId) return { ok: true, network: byId };
  const byName = state.networks.filter((network) => network.name === term);
  if (byName.length === 1) return { ok: true, network: byName[0] };
  const byPrefix = term === '' ? [] : state.networks.filter((network) => network.id.startsWith(term));
  if (byPrefix.length === 1) return { ok: true, network: byPrefix[0] };
  if (byPrefix.length > 1) {
    return daemonError('invalid', `network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
  }
  return daemonError('notFound', `network ${term} not found`);
}

/** A user-defined network: one the learner made, where containers find each other by name. */
export function isUserDefined(network: NetworkRecord): boolean {
  return !PREDEFINED_NETWORKS.includes(network.name);
}

// --- IPv4 arithmetic on dotted quads ----------------------------------------------------------------

export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255 || (part.length > 1 && part.startsWith('0'))) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

interface Cidr {
  base: number;
  bits: number;
}

function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const base = parseIPv4(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (base === null || !/^\d{1,2}$/.test(bitsText) || Number(bitsText) > 32) return null;
  return { base, bits: Number(bitsText) };
}

function blockSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.bits);
}

function masked(cidr: Cidr): number {
  return cidr.base - (cidr.base % blockSize(cidr));
}

function overlaps(a: Cidr, b: Cidr): boolean {
  const aStart = masked(a);
  const bStart = masked(b);
  return aStart < bStart + blockSize(b) && bStart < aStart + blockSize(a);
}

function contains(cidr: Cidr, address: number): boolean {
  return address >= masked(cidr) && address < masked(cidr) + blockSize(cidr);
}

/** The daemon's default address pools: 172.17–31.0.0/16, then 192.168.0.0/16 cut into /20s. */
function* defaultPools(): Generator<Cidr> {
  for (let second = 17; second <= 31; second++) yield { base: ((172 << 24) | (second << 16)) >>> 0, bits: 16 };
  for (let third = 0; third < 256; third += 16) yield { base: ((192 << 24) | (168 << 16) | (third << 8)) >>> 0, bits: 20 };
}

function networkCidr(network: NetworkRecord): Cidr | null {
  return network.subnet === '' ? null : parseCidr(network.subnet);
}

// --- create, remove, prune -------------------------------------------------------------------------

export interface NetworkCreateRequest {
  name: string;
  driver?: string;
  subnets?: string[];
  gateways?: string[];
  internal?: boolean;
  attachable?: boolean;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

export function createNetwork(state: MachineState, request: NetworkCreateRequest): DaemonResult<{ network: NetworkRecord }> {
  const { name } = request;
  if (PREDEFINED_NETWORKS.includes(name)) return daemonError('forbidden', `operation is not permitted on predefined ${name} network `);
  const driver = request.driver === undefined || request.driver === '' ? 'bridge' : request.driver;
  if (driver === 'overlay') {
    return daemonError(
      'forbidden',
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
  }
  if (driver === 'host' || driver === 'null') return daemonError('forbidden', `only one instance of "${driver}" network is allowed`);
  if (driver !== 'bridge') return daemonError('notFound', `could not find plugin ${driver} in v1 plugin registry: plugin not found`);
  if (state.networks.some((network) => network.name === name)) return daemonError('conflict', `network with name ${name} already exists`);

  const subnets = request.subnets ?? [];
  const problems: string[] = [];
  const cidrs: Cidr[] = [];
  for (const subnet of subnets) {
    const cidr = parseCidr(subnet);
    if (!cidr) {
      problems.push(`invalid subnet ${subnet}: invalid CIDR block notation`);
      continue;
    }
    if (cidr.base !== masked(cidr)) problems.push(`invalid subnet ${subnet}: it should be ${formatIPv4(masked(cidr))}/${cidr.bits}`);
    cidrs.push(cidr);
  }
  const gateway = request.gateways?.[0];
  if (gateway !== undefined && cidrs.length > 0) {
    const address = parseIPv4(gateway);
    if (address === null) problems.push(`invalid gateway ${gateway}: invalid address`);
    else if (!contains(cidrs[0], address)) problems.push(`invalid gateway ${gateway}: it is not in subnet ${subnets[0]}`);
  }
  if (problems.length > 0) return daemonError('invalid', `invalid network config:\n${problems.join('\n')}`);

  let pool: Cidr | undefined;
  if (cidrs.length > 0) {
    pool = cidrs[0];
    const taken = state.networks.map(networkCidr).filter((cidr): cidr is Cidr => cidr !== null);
    if (taken.some((cidr) => overlaps(cidr, pool!))) {
      return daemonError('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
    }
  } else {
    const taken = state.networks.map(networkCidr).filter((cidr): cidr is Cidr => cidr !== null);
    for (const candidate of defaultPools()) {
      if (!taken.some((cidr) => overlaps(cidr, candidate))) {
        pool = candidate;
        break;
      }
    }
    if (!pool) return daemonError('forbidden', 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
  }
  const network: NetworkRecord = {
    id: randomId(state),
    name,
    driver: 'bridge',
    scope: 'local',
    created: state.clock,
    subnet: `${formatIPv4(masked(pool))}/${pool.bits}`,
    gateway: gateway ?? formatIPv4(masked(pool) + 1),
    internal: request.internal ?? false,
    labels: { ...(request.labels ?? {}) },
    builtin: false,
    options: { ...(request.options ?? {}) },
    attachable: request.attachable ?? false,
    userSubnet: cidrs.length > 0,
    userGateway: gateway !== undefined,
  };
  state.networks.push(network);
  return { ok: true, network };
}

/** Running containers with an endpoint on the network, in the order they joined. */
export function networkEndpoints(state: MachineState, network: NetworkRecord): ContainerRecord[] {
  return state.containers.filter((container) => container.networks[network.name]?.endpointId !== undefined);
}

export function removeNetwork(state: MachineState, term: string): DaemonResult<{ network: NetworkRecord }> {
  const found = lookupNetwork(state, term);
  if (!found.ok) return found;
  const { network } = found;
  if (network.builtin) return daemonError('forbidden', `${network.name} is a pre-defined network and cannot be removed`);
  const endpoints = networkEndpoints(state, network);
  if (endpoints.length > 0) {
    const described = endpoints.map((container) => `name:"${container.name}" id:"${container.networks[network.name].endpointId!.slice(0, 12)}"`);
    return daemonError('forbidden', `error while removing network: network ${network.name} has active endpoints (${described.join(', ')})`);
  }
  state.networks = state.networks.filter((candidate) => candidate !== network);
  return { ok: true, network };
}

/** Removes user-defined networks without endpoints that match the filters (`label`, `label!`, `until`). */
export function pruneNetworks(state: MachineState, filters: FilterArgs, until?: number): DaemonResult<{ deleted: string[] }> {
  const invalid = validateFilters(filters, ['label', 'label!', 'until']);
  if (invalid) return daemonError('invalid', invalid);
  const deleted: string[] = [];
  for (const network of [...state.networks]) {
    if (network.builtin) continue;
    if (until !== undefined && network.created > until) continue;
    if (!matchLabels(filters, 'label', network.labels)) continue;
    if (filters.has('label!') && matchLabels(filters, 'label!', network.labels)) continue;
    if (networkEndpoints(state, network).length > 0) continue;
    state.networks = state.networks.filter((candidate) => candidate !== network);
    deleted.push(network.name);
  }
  return { ok: true, deleted };
}

// --- container attachment ---------------------------------------------------------------------------

function randomMac(state: MachineState): string {
  const bytes: number[] = [];
  while (bytes.length < 6) {
    const word = nextUint32(state);
    bytes.push(word & 255, (word >>> 8) & 255, (word >>> 16) & 255);
  }
  // A locally administered unicast address, as libnetwork's GenerateRandomMAC makes.
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes
    .slice(0, 6)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join(':');
}

/** The network a `--network` value names as the container's NetworkMode (`default` is the bridge). */
function modeNetworkName(mode: string): string {
  return mode === '' || mode === 'default' ? 'bridge' : mode;
}

/**
 * Create-time network settings: the container's NetworkMode network is recorded (without an address
 * until it starts). A missing network fails the create, as `docker run --network nope` does.
 */
export function attachAtCreate(state: MachineState, container: ContainerRecord, aliases: string[] = []): DaemonResult<{}> {
  const mode = modeNetworkName(container.hostConfig.networkMode);
  if (mode.startsWith('container:')) return { ok: true };
  const found = lookupNetwork(state, mode);
  if (!found.ok) return found;
  if (aliases.length > 0 && !isUserDefined(found.network)) {
    return daemonError('invalid', 'network-scoped alias is supported only for containers in user defined networks');
  }
  container.networks[found.network.name] = { ip: '', aliases: [...aliases], networkId: found.network.id };
  return { ok: true };
}

/** The lowest free host address of the network (after the gateway), as the default IPAM hands them out. */
function allocateAddress(state: MachineState, network: NetworkRecord, wanted?: string): DaemonResult<{ ip: string }> {
  const cidr = networkCidr(network);
  if (!cidr) return { ok: true, ip: '' };
  const used = new Set<string>([network.gateway]);
  for (const container of networkEndpoints(state, network)) used.add(container.networks[network.name].ip);
  if (wanted !== undefined) {
    if (used.has(wanted)) return daemonError('forbidden', `Address already in use`);
    return { ok: true, ip: wanted };
  }
  const start = masked(cidr);
  for (let address = start + 1; address < start + blockSize(cidr) - 1; address++) {
    const text = formatIPv4(address);
    if (!used.has(text)) return { ok: true, ip: text };
  }
  return daemonError('system', `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`);
}

function joinNetwork(state: MachineState, container: ContainerRecord, network: NetworkRecord, wantedIp?: string): DaemonResult<{}> {
  const entry = container.networks[network.name];
  if (!entry || entry.endpointId !== undefined) return { ok: true };
  const allocated = allocateAddress(state, network, wantedIp);
  if (!allocated.ok) return allocated;
  entry.ip = allocated.ip;
  entry.endpointId = randomId(state);
  entry.macAddress = network.driver === 'bridge' ? randomMac(state) : '';
  return { ok: true };
}

/**
 * Start-time networking: an endpoint, an address and a MAC on every network the container is on.
 * A network removed since the container was created fails the start (`network NAME not found`).
 */
export function connectOnStart(state: MachineState, container: ContainerRecord): DaemonResult<{}> {
  for (const [name, entry] of Object.entries(container.networks)) {
    // The container remembers the network's id; a network made again under the same name is another one.
    const network = state.networks.find((candidate) => (entry.networkId !== undefined ? candidate.id === entry.networkId : candidate.name === name));
    if (!network) {
      return daemonError('notFound', `failed to set up container networking: network ${entry.networkId ?? name} not found`);
    }
    const joined = joinNetwork(state, container, network);
    if (!joined.ok) return joined;
  }
  return { ok: true };
}

/** Stop-time networking: endpoints are deleted and addresses released; the network list stays. */
export function releaseOnStop(container: ContainerRecord): void {
  for (const entry of Object.values(container.networks)) {
    entry.ip = '';
    delete entry.endpointId;
    delete entry.macAddress;
  }
}

export interface ConnectOptions {
  aliases?: string[];
  ip?: string;
}

/** `docker network connect`: records the network on a stopped container, or joins it now when running. */
export function connectNetwork(state: MachineState, container: ContainerRecord, term: string, options: ConnectOptions = {}): DaemonResult<{}> {
  const found = lookupNetwork(state, term);
  if (!found.ok) return found;
  const { network } = found;
  const aliases = options.aliases ?? [];
  if (aliases.length > 0 && !isUserDefined(network)) {
    return daemonError('invalid', 'network-scoped alias is supported only for containers in user defined networks');
  }
  if (options.ip !== undefined) {
    if (!isUserDefined(network)) return daemonError('invalid', 'user specified IP address is supported on user defined networks only');
    if (!network.userSubnet) {
      return daemonError('invalid', 'user specified IP address is supported only when connecting to networks with user configured subnets');
    }
    const cidr = networkCidr(network);
    const address = parseIPv4(options.ip);
    if (address === null || !cidr || !contains(cidr, address)) {
      return daemonError('invalid', `no configured subnet or ip-range contain the IP address ${options.ip}`);
    }
  }
  const mode = modeNetworkName(container.hostConfig.networkMode);
  if (mode !== 'host' && network.driver === 'host') return daemonError('forbidden', CONFLICT_HOST_NETWORK);
  for (const name of Object.keys(container.networks)) {
    if (name === network.name) {
      if (container.status !== 'running') return { ok: true };
      return daemonError('forbidden', `endpoint with name ${container.name} already exists in network ${network.name}`);
    }
    const current = state.networks.find((candidate) => candidate.name === name);
    if (!current) continue;
    if (current.driver === 'host' || network.driver === 'host') return daemonError('forbidden', CONFLICT_SHARED_NETWORK);
    if (current.driver === 'null' || network.driver === 'null') return daemonError('forbidden', CONFLICT_NO_NETWORK);
  }
  container.networks[network.name] = { ip: '', aliases: [...aliases], networkId: network.id };
  if (container.status === 'running') {
    const joined = joinNetwork(state, container, network, options.ip);
    if (!joined.ok) {
      delete container.networks[network.name];
      return joined;
    }
  }
  return { ok: true };
}

/** `docker network disconnect`. */
export function disconnectNetwork(state: MachineState, container: ContainerRecord, term: string, force: boolean): DaemonResult<{}> {
  const found = lookupNetwork(state, term);
  if (container.status !== 'running' || (!found.ok && force)) {
    const name = found.ok ? found.network.name : term;
    if (container.networks[name]) {
      delete container.networks[name];
      return { ok: true };
    }
    return daemonError('forbidden', `container ${container.id} is not connected to the network ${term}`);
  }
  if (!found.ok) return found;
  const { network } = found;
  const entry = container.networks[network.name];
  if (!entry || entry.endpointId === undefined) {
    return daemonError('forbidden', `container ${container.id} is not connected to network ${network.name}`);
  }
  if (network.driver === 'host') return daemonError('forbidden', CONFLICT_HOST_NETWORK);
  delete container.networks[network.name];
  return { ok: true };
}

// --- name resolution ---------------------------------------------------------------------------------

/** The names Docker's embedded DNS answers for a container on a user-defined network (its DNSNames). */
export function dnsNames(container: ContainerRecord, networkName: string): string[] {
  const entry = container.networks[networkName];
  const names = [container.name, ...(entry?.aliases ?? []), container.id.slice(0, 12)];
  if (container.config.hostname !== container.id.slice(0, 12) && container.config.hostname !== container.name) {
    names.push(container.config.hostname);
  }
  return names;
}

/**
 * What a lookup of `name` inside `from` answers, as the container's resolver would: its own hostname
 * from /etc/hosts, then Docker's embedded DNS on each user-defined network it shares with a running
 * container (the default bridge has no such DNS). Null when nothing answers (`bad address`).
 */
export function resolveName(state: MachineState, from: ContainerRecord, name: string): string | null {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  if (from.status !== 'running') return null;
  if (wanted === from.config.hostname.toLowerCase()) {
    const own = Object.values(from.networks).find((entry) => entry.ip !== '');
    return own?.ip ?? null;
  }
  for (const [networkName, entry] of Object.entries(from.networks)) {
    if (entry.endpointId === undefined) continue;
    const network = state.networks.find((candidate) => candidate.name === networkName);
    if (!network || !isUserDefined(network)) continue;
    for (const other of networkEndpoints(state, network)) {
      if (dnsNames(other, networkName).some((candidate) => candidate.toLowerCase() === wanted)) return other.networks[networkName].ip;
    }
  }
  return null;
}

// --- list ----------------------------------------------------------------------------------------------

/** `docker network ls` filters as the daemon applies them (`FilterNetworks`). */
export function listNetworks(state: MachineState, filters: FilterArgs): DaemonResult<{ networks: NetworkRecord[] }> {
  const invalid = validateFilters(filters, ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);
  if (invalid) return daemonError('invalid', invalid);
  let networks = state.networks.filter((network) => {
    if (filters.has('driver') && !exactMatch(filters, 'driver', network.driver)) return false;
    if (filters.has('name') && !matchFilter(filters, 'name', network.name)) return false;
    if (filters.has('id') && !matchFilter(filters, 'id', network.id)) return false;
    if (filters.has('label') && !matchLabels(filters, 'label', network.labels)) return false;
    if (filters.has('scope') && !exactMatch(filters, 'scope', network.scope)) return false;
    return true;
  });
  const dangling = filters.get('dangling');
  if (dangling && dangling.size > 0) {
    if (dangling.size > 1) return daemonError('invalid', 'got more than one value for filter key "dangling"');
    const value = [...dangling][0];
    if (!['0', 'false', '1', 'true'].includes(value)) {
      return daemonError('invalid', `invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`);
    }
    const danglingOnly = value === '1' || value === 'true';
    networks = networks.filter((network) => {
      const used = networkEndpoints(state, network).length > 0;
      return danglingOnly ? !network.builtin && !used : network.builtin || used;
    });
  }
  const types = filters.get('type');
  if (types) {
    const typed: NetworkRecord[] = [];
    for (const type of types) {
      if (type !== 'custom' && type !== 'builtin') return daemonError('invalid', `invalid filter: 'type'='${type}'`);
      typed.push(...networks.filter((network) => network.builtin === (type === 'builtin')));
    }
    networks = typed;
  }
  return { ok: true, networks };
}
