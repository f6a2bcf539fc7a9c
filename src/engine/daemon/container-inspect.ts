// `GET /containers/{id}/json` as Docker 28 answers it: the whole inspect document, in the API types' field order.

import { goStruct } from '../format/go-template.ts';
import { structTypeName } from '../format/go-value.ts';
import { GO_ZERO_TIME, rfc3339Nano, subMillisecondNanos } from '../format/go-time.ts';
import type { ContainerRecord, HealthcheckConfig, MachineState, MountRecord } from '../state/machine-state.ts';
import { writableLayerSize } from './containers.ts';
import { dnsNames, isUserDefined } from './networks.ts';
import { volumeMountpoint } from './volumes.ts';

const CONTAINERS_ROOT = '/var/lib/docker/containers';
const OVERLAY_ROOT = '/var/lib/docker/overlay2';

/** Paths the runtime masks and makes read-only in every unprivileged container (moby's `oci.DefaultSpec`). */
const MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list',
  '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

const layerDirs = new Map<string, string>();

/** The overlay2 directory of an image layer: fixed per layer, so worked out once. */
function layerDir(digest: string): string {
  let dir = layerDirs.get(digest);
  if (dir === undefined) layerDirs.set(digest, (dir = derivedHex(`layer:${digest}`)));
  return dir;
}

/** 64 hex digits derived from `seed`: the layer and sandbox ids a real daemon would have made. */
export function derivedHex(seed: string, length = 64): string {
  let hex = '';
  for (let round = 0; hex.length < length; round++) hex += subMillisecondNanos(`${seed}#${round}`).toString(16).padStart(5, '0');
  return hex.slice(0, length);
}

function time(ms: number, seed: string): string {
  return ms === 0 ? GO_ZERO_TIME : rfc3339Nano(ms, subMillisecondNanos(seed));
}

const OMIT_EMPTY = Symbol('omitempty');

/** A field tagged `json:",omitempty"`: absent from the JSON when empty, still a field for templates. */
interface OmitEmpty {
  [OMIT_EMPTY]: true;
  value: unknown;
  /** A pointer field: only nil is empty (a pointer to 0 is kept). */
  pointer: boolean;
}

function omitEmpty(value: unknown): OmitEmpty {
  return { [OMIT_EMPTY]: true, value, pointer: false };
}

function omitNil(value: unknown): OmitEmpty {
  return { [OMIT_EMPTY]: true, value, pointer: true };
}

function isOmitEmpty(value: unknown): value is OmitEmpty {
  return typeof value === 'object' && value !== null && OMIT_EMPTY in value;
}

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  return false;
}

/** The document as encoding/json writes it (`json`), or as the typed struct templates run on (`template`). */
function finish(value: unknown, view: 'json' | 'template'): unknown {
  if (isOmitEmpty(value)) return finish(value.value, view);
  if (Array.isArray(value)) return value.map((item) => finish(item, view));
  if (value instanceof Map) return new Map([...value.entries()].map(([key, item]) => [key, finish(item, view)]));
  const typeName = structTypeName(value);
  if (typeName === undefined) return value;
  const fields: Record<string, unknown> = {};
  const omitted = new Set<string>();
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (isOmitEmpty(item) && (item.pointer ? item.value === null : isEmptyValue(item.value))) {
      if (view === 'json') continue;
      omitted.add(key);
    }
    fields[key] = finish(item, view);
  }
  const struct = goStruct(typeName, fields);
  // Templates still see an empty omitempty field, but `{{json .Config}}` leaves it out as encoding/json does.
  if (omitted.size > 0) {
    Object.defineProperty(struct, 'toJSON', { value: () => Object.fromEntries(Object.entries(fields).filter(([key]) => !omitted.has(key))), enumerable: false });
  }
  return struct;
}

function goMap<T>(entries: Iterable<[string, T]>): Map<string, T> {
  return new Map(entries);
}

function started(container: ContainerRecord): boolean {
  return container.startedAt !== 0 || container.status !== 'created';
}

function running(container: ContainerRecord): boolean {
  return container.status === 'running' || container.status === 'paused';
}

function bindSpec(mount: MountRecord): string {
  return `${mount.source}:${mount.destination}${mount.readOnly ? ':ro' : ''}`;
}

function portBindingsMap(container: ContainerRecord): Map<string, unknown> {
  const map = new Map<string, unknown[]>();
  for (const binding of container.hostConfig.portBindings) {
    const key = `${binding.containerPort}/${binding.protocol}`;
    const list = map.get(key) ?? [];
    list.push(goStruct('nat.PortBinding', { HostIp: binding.hostIp, HostPort: binding.hostPort === 0 ? '' : String(binding.hostPort) }));
    map.set(key, list);
  }
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** NetworkSettings.Ports: while running, every exposed port, with its host bindings (null when unpublished). */
function networkPorts(container: ContainerRecord): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (!running(container)) return map;
  const bound = container.ports ?? [];
  const keys = new Set(container.config.exposedPorts);
  for (const binding of bound) keys.add(`${binding.containerPort}/${binding.protocol}`);
  for (const key of [...keys].sort()) {
    const bindings = bound.filter((binding) => `${binding.containerPort}/${binding.protocol}` === key);
    map.set(key, bindings.length === 0 ? null : bindings.map((binding) => goStruct('nat.PortBinding', { HostIp: binding.hostIp, HostPort: String(binding.hostPort) })));
  }
  return map;
}

/** HostConfig.MemorySwap: as updated, else what the daemon worked out at create (twice a memory limit). */
export function memorySwapOf(container: ContainerRecord): number {
  return container.hostConfig.memorySwap ?? (container.hostConfig.memory > 0 ? container.hostConfig.memory * 2 : 0);
}

function hostConfig(container: ContainerRecord) {
  const host = container.hostConfig;
  const binds = host.mounts.filter((mount) => mount.type !== 'tmpfs' && !(mount.type === 'volume' && mount.anonymous)).map(bindSpec);
  const tmpfs = host.mounts.filter((mount) => mount.type === 'tmpfs');
  return goStruct('*container.HostConfig', {
    Binds: binds.length > 0 ? binds : null,
    ContainerIDFile: '',
    LogConfig: goStruct('container.LogConfig', { Type: 'json-file', Config: new Map<string, string>() }),
    NetworkMode: host.networkMode,
    PortBindings: portBindingsMap(container),
    RestartPolicy: goStruct('container.RestartPolicy', { Name: host.restartPolicy.name, MaximumRetryCount: host.restartPolicy.maximumRetryCount }),
    AutoRemove: host.autoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    Annotations: omitEmpty(new Map<string, string>()),
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: 'private',
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: null,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: false,
    PublishAllPorts: host.publishAll,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    StorageOpt: omitEmpty(new Map<string, string>()),
    Tmpfs: omitEmpty(goMap(tmpfs.map((mount): [string, string] => [mount.destination, '']))),
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Sysctls: omitEmpty(new Map<string, string>()),
    Runtime: omitEmpty('runc'),
    Isolation: '',
    CpuShares: 0,
    Memory: host.memory,
    NanoCpus: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    KernelMemory: omitEmpty(0),
    KernelMemoryTCP: omitEmpty(0),
    MemoryReservation: 0,
    // The daemon doubles a memory limit into the swap limit when none is given.
    MemorySwap: memorySwapOf(container),
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    Mounts: omitEmpty([]),
    MaskedPaths: [...MASKED_PATHS],
    ReadonlyPaths: [...READONLY_PATHS],
    Init: omitNil(null),
  });
}

function graphDriver(state: MachineState, container: ContainerRecord) {
  const image = state.images.find((candidate) => candidate.id === container.imageId);
  const layer = derivedHex(`rw:${container.id}`);
  const lowers = [`${OVERLAY_ROOT}/${layer}-init/diff`, ...[...(image?.layers ?? [])].reverse().map((digest) => `${OVERLAY_ROOT}/${layerDir(digest)}/diff`)];
  return goStruct('storage.DriverData', {
    Data: goMap<string>([
      ['ID', container.id],
      ['LowerDir', lowers.join(':')],
      ['MergedDir', `${OVERLAY_ROOT}/${layer}/merged`],
      ['UpperDir', `${OVERLAY_ROOT}/${layer}/diff`],
      ['WorkDir', `${OVERLAY_ROOT}/${layer}/work`],
    ]),
    Name: 'overlay2',
  });
}

function mountPoints(container: ContainerRecord) {
  return container.hostConfig.mounts
    .filter((mount) => mount.type !== 'tmpfs')
    .map((mount) =>
      mount.type === 'volume'
        ? goStruct('container.MountPoint', {
            Type: 'volume',
            Name: mount.source,
            Source: volumeMountpoint(mount.source),
            Destination: mount.destination,
            Driver: 'local',
            Mode: mount.anonymous ? '' : mount.readOnly ? 'z,ro' : 'z',
            RW: !mount.readOnly,
            Propagation: '',
          })
        : goStruct('container.MountPoint', {
            Type: 'bind',
            Source: mount.source,
            Destination: mount.destination,
            Mode: mount.readOnly ? 'ro' : '',
            RW: !mount.readOnly,
            Propagation: 'rprivate',
          }),
    );
}

/** Config.Healthcheck (`*container.HealthConfig`): every field omitted when empty, durations in nanoseconds. */
export function healthConfigValue(check: HealthcheckConfig) {
  return goStruct('*container.HealthConfig', {
    Test: omitEmpty([...check.test]),
    Interval: omitEmpty(check.interval ?? 0),
    Timeout: omitEmpty(check.timeout ?? 0),
    StartPeriod: omitEmpty(check.startPeriod ?? 0),
    StartInterval: omitEmpty(check.startInterval ?? 0),
    Retries: omitEmpty(check.retries ?? 0),
  });
}

/** State.Health (`*container.Health`): the status, the failing streak and the last results, oldest first. */
function healthValue(container: ContainerRecord) {
  const health = container.health;
  if (!health) return null;
  return goStruct('*container.Health', {
    Status: health.status,
    FailingStreak: health.failingStreak,
    Log: health.log.map((result) =>
      goStruct('*container.HealthcheckResult', {
        Start: time(result.start, `${container.id}:probe:${result.start}`),
        End: time(result.end, `${container.id}:probe-end:${result.end}`),
        ExitCode: result.exitCode,
        Output: result.output,
      }),
    ),
  });
}

function config(container: ContainerRecord) {
  const c = container.config;
  const anonymousVolumes = container.hostConfig.mounts.filter((mount) => mount.type === 'volume' && mount.anonymous);
  return goStruct('*container.Config', {
    Hostname: c.hostname,
    Domainname: '',
    User: c.user,
    AttachStdin: c.attachStdin ?? false,
    AttachStdout: c.attachStdout ?? false,
    AttachStderr: c.attachStderr ?? false,
    ExposedPorts: omitEmpty(goMap([...c.exposedPorts].sort().map((port): [string, unknown] => [port, goStruct('struct {}', {})]))),
    Tty: c.tty,
    OpenStdin: c.openStdin,
    StdinOnce: c.openStdin && (c.attachStdin ?? false),
    Env: [...c.env],
    Cmd: c.cmd === undefined ? (container.args.length > 0 ? [...container.args] : null) : c.cmd ? [...c.cmd] : null,
    Healthcheck: omitNil(c.healthcheck ? healthConfigValue(c.healthcheck) : null),
    ArgsEscaped: omitEmpty(false),
    Image: container.image,
    Volumes: anonymousVolumes.length > 0 ? goMap(anonymousVolumes.map((mount): [string, unknown] => [mount.destination, goStruct('struct {}', {})])) : null,
    WorkingDir: c.workingDir,
    Entrypoint: c.entrypoint === undefined ? [container.path] : c.entrypoint ? [...c.entrypoint] : null,
    NetworkDisabled: omitEmpty(false),
    MacAddress: omitEmpty(''),
    OnBuild: null,
    Labels: goMap(Object.entries(c.labels)),
    StopSignal: omitEmpty(c.stopSignal ?? ''),
    StopTimeout: omitNil(c.stopTimeout ?? null),
    Shell: omitEmpty(null),
  });
}

function prefixLength(subnet: string): number {
  const bits = Number(subnet.split('/')[1]);
  return Number.isFinite(bits) ? bits : 0;
}

function endpoint(state: MachineState, container: ContainerRecord, name: string) {
  const entry = container.networks[name];
  const network = state.networks.find((candidate) => candidate.name === name);
  const attached = entry?.endpointId !== undefined;
  const userDefined = network ? isUserDefined(network) : false;
  return goStruct('*network.EndpointSettings', {
    IPAMConfig: null,
    Links: null,
    Aliases: entry && entry.aliases.length > 0 ? [...entry.aliases] : null,
    MacAddress: attached ? (entry?.macAddress ?? '') : '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: network?.id ?? '',
    EndpointID: attached ? (entry?.endpointId ?? '') : '',
    Gateway: attached && entry?.ip ? (network?.gateway ?? '') : '',
    IPAddress: attached ? (entry?.ip ?? '') : '',
    IPPrefixLen: attached && entry?.ip ? prefixLength(network?.subnet ?? '') : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: userDefined ? dnsNames(container, name) : null,
  });
}

function networkSettings(state: MachineState, container: ContainerRecord) {
  const isUp = running(container);
  const bridge = container.networks.bridge;
  const bridgeUp = isUp && bridge?.endpointId !== undefined;
  const bridgeNetwork = state.networks.find((candidate) => candidate.name === 'bridge');
  const sandbox = derivedHex(`sandbox:${container.id}:${container.startedAt}`);
  return goStruct('*container.NetworkSettings', {
    Bridge: '',
    SandboxID: isUp ? sandbox : '',
    SandboxKey: isUp ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
    Ports: networkPorts(container),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridgeUp ? (bridge.endpointId ?? '') : '',
    Gateway: bridgeUp ? (bridgeNetwork?.gateway ?? '') : '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: bridgeUp ? bridge.ip : '',
    IPPrefixLen: bridgeUp ? prefixLength(bridgeNetwork?.subnet ?? '') : 0,
    IPv6Gateway: '',
    MacAddress: bridgeUp ? (bridge.macAddress ?? '') : '',
    Networks: goMap(Object.keys(container.networks).map((name): [string, unknown] => [name, endpoint(state, container, name)])),
  });
}

/** The inspect document of a container, as Docker 28 sends it (`json`) and as templates see it (`value`); `size` adds the sizes. */
export function containerInspectDocument(state: MachineState, container: ContainerRecord, options: { size?: boolean } = {}) {
  const status = container.status;
  const isUp = status === 'running' || status === 'paused' || status === 'restarting';
  const dir = `${CONTAINERS_ROOT}/${container.id}`;
  const wasStarted = started(container);
  const image = state.images.find((candidate) => candidate.id === container.imageId);
  const document: Record<string, unknown> = {
    Id: container.id,
    Created: time(container.created, `${container.id}:created`),
    Path: container.path,
    Args: [...container.args],
    State: goStruct('*container.State', {
      Status: status,
      Running: isUp,
      Paused: status === 'paused',
      Restarting: status === 'restarting',
      OOMKilled: false,
      Dead: status === 'dead',
      Pid: status === 'running' || status === 'paused' ? container.pid : 0,
      ExitCode: container.exitCode,
      Error: container.error ?? '',
      StartedAt: time(container.startedAt, `${container.id}:started:${container.startedAt}`),
      FinishedAt: time(container.finishedAt, `${container.id}:finished:${container.finishedAt}`),
      Health: omitNil(healthValue(container)),
    }),
    Image: container.imageId,
    ResolvConfPath: wasStarted ? `${dir}/resolv.conf` : '',
    HostnamePath: wasStarted ? `${dir}/hostname` : '',
    HostsPath: wasStarted ? `${dir}/hosts` : '',
    LogPath: wasStarted ? `${dir}/${container.id}-json.log` : '',
    Name: `/${container.name}`,
    RestartCount: container.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    // The daemon saves the profile at start (saveAppArmorConfig) on hosts with AppArmor, as `docker info` says this one is.
    AppArmorProfile: wasStarted ? 'docker-default' : '',
    ExecIDs: null,
    HostConfig: hostConfig(container),
    GraphDriver: graphDriver(state, container),
  };
  const rw = writableLayerSize(container);
  document.SizeRw = omitNil(options.size ? rw : null);
  document.SizeRootFs = omitNil(options.size ? rw + (image?.size ?? 0) : null);
  document.Mounts = mountPoints(container);
  document.Config = config(container);
  document.NetworkSettings = networkSettings(state, container);
  document.ImageManifestDescriptor = omitNil(null);
  const whole = goStruct('container.InspectResponse', document);
  // Each view is worked out only when asked for: a template needs the typed one, plain inspect the JSON.
  return { json: () => finish(whole, 'json'), value: () => finish(whole, 'template') };
}

