// Client-side parsing of `docker run`/`create` options into a container spec, with docker/cli's error texts.

import type { FlagValue } from '../../cli/command.ts';
import type { MountRecord, PortBinding } from '../../state/machine-state.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function portNumber(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 65535 ? value : null;
}

/** `[ip:][hostPort:]containerPort[/protocol]`, as go-connections' `nat.ParsePortSpec` reads it. */
export function parsePublish(spec: string): Parsed<PortBinding[]> {
  let rest = spec;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!['tcp', 'udp', 'sctp'].includes(protocol)) return { ok: false, message: `invalid proto: ${protocol}` };
  }
  let hostIp = '';
  let hostPart = '';
  let containerPart = rest;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  const segments = bracket ? [bracket[1], ...bracket[2].split(':')] : rest.split(':');
  if (segments.length === 2) [hostPart, containerPart] = segments;
  else if (segments.length === 3) [hostIp, hostPart, containerPart] = segments;
  else if (segments.length > 3) return { ok: false, message: `invalid port format: ${spec}` };
  const container = portNumber(containerPart);
  if (container === null || containerPart === '') return { ok: false, message: `invalid containerPort: ${containerPart}` };
  let host = 0;
  if (hostPart !== '') {
    const parsed = portNumber(hostPart);
    if (parsed === null) return { ok: false, message: `invalid hostPort: ${hostPart}` };
    host = parsed;
  }
  if (hostIp !== '' && !/^(\d{1,3}\.){3}\d{1,3}$/.test(hostIp) && !hostIp.includes(':')) {
    return { ok: false, message: `invalid IP address: ${hostIp}` };
  }
  return { ok: true, value: [{ hostIp, hostPort: host, containerPort: container, protocol: protocol as PortBinding['protocol'] }] };
}

export function listFlag(value: FlagValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

/**
 * `-v` specs: `name:/path[:ro]` is a named volume; a source starting with `/`, `.` or `~` is a bind mount.
 * A single path is an anonymous volume.
 */
export function parseVolume(spec: string, home: string, cwd: string): Parsed<MountRecord> {
  const parts = spec.split(':');
  if (parts.length === 1) return { ok: true, value: { type: 'volume', source: '', destination: parts[0], readOnly: false } };
  if (parts.length > 3) return { ok: false, message: `invalid spec: ${spec}: too many colons` };
  const [source, destination, mode = ''] = parts;
  if (!destination.startsWith('/')) return { ok: false, message: `invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${destination}' mount path must be absolute` };
  const readOnly = mode.split(',').includes('ro');
  if (source.startsWith('/') || source.startsWith('.') || source.startsWith('~')) {
    const expanded = source.startsWith('~') ? home + source.slice(1) : source.startsWith('.') ? `${cwd}/${source}` : source;
    return { ok: true, value: { type: 'bind', source: expanded, destination, readOnly } };
  }
  return { ok: true, value: { type: 'volume', source, destination, readOnly } };
}
