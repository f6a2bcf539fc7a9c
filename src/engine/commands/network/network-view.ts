// How networks look to the client: the API's inspect object and docker/cli's network formatter context.

import { DEFAULT_BRIDGE_OPTIONS, networkEndpoints } from '../../daemon/networks.ts';
import { goStruct } from '../../format/go-template.ts';
import type { MachineState, NetworkRecord } from '../../state/machine-state.ts';

/** Nanoseconds past the millisecond, fixed per object so that timestamps look like the daemon's and stay stable. */
function subMillisecondNanos(id: string): number {
  return parseInt(id.slice(0, 8), 16) % 1_000_000;
}

function fractionDigits(ms: number, id: string): string {
  const nanos = (((ms % 1000) + 1000) % 1000) * 1_000_000 + subMillisecondNanos(id);
  return String(nanos).padStart(9, '0').replace(/0+$/, '');
}

/** A Go time.Time as encoding/json writes it (RFC 3339 with nanoseconds, trailing zeros dropped), in UTC. */
export function goJsonTime(ms: number, id: string): string {
  const fraction = fractionDigits(ms, id);
  return `${new Date(ms).toISOString().slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** A Go time.Time's String(): `2026-01-05 09:00:00.123456789 +0000 UTC`. */
export function goTimeString(ms: number, id: string): string {
  const fraction = fractionDigits(ms, id);
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}${fraction ? `.${fraction}` : ''} +0000 UTC`;
}

function prefixLength(network: NetworkRecord): string {
  return network.subnet.split('/')[1] ?? '';
}

function ipamConfig(network: NetworkRecord): Record<string, string>[] | null {
  if (network.subnet === '') return null;
  if (network.userSubnet && !network.userGateway) return [{ Subnet: network.subnet }];
  return [{ Subnet: network.subnet, Gateway: network.gateway }];
}

/** The API's `network.Inspect`, fields in its order; `Containers` lists the running containers' endpoints. */
export function networkInspectJson(state: MachineState, network: NetworkRecord): Record<string, unknown> {
  const containers = new Map<string, unknown>();
  for (const container of networkEndpoints(state, network)) {
    const endpoint = container.networks[network.name];
    containers.set(container.id, {
      Name: container.name,
      EndpointID: endpoint.endpointId,
      MacAddress: endpoint.macAddress ?? '',
      IPv4Address: endpoint.ip === '' ? '' : `${endpoint.ip}/${prefixLength(network)}`,
      IPv6Address: '',
    });
  }
  const isDefaultBridge = network.builtin && network.name === 'bridge';
  const options = isDefaultBridge ? DEFAULT_BRIDGE_OPTIONS : (network.options ?? {});
  return {
    Name: network.name,
    Id: network.id,
    Created: goJsonTime(network.created, network.id),
    Scope: network.scope,
    Driver: network.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: network.builtin ? null : new Map(),
      Config: ipamConfig(network),
    },
    Internal: network.internal,
    Attachable: network.attachable ?? false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: new Map(Object.entries(options)),
    Labels: new Map(Object.entries(network.labels)),
  };
}

/** Column titles by field, as the network formatter declares them. */
export const NETWORK_HEADER: Record<string, string> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

/** `network.networkContext`; `trunc` shortens the id to 12 digits, as without `--no-trunc`. */
export function networkContext(network: NetworkRecord, trunc: boolean) {
  return goStruct('*network.networkContext', {
    ID: () => (trunc ? network.id.slice(0, 12) : network.id),
    Name: () => network.name,
    Driver: () => network.driver,
    Scope: () => network.scope,
    IPv4: () => 'true',
    IPv6: () => 'false',
    Internal: () => String(network.internal),
    Labels: () =>
      Object.keys(network.labels)
        .sort()
        .map((key) => `${key}=${network.labels[key]}`)
        .join(','),
    Label: (name: string) => network.labels[name] ?? '',
    CreatedAt: () => goTimeString(network.created, network.id),
  });
}

function parseCidrText(text: string): { base: number; bits: number } | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match || match.slice(1, 5).some((part) => Number(part) > 255) || Number(match[5]) > 32) return null;
  const base = match.slice(1, 5).reduce((value, part) => value * 256 + Number(part), 0);
  return { base, bits: Number(match[5]) };
}

/**
 * The client's own IPAM checks (`createIPAMConfig`), before anything reaches the daemon: gateways need
 * subnets, subnets may not overlap, and each gateway must fall in one of them.
 */
export function checkIpamFlags(subnets: string[], gateways: string[]): string | null {
  if (subnets.length < gateways.length) return 'every ip-range or gateway must have a corresponding subnet';
  const parsed: { text: string; base: number; size: number }[] = [];
  for (const subnet of subnets) {
    for (const other of parsed) {
      const cidr = parseCidrText(subnet);
      if (!cidr) return `invalid subnet: invalid CIDR address: ${subnet}`;
      const size = 2 ** (32 - cidr.bits);
      const start = cidr.base - (cidr.base % size);
      if (start < other.base + other.size && other.base < start + size) return 'multiple overlapping subnet configuration is not allowed';
    }
    const cidr = parseCidrText(subnet);
    if (cidr) {
      const size = 2 ** (32 - cidr.bits);
      parsed.push({ text: subnet, base: cidr.base - (cidr.base % size), size });
    } else if (parsed.length > 0 || subnets.length > 1) return `invalid subnet: invalid CIDR address: ${subnet}`;
  }
  for (const gateway of gateways) {
    const address = parseCidrText(`${gateway}/32`);
    const subnet = subnets.find((text) => {
      const cidr = parseCidrText(text);
      return cidr !== null && address !== null && address.base >= cidr.base - (cidr.base % 2 ** (32 - cidr.bits)) && address.base < cidr.base - (cidr.base % 2 ** (32 - cidr.bits)) + 2 ** (32 - cidr.bits);
    });
    if (!subnet) return `no matching subnet for gateway ${gateway}`;
  }
  return null;
}
