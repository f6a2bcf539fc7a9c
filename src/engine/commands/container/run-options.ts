// Client-side parsing of `docker run`/`create` options into a container spec, with docker/cli's error texts.

import type { FlagValue } from '../../cli/command.ts';
import type { MountRecord, PortBinding } from '../../state/machine-state.ts';

/** A failure the daemon reports (`daemon: true`) prints after `Error response from daemon: `. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; daemon?: boolean };

function portNumber(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= 0 && value <= 65535 ? value : null;
}

/** go-connections' `ParsePortRange`: `80` or `8000-8010`. */
function portRange(text: string): [number, number] | null {
  const dash = text.indexOf('-');
  if (dash < 0) {
    const single = portNumber(text);
    return single === null ? null : [single, single];
  }
  const start = portNumber(text.slice(0, dash));
  const end = portNumber(text.slice(dash + 1));
  if (start === null || end === null || end < start) return null;
  return [start, end];
}

/** `[ip:][hostPort:]containerPort[/protocol]`, as go-connections' `nat.ParsePortSpec` reads it (ranges included). */
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
  const container = containerPart === '' ? null : portRange(containerPart);
  if (container === null) return { ok: false, message: `invalid containerPort: ${containerPart}` };
  let host: [number, number] | null = null;
  if (hostPart !== '') {
    host = portRange(hostPart);
    if (host === null) return { ok: false, message: `invalid hostPort: ${hostPart}` };
  }
  if (hostIp !== '' && !/^(\d{1,3}\.){3}\d{1,3}$/.test(hostIp) && !hostIp.includes(':')) {
    return { ok: false, message: `invalid IP address: ${hostIp}` };
  }
  const count = container[1] - container[0] + 1;
  if (host && host[1] - host[0] + 1 !== count && host[0] !== host[1]) {
    return { ok: false, message: `invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}` };
  }
  const bindings: PortBinding[] = [];
  for (let index = 0; index < count; index++) {
    // A single host port for a container range lets the daemon pick within it; the simulator uses the first.
    const hostPort = host ? (host[0] === host[1] ? host[0] : host[0] + index) : 0;
    bindings.push({ hostIp, hostPort, containerPort: container[0] + index, protocol: protocol as PortBinding['protocol'] });
  }
  return { ok: true, value: bindings };
}

export function listFlag(value: FlagValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

/**
 * `-v` specs: `name:/path[:ro]` is a named volume; a source starting with `/`, `.` or `~` is a bind mount.
 * A single path is an anonymous volume. The daemon checks them, so these messages follow its words.
 */
export function parseVolume(spec: string, home: string, cwd: string): Parsed<MountRecord> {
  const parts = spec.split(':');
  // docker/cli's volumespec check runs before anything reaches the daemon.
  if (parts.length > 1 && parts.some((part) => part === '')) return { ok: false, message: `invalid spec: ${spec}: empty section between colons` };
  const daemon = (message: string): Parsed<MountRecord> => ({ ok: false, message, daemon: true });
  if (parts.length === 1) {
    if (!spec.startsWith('/')) {
      return daemon(`invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${spec}' mount path must be absolute`);
    }
    return { ok: true, value: { type: 'volume', source: '', destination: parts[0], readOnly: false } };
  }
  if (parts.length > 3) return daemon(`invalid volume specification: '${spec}'`);
  const [source, destination, mode = ''] = parts;
  const bind = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  if (!destination.startsWith('/')) {
    return daemon(`invalid volume specification: '${spec}': invalid mount config for type "${bind ? 'bind' : 'volume'}": invalid mount path: '${destination}' mount path must be absolute`);
  }
  const modes = mode === '' ? [] : mode.split(',');
  const known = ['ro', 'rw', 'z', 'Z', 'nocopy', 'private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave', 'consistent', 'cached', 'delegated'];
  if (modes.some((item) => !known.includes(item))) return daemon(`invalid mode: ${mode}`);
  const readOnly = modes.includes('ro');
  if (bind) {
    const expanded = source.startsWith('~') ? home + source.slice(1) : source.startsWith('.') ? normalisePath(`${cwd}/${source}`) : normalisePath(source);
    return { ok: true, value: { type: 'bind', source: expanded, destination, readOnly } };
  }
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(source)) {
    return daemon(
      `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
  return { ok: true, value: { type: 'volume', source, destination, readOnly, ...(modes.includes('nocopy') ? { noCopy: true } : {}) } };
}

function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * `--mount type=volume,source=data,target=/data,readonly`: the CLI has checked the keys; these are the
 * daemon's checks of what they describe.
 */
export function parseMount(spec: string, cwd: string): Parsed<MountRecord> {
  const fields = new Map<string, string>();
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    fields.set((eq < 0 ? field : field.slice(0, eq)).toLowerCase(), eq < 0 ? 'true' : field.slice(eq + 1));
  }
  const type = fields.get('type') ?? 'volume';
  const source = fields.get('source') ?? fields.get('src') ?? '';
  const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst') ?? '';
  const readonlyText = fields.get('readonly') ?? fields.get('ro');
  const readOnly = readonlyText !== undefined && ['1', 'true'].includes(readonlyText.toLowerCase());
  const daemon = (message: string): Parsed<MountRecord> => ({ ok: false, message, daemon: true });
  if (!['volume', 'bind', 'tmpfs'].includes(type)) return daemon(`invalid mount config for type "${type}": mount type unknown`);
  if (!target.startsWith('/')) return daemon(`invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`);
  if (type === 'bind') {
    if (source === '') return daemon(`invalid mount config for type "bind": field Source must not be empty`);
    return { ok: true, value: { type: 'bind', source: source.startsWith('/') ? normalisePath(source) : normalisePath(`${cwd}/${source}`), destination: target, readOnly } };
  }
  if (type === 'tmpfs') {
    if (source !== '') return daemon(`invalid mount config for type "tmpfs": field Source must not be specified`);
    return { ok: true, value: { type: 'tmpfs', source: '', destination: target, readOnly } };
  }
  const noCopy = ['1', 'true'].includes((fields.get('volume-nocopy') ?? '').toLowerCase());
  return { ok: true, value: { type: 'volume', source, destination: target, readOnly, ...(noCopy ? { noCopy } : {}) } };
}

/** docker/cli's `kvfile` parser for `--env-file`: comments and blank lines skipped, bare names looked up. */
export function parseEnvFile(content: string, lookup: (name: string) => string | undefined): Parsed<string[]> {
  const rows = content.replace(/^\uFEFF/, '').split('\n');
  if (rows.at(-1) === '') rows.pop();
  const lines = rows.map((row) => row.replace(/\r$/, ''));
  const env: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '') return { ok: false, message: `no variable name on line '${line}'` };
    if (/[\s]/.test(key)) return { ok: false, message: `variable '${key}' contains whitespaces` };
    if (eq >= 0) {
      env.push(line);
      continue;
    }
    const value = lookup(line);
    if (value !== undefined) env.push(`${key}=${value}`);
  }
  return { ok: true, value: env };
}

/** docker/cli's `opts.ParseRestartPolicy`: `name[:count]`; the daemon checks the name. */
export function parseRestartPolicy(text: string): Parsed<{ name: string; maximumRetryCount: number }> {
  if (text === '') return { ok: true, value: { name: '', maximumRetryCount: 0 } };
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const count = colon < 0 ? '' : text.slice(colon + 1);
  if (colon >= 0 && name === '') return { ok: false, message: 'invalid restart policy format: no policy provided before colon' };
  let maximumRetryCount = 0;
  if (count !== '') {
    if (!/^[+-]?\d+$/.test(count)) return { ok: false, message: 'invalid restart policy format: maximum retry count must be an integer' };
    maximumRetryCount = Number(count);
  }
  return { ok: true, value: { name, maximumRetryCount } };
}
