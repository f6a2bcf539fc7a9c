// `docker system info` (`docker info`): display system-wide information.

import type { CommandDef } from '../../cli/command.ts';
import { executeTemplate, goStruct, parseTemplate } from '../../format/go-template.ts';
import { goJson } from '../../format/json.ts';
import { bytesSize } from '../../format/units.ts';
import type { MachineState } from '../../state/machine-state.ts';
import { CLIENT, CLIENT_PLUGINS, ENGINE, engineId } from './engine-facts.ts';

const NETWORK_PLUGINS = ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'];
const LOG_PLUGINS = ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'];
const DRIVER_STATUS: [string, string][] = [
  ['Backing Filesystem', 'extfs'],
  ['Supports d_type', 'true'],
  ['Using metacopy', 'false'],
  ['Native Overlay Diff', 'true'],
  ['userxattr', 'false'],
];

function counts(state: MachineState) {
  const running = state.containers.filter((container) => container.status === 'running' || container.status === 'restarting').length;
  const paused = state.containers.filter((container) => container.status === 'paused').length;
  return { total: state.containers.length, running, paused, stopped: state.containers.length - running - paused };
}

/** `system.Info` as the daemon sends it, fields in its order. */
function infoJson(state: MachineState): Record<string, unknown> {
  const count = counts(state);
  const runtime = { path: 'runc', status: new Map([['org.opencontainers.runtime-spec.features', '{}']]) };
  return {
    ID: engineId(),
    Containers: count.total,
    ContainersRunning: count.running,
    ContainersPaused: count.paused,
    ContainersStopped: count.stopped,
    Images: state.images.length,
    Driver: 'overlay2',
    DriverStatus: DRIVER_STATUS,
    Plugins: { Volume: ['local'], Network: NETWORK_PLUGINS, Authorization: null, Log: LOG_PLUGINS },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 24 + count.running * 3,
    OomKillDisable: false,
    NGoroutines: 40 + count.running * 5,
    SystemTime: new Date(state.clock).toISOString().replace(/(\.\d{3})Z$/, '$1000000Z'),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: ENGINE.kernelVersion,
    OperatingSystem: ENGINE.operatingSystem,
    OSVersion: ENGINE.osVersion,
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      AllowNondistributableArtifactsCIDRs: null,
      AllowNondistributableArtifactsHostnames: null,
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      IndexConfigs: new Map([['docker.io', { Name: 'docker.io', Mirrors: [], Secure: true, Official: true }]]),
      Mirrors: null,
    },
    NCPU: ENGINE.cpus,
    MemTotal: ENGINE.memTotal,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: state.host.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE.version,
    Runtimes: new Map([
      ['io.containerd.runc.v2', runtime],
      ['runc', runtime],
    ]),
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: ENGINE.containerd.commit },
    RuncCommit: { ID: ENGINE.runc.commit },
    InitCommit: { ID: ENGINE.init.commit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Containerd: { Address: '/run/containerd/containerd.sock', Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' } },
    Warnings: null,
  };
}

function clientInfoJson() {
  return {
    Debug: false,
    Version: CLIENT.Version,
    GitCommit: CLIENT.GitCommit,
    GoVersion: CLIENT.GoVersion,
    Os: CLIENT.Os,
    Arch: CLIENT.Arch,
    BuildTime: CLIENT.BuildTime,
    Context: CLIENT.Context,
    Plugins: CLIENT_PLUGINS.map((plugin) => ({
      SchemaVersion: '0.1.0',
      Vendor: plugin.vendor,
      Version: plugin.version,
      ShortDescription: plugin.description,
      Name: plugin.name,
      Path: plugin.path,
    })),
    Warnings: null,
  };
}

/** docker/cli's prettyPrintInfo for this daemon, line for line. */
function infoText(state: MachineState): string {
  const count = counts(state);
  const lines = [
    'Client:',
    ` Version:    ${CLIENT.Version}`,
    ` Context:    ${CLIENT.Context}`,
    ' Debug Mode: false',
    ' Plugins:',
    ...CLIENT_PLUGINS.flatMap((plugin) => [`  ${plugin.name}: ${plugin.description} (${plugin.vendor})`, `    Version:  ${plugin.version}`, `    Path:     ${plugin.path}`]),
    '',
    'Server:',
    ` Containers: ${count.total}`,
    `  Running: ${count.running}`,
    `  Paused: ${count.paused}`,
    `  Stopped: ${count.stopped}`,
    ` Images: ${state.images.length}`,
    ` Server Version: ${ENGINE.version}`,
    ' Storage Driver: overlay2',
    ...DRIVER_STATUS.map(([key, value]) => `  ${key}: ${value}`),
    ' Logging Driver: json-file',
    ' Cgroup Driver: systemd',
    ' Cgroup Version: 2',
    ' Plugins:',
    '  Volume: local',
    `  Network: ${NETWORK_PLUGINS.join(' ')}`,
    `  Log: ${LOG_PLUGINS.join(' ')}`,
    ' CDI spec directories:',
    '  /etc/cdi',
    '  /var/run/cdi',
    ' Swarm: inactive',
    ' Runtimes: io.containerd.runc.v2 runc',
    ' Default Runtime: runc',
    ' Init Binary: docker-init',
    ` containerd version: ${ENGINE.containerd.commit}`,
    ` runc version: ${ENGINE.runc.commit}`,
    ` init version: ${ENGINE.init.commit}`,
    ' Security Options:',
    '  apparmor',
    '  seccomp',
    '   Profile: builtin',
    '  cgroupns',
    ` Kernel Version: ${ENGINE.kernelVersion}`,
    ` Operating System: ${ENGINE.operatingSystem}`,
    ' OSType: linux',
    ' Architecture: x86_64',
    ` CPUs: ${ENGINE.cpus}`,
    ` Total Memory: ${bytesSize(ENGINE.memTotal)}`,
    ` Name: ${state.host.hostname}`,
    ` ID: ${engineId()}`,
    ' Docker Root Dir: /var/lib/docker',
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    '  ::1/128',
    '  127.0.0.0/8',
    ' Live Restore Enabled: false',
    '',
  ];
  return `${lines.join('\n')}\n`;
}

export const infoCommand: CommandDef = {
  path: ['system', 'info'],
  use: 'info [OPTIONS]',
  aliases: ['docker system info', 'docker info'],
  short: 'Display system-wide information',
  args: { max: 0 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
  supportedFlags: ['format'],
  run(ctx, { flags }) {
    const format = typeof flags.format === 'string' ? flags.format : '';
    if (format === '') {
      ctx.out.stdout(infoText(ctx.state));
      return 0;
    }
    const json = { ...infoJson(ctx.state), ClientInfo: clientInfoJson() };
    if (format === 'json' || format.trim() === '{{json .}}') {
      ctx.out.stdout(`${goJson(json, { escapeHtml: false })}\n`);
      return 0;
    }
    const parsed = parseTemplate(format);
    if (!parsed.ok) {
      ctx.out.stderr(`template parsing error: ${parsed.error}\n`);
      return 64;
    }
    const rendered = executeTemplate(parsed.template, goStruct('system.dockerInfo', json));
    ctx.out.stdout(`${rendered.ok ? rendered.text : ''}\n`);
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    return 0;
  },
};
