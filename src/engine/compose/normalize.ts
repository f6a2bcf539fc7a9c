// From a validated compose document to the normalised project: ports, mounts, environment, paths and names.

import { normalizePath } from '../shell/vfs.ts';
import type {
  BuildConfig,
  ComposeNetwork,
  ComposeService,
  ComposeVolume,
  Dependency,
  DependsOnCondition,
  Healthcheck,
  PortConfig,
  ServiceNetwork,
  ServiceVolume,
} from './model.ts';

type Dict = Record<string, unknown>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** YAML scalars as compose turns them into strings (`true`, `5432`). */
function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** go-shellwords as compose-go applies it to a string `command`/`entrypoint`: quotes and backslashes, no expansion. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) current += text[++i];
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

function commandOf(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return shellWords(value);
  return (value as unknown[]).map(scalarText);
}

// --- ports: go-connections' nat.ParsePortSpec, as compose-go's ParsePortConfig calls it ---

function parsePort(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

function parsePortRange(text: string): { start: number; end: number } | undefined {
  if (text === '') return undefined;
  const dash = text.indexOf('-');
  if (dash < 0) {
    const port = parsePort(text);
    return port === undefined ? undefined : { start: port, end: port };
  }
  const start = parsePort(text.slice(0, dash));
  const end = parsePort(text.slice(dash + 1));
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}

function isIpAddress(text: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text)) return text.split('.').every((part) => Number(part) <= 255);
  return text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text);
}

/** The port entries one short-syntax string stands for, sorted as compose-go sorts them. */
export function parsePortSpec(raw: string): Parsed<PortConfig[]> {
  const parts = raw.split(':');
  let ip = '';
  let hostPort = '';
  let containerPart: string;
  if (parts.length === 1) containerPart = parts[0];
  else if (parts.length === 2) [hostPort, containerPart] = parts;
  else {
    ip = parts.slice(0, -2).join(':');
    hostPort = parts.at(-2)!;
    containerPart = parts.at(-1)!;
  }
  const slash = containerPart.indexOf('/');
  const containerPort = slash < 0 ? containerPart : containerPart.slice(0, slash);
  const protocol = (slash < 0 || containerPart.slice(slash + 1) === '' ? 'tcp' : containerPart.slice(slash + 1)).toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return { ok: false, message: `invalid proto: ${protocol}` };
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  if (ip !== '' && !isIpAddress(ip)) return { ok: false, message: `invalid IP address: ${ip}` };
  if (containerPort === '') return { ok: false, message: `no port specified: ${raw}<empty>` };
  const container = parsePortRange(containerPort);
  if (!container) return { ok: false, message: `invalid containerPort: ${containerPort}` };
  let host: { start: number; end: number } | undefined;
  if (hostPort !== '') {
    host = parsePortRange(hostPort);
    if (!host) return { ok: false, message: `invalid hostPort: ${hostPort}` };
    if (container.end - container.start !== host.end - host.start && container.end !== container.start) {
      return { ok: false, message: `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}` };
    }
  }
  const ports: PortConfig[] = [];
  for (let port = container.start; port <= container.end; port++) {
    let published: string | undefined;
    if (host) {
      const offset = port - container.start;
      published =
        container.start === container.end && host.start !== host.end ? `${host.start}-${host.end}` : String(host.start + offset);
    }
    ports.push({ mode: 'ingress', ...(ip !== '' ? { hostIp: ip } : {}), target: port, ...(published !== undefined ? { published } : {}), protocol });
  }
  // compose-go sorts the parsed ports by their "port/proto" text.
  return { ok: true, value: ports.sort((a, b) => (`${a.target}/${a.protocol}` < `${b.target}/${b.protocol}` ? -1 : 1)) };
}

function portsOf(value: unknown): Parsed<PortConfig[]> {
  const ports: PortConfig[] = [];
  for (const entry of (value as unknown[] | undefined) ?? []) {
    if (typeof entry === 'number') ports.push({ mode: 'ingress', target: entry, protocol: 'tcp' });
    else if (typeof entry === 'string') {
      const parsed = parsePortSpec(entry);
      if (!parsed.ok) return parsed;
      ports.push(...parsed.value);
    } else {
      const long = entry as Dict;
      ports.push({
        mode: long.mode === 'host' ? 'host' : 'ingress',
        ...(long.host_ip !== undefined ? { hostIp: String(long.host_ip) } : {}),
        target: Number(long.target),
        ...(long.published !== undefined ? { published: scalarText(long.published) } : {}),
        protocol: ((long.protocol as string | undefined) ?? 'tcp') as PortConfig['protocol'],
      });
    }
  }
  return { ok: true, value: ports };
}

// --- volumes: compose-go's format.ParseVolume for the short syntax ---

interface ShortVolume {
  source?: string;
  target?: string;
  options?: string;
}

function isFilePath(source: string | undefined): boolean {
  return source !== undefined && source !== '' && (source[0] === '.' || source[0] === '/' || source[0] === '~');
}

/** Cleans a container path as Go's `path.Clean` does. */
function cleanTarget(target: string): string {
  if (target === '') return '';
  const absolute = target.startsWith('/');
  const parts: string[] = [];
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts.at(-1) !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function parseVolumeSpec(spec: string): Parsed<ServiceVolume> {
  if (spec.length === 0) return { ok: false, message: 'invalid empty volume spec' };
  if (spec.length <= 2) return { ok: true, value: { type: 'volume', target: spec, readOnly: false } };
  const fields: ShortVolume = {};
  let buffer = '';
  let depth = 0;
  const flush = (atEnd: boolean): string | undefined => {
    if (buffer === '') return 'empty section between colons';
    if (fields.source === undefined && atEnd) fields.target = buffer;
    else if (fields.source === undefined) fields.source = buffer;
    else if (fields.target === undefined) fields.target = buffer;
    else if (!atEnd) return 'too many colons';
    else fields.options = buffer;
    buffer = '';
    return undefined;
  };
  for (let i = 0; i <= spec.length; i++) {
    const char = spec[i];
    if (char === '$' && spec[i + 1] === '{') depth++;
    else if (char === '}' && depth > 0) depth--;
    const windowsDrive = char === ':' && buffer.length === 1 && /[A-Za-z]/.test(buffer);
    if ((char === ':' || char === undefined) && depth === 0 && !windowsDrive) {
      const problem = flush(char === undefined);
      if (problem) return { ok: false, message: `invalid spec: ${spec}: ${problem}` };
    } else buffer += char;
  }
  const options = (fields.options ?? '').split(',');
  const volume: ServiceVolume = {
    type: isFilePath(fields.source) ? 'bind' : 'volume',
    ...(fields.source !== undefined ? { source: fields.source } : {}),
    target: cleanTarget(fields.target ?? ''),
    readOnly: options.includes('ro'),
  };
  if (volume.type === 'bind') volume.createHostPath = true;
  if (options.includes('nocopy')) volume.nocopy = true;
  return { ok: true, value: volume };
}

function volumesOf(value: unknown): Parsed<ServiceVolume[]> {
  const volumes: ServiceVolume[] = [];
  for (const entry of (value as unknown[] | undefined) ?? []) {
    if (typeof entry === 'string') {
      const parsed = parseVolumeSpec(entry);
      if (!parsed.ok) return parsed;
      volumes.push(parsed.value);
    } else {
      const long = entry as Dict;
      const type = long.type as ServiceVolume['type'];
      const volume: ServiceVolume = {
        type,
        ...(long.source !== undefined ? { source: String(long.source) } : {}),
        target: cleanTarget(String(long.target ?? '')),
        readOnly: long.read_only === true || long.read_only === 'true',
      };
      const bind = long.bind as Dict | undefined;
      if (type === 'bind' && bind?.create_host_path !== undefined) volume.createHostPath = bind.create_host_path === true || bind.create_host_path === 'true';
      const options = long.volume as Dict | undefined;
      if (options?.nocopy === true) volume.nocopy = true;
      volumes.push(volume);
    }
  }
  return { ok: true, value: volumes };
}

// --- the rest of a service ---

/** `list_or_dict` as a map: `KEY=VAL` entries, `KEY` alone is `null`. */
export function listOrDict(value: unknown): Record<string, string | null> {
  const map: Record<string, string | null> = {};
  if (Array.isArray(value)) {
    for (const entry of value as string[]) {
      const eq = entry.indexOf('=');
      if (eq < 0) map[entry] = null;
      else map[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
  } else if (isDict(value)) {
    for (const [key, entry] of Object.entries(value)) map[key] = entry === null || entry === undefined ? null : scalarText(entry);
  }
  return map;
}

function dependsOnOf(value: unknown): Record<string, Dependency> {
  const dependencies: Record<string, Dependency> = {};
  if (Array.isArray(value)) {
    for (const name of value as string[]) dependencies[name] = { condition: 'service_started', required: true, restart: false };
  } else if (isDict(value)) {
    for (const [name, entry] of Object.entries(value)) {
      const long = entry as Dict;
      dependencies[name] = {
        condition: long.condition as DependsOnCondition,
        required: long.required !== false,
        restart: long.restart === true || long.restart === 'true',
      };
    }
  }
  return dependencies;
}

function healthcheckOf(value: unknown): Healthcheck | undefined {
  if (!isDict(value)) return undefined;
  const disable = value.disable === true || value.disable === 'true';
  const test = disable
    ? ['NONE']
    : typeof value.test === 'string'
      ? ['CMD-SHELL', value.test]
      : ((value.test as string[] | undefined) ?? []);
  const check: Healthcheck = { test, disable };
  if (value.interval !== undefined) check.interval = String(value.interval);
  if (value.timeout !== undefined) check.timeout = String(value.timeout);
  if (value.retries !== undefined) check.retries = Number(value.retries);
  if (value.start_period !== undefined) check.startPeriod = String(value.start_period);
  if (value.start_interval !== undefined) check.startInterval = String(value.start_interval);
  return check;
}

function networksOf(value: unknown): Record<string, ServiceNetwork | null> {
  const networks: Record<string, ServiceNetwork | null> = {};
  if (Array.isArray(value)) for (const name of value as string[]) networks[name] = null;
  else if (isDict(value)) {
    for (const [name, entry] of Object.entries(value)) {
      if (!isDict(entry)) networks[name] = null;
      else {
        networks[name] = {
          aliases: ((entry.aliases as string[] | undefined) ?? []).map(String),
          ...(entry.ipv4_address !== undefined ? { ipv4Address: String(entry.ipv4_address) } : {}),
        };
      }
    }
  }
  return networks;
}

function isRemoteContext(context: string): boolean {
  return /^(https?:\/\/|git@|github\.com\/|ssh:\/\/)/.test(context) || context.endsWith('.git');
}

/** Resolves a path written in the compose file against the project directory (`~` is the home directory). */
export function resolveHostPath(path: string, workingDir: string, home: string): string {
  if (path === '~' || path.startsWith('~/')) return normalizePath(home + path.slice(1));
  if (path.startsWith('/')) return normalizePath(path);
  return normalizePath(`${workingDir}/${path}`);
}

function buildOf(value: unknown, workingDir: string, home: string): BuildConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const long: Dict = typeof value === 'string' ? { context: value } : (value as Dict);
  const context = (long.context as string | undefined) ?? '.';
  return {
    context: isRemoteContext(context) ? context : resolveHostPath(context, workingDir, home),
    dockerfile: (long.dockerfile as string | undefined) ?? 'Dockerfile',
    args: listOrDict(long.args),
    ...(long.target !== undefined ? { target: String(long.target) } : {}),
    tags: ((long.tags as string[] | undefined) ?? []).map(String),
  };
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}

export interface ServiceContext {
  workingDir: string;
  home: string;
}

/** Normalises one service; environment files are merged later, once the file system has been read. */
export function normalizeService(name: string, raw: Dict, context: ServiceContext): Parsed<ComposeService> {
  const ports = portsOf(raw.ports);
  if (!ports.ok) return ports;
  const volumes = volumesOf(raw.volumes);
  if (!volumes.ok) return volumes;
  for (const volume of volumes.value) {
    if (volume.type === 'bind' && volume.source !== undefined) volume.source = resolveHostPath(volume.source, context.workingDir, context.home);
  }
  const envFileEntries = raw.env_file === undefined ? [] : Array.isArray(raw.env_file) ? raw.env_file : [raw.env_file];
  const networks = networksOf(raw.networks);
  const networkMode = raw.network_mode as string | undefined;
  if (Object.keys(networks).length === 0 && networkMode === undefined) networks.default = null;
  const deploy = isDict(raw.deploy) ? raw.deploy : undefined;
  const replicas = raw.scale ?? deploy?.replicas;
  const service: ComposeService = {
    name,
    ...(raw.image !== undefined ? { image: String(raw.image) } : {}),
    ...(raw.build !== undefined ? { build: buildOf(raw.build, context.workingDir, context.home) } : {}),
    command: commandOf(raw.command),
    entrypoint: commandOf(raw.entrypoint),
    environment: listOrDict(raw.environment),
    envFiles: envFileEntries.map((entry) => {
      const long: Dict = typeof entry === 'string' ? { path: entry } : (entry as Dict);
      return { path: resolveHostPath(String(long.path), context.workingDir, context.home), required: long.required === undefined ? true : truthy(long.required) };
    }),
    ports: ports.value,
    expose: ((raw.expose as unknown[] | undefined) ?? []).map(scalarText),
    dependsOn: dependsOnOf(raw.depends_on),
    ...(raw.healthcheck !== undefined ? { healthcheck: healthcheckOf(raw.healthcheck) } : {}),
    volumes: volumes.value,
    networks,
    ...(networkMode !== undefined ? { networkMode } : {}),
    ...(raw.restart !== undefined ? { restart: String(raw.restart) } : {}),
    ...(raw.container_name !== undefined ? { containerName: String(raw.container_name) } : {}),
    ...(raw.working_dir !== undefined ? { workingDir: String(raw.working_dir) } : {}),
    ...(raw.user !== undefined ? { user: String(raw.user) } : {}),
    ...(raw.hostname !== undefined ? { hostname: String(raw.hostname) } : {}),
    tty: truthy(raw.tty),
    stdinOpen: truthy(raw.stdin_open),
    labels: Object.fromEntries(Object.entries(listOrDict(raw.labels)).map(([key, value]) => [key, value ?? ''])),
    profiles: ((raw.profiles as string[] | undefined) ?? []).map(String),
    ...(raw.pull_policy !== undefined ? { pullPolicy: String(raw.pull_policy) } : {}),
    ...(raw.stop_grace_period !== undefined ? { stopGracePeriod: String(raw.stop_grace_period) } : {}),
    ...(raw.stop_signal !== undefined ? { stopSignal: String(raw.stop_signal) } : {}),
    scale: replicas === undefined ? 1 : Number(replicas),
  };
  return { ok: true, value: service };
}

function labelsOf(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(listOrDict(value)).map(([key, entry]) => [key, entry ?? '']));
}

function externalOf(value: unknown): { external: boolean; name?: string } {
  if (isDict(value)) return { external: true, ...(value.name !== undefined ? { name: String(value.name) } : {}) };
  return { external: truthy(value) };
}

export function normalizeNetwork(project: string, key: string, raw: unknown): ComposeNetwork {
  const dict = isDict(raw) ? raw : {};
  const external = externalOf(dict.external);
  const explicit = (dict.name as string | undefined) ?? external.name;
  return {
    name: explicit ?? (external.external ? key : `${project}_${key}`),
    ...(dict.driver !== undefined ? { driver: String(dict.driver) } : {}),
    external: external.external,
    internal: truthy(dict.internal),
    labels: labelsOf(dict.labels),
  };
}

export function normalizeVolume(project: string, key: string, raw: unknown): ComposeVolume {
  const dict = isDict(raw) ? raw : {};
  const external = externalOf(dict.external);
  const explicit = (dict.name as string | undefined) ?? external.name;
  return {
    name: explicit ?? (external.external ? key : `${project}_${key}`),
    ...(dict.driver !== undefined ? { driver: String(dict.driver) } : {}),
    external: external.external,
    labels: labelsOf(dict.labels),
  };
}
