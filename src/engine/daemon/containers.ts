// Container lifecycle in the simulated daemon: create, start, stop, kill, pause, restart policies, rename, remove.

import { programFor } from '../programs/index.ts';
import type { ProgramRuntime } from '../programs/program.ts';
import { randomId } from '../state/random.ts';
import { generateContainerName } from '../state/names.ts';
import type { ContainerRecord, HealthcheckConfig, ImageRecord, MachineState, MountRecord, PortBinding } from '../state/machine-state.ts';
import type { Output } from '../exec/context.ts';
import { imageFilesUnder } from './container-fs.ts';
import { daemonError, type DaemonError, type DaemonResult } from './errors.ts';
import {
  initHealthMonitor,
  mergeHealthcheck,
  nextProbeTime,
  probeHealth,
  resumeHealthMonitor,
  skipSettledProbes,
  stopHealthMonitor,
  validateHealthcheck,
} from './health.ts';
import { attachAtCreate, connectOnStart, lookupNetwork, releaseOnStop } from './networks.ts';
import { prepareContainerVolumes, releaseContainerVolumes } from './volumes.ts';

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The daemon's default stop timeout, seconds. */
export const DEFAULT_STOP_TIMEOUT = 10;
/** `docker rm -f` gives a container this long to exit after SIGKILL (moby's `cleanupContainer`). */
const REMOVE_STOP_TIMEOUT = 3;
/** moby's `linuxMinMemory`. */
const MIN_MEMORY = 6 * 1024 * 1024;
/** The restart manager's back-off: 100 ms doubling up to a minute, reset after a run of 10 s. */
const RESTART_FIRST_DELAY = 100;
const RESTART_MAX_DELAY = 60_000;
const RESTART_RESET_AFTER = 10_000;
/** Linux's default `ip_local_port_range`, where the port allocator finds ephemeral host ports. */
export const EPHEMERAL_PORT_FIRST = 32768;
export const EPHEMERAL_PORT_LAST = 60999;
/** How long a process takes to react to a signal it handles, and a start takes (runc, networking). */
const SIGNAL_HANDLING_TIME = 120;
const START_TIME = 350;

export type RestartPolicy = ContainerRecord['hostConfig']['restartPolicy'];

export interface ContainerSpec {
  image: string;
  imageRecord: ImageRecord;
  name?: string;
  /** Replaces the image's CMD when non-empty. */
  command: string[];
  /** Replaces the image's ENTRYPOINT when set (`''` clears it). */
  entrypoint?: string;
  env: string[];
  tty: boolean;
  openStdin: boolean;
  workingDir?: string;
  user?: string;
  portBindings: PortBinding[];
  publishAll: boolean;
  mounts: MountRecord[];
  autoRemove: boolean;
  /** As the user wrote it; the daemon validates the name. */
  restartPolicy: { name: string; maximumRetryCount: number };
  networkMode: string;
  memory: number;
  labels: Record<string, string>;
  hostname?: string;
  /** `--expose`, added to the image's exposed ports. */
  expose?: string[];
  stopSignal?: string;
  stopTimeout?: number;
  /** `--network-alias`: names the container answers to on a user-defined network. */
  networkAliases?: string[];
  /** The streams the client attaches (Config.AttachStdin/Stdout/Stderr); none for `docker run -d`. */
  attach?: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** `--health-*`, `--no-healthcheck` or Compose's `healthcheck:`, merged over the image's HEALTHCHECK. */
  healthcheck?: HealthcheckConfig;
}

/** Where virtual time passes for daemon work: the command's output (so the next chunk waits) or the bare clock. */
function letTimePass(state: MachineState, out: Output | undefined, ms: number): void {
  if (out) out.wait(ms);
  else state.clock += ms;
}

// ---------------------------------------------------------------------------------------------------------------
// Looking containers up

/** Looks a container up like the daemon: full id, name, or unique id prefix — with its exact errors. */
export function lookupContainer(state: MachineState, reference: string): DaemonResult<{ container: ContainerRecord }> {
  const name = reference.startsWith('/') ? reference.slice(1) : reference;
  const exact = state.containers.find((container) => container.id === reference || container.name === name);
  if (exact) return { ok: true, container: exact };
  const matches = /^[0-9a-f]+$/.test(reference) ? state.containers.filter((container) => container.id.startsWith(reference)) : [];
  if (matches.length === 1) return { ok: true, container: matches[0] };
  if (matches.length > 1) return daemonError('invalid', `multiple IDs found with provided prefix: ${reference}`);
  return daemonError('notFound', `No such container: ${reference}`);
}

export function isRunning(container: ContainerRecord): boolean {
  return container.status === 'running' || container.status === 'paused' || container.status === 'restarting';
}

// ---------------------------------------------------------------------------------------------------------------
// Create

function resolveCommand(spec: ContainerSpec): { entrypoint: string[] | null; cmd: string[] | null } {
  const config = spec.imageRecord.config;
  const entrypoint = spec.entrypoint !== undefined ? (spec.entrypoint === '' ? null : [spec.entrypoint]) : config.entrypoint;
  // An explicit --entrypoint drops the image's CMD, as Docker does.
  const cmd = spec.command.length > 0 ? spec.command : spec.entrypoint !== undefined ? null : config.cmd;
  return { entrypoint: entrypoint && entrypoint.length > 0 ? entrypoint : null, cmd: cmd && cmd.length > 0 ? cmd : null };
}

/** moby's `ValidateRestartPolicy`, with its words. */
export function validateRestartPolicy(policy: { name: string; maximumRetryCount: number }): string | null {
  switch (policy.name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      if (policy.maximumRetryCount !== 0) {
        let message = "invalid restart policy: maximum retry count can only be used with 'on-failure'";
        if (policy.maximumRetryCount < 0) message += ' and cannot be negative';
        return message;
      }
      return null;
    case 'on-failure':
      return policy.maximumRetryCount < 0 ? 'invalid restart policy: maximum retry count cannot be negative' : null;
    case '':
      return null;
    default:
      return `invalid restart policy: unknown policy '${policy.name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`;
  }
}

function validPortRange(port: number): boolean {
  return port >= 0 && port <= 65535;
}

/** What the daemon checks of a create request before it reserves a name (moby `verifyContainerSettings`). */
type VerifiedSettings = Pick<ContainerSpec, 'restartPolicy' | 'autoRemove' | 'memory' | 'portBindings' | 'networkMode' | 'healthcheck'>;

function verifySettings(state: MachineState, spec: VerifiedSettings): DaemonError | null {
  // The container config's checks come before the host config's.
  const healthError = validateHealthcheck(spec.healthcheck);
  if (healthError) return daemonError('invalid', healthError);
  const policyError = validateRestartPolicy(spec.restartPolicy);
  if (policyError) return daemonError('invalid', policyError);
  if (spec.autoRemove && spec.restartPolicy.name !== 'no' && spec.restartPolicy.name !== '') {
    return daemonError('invalid', "can't create 'AutoRemove' container with restart policy");
  }
  if (spec.memory !== 0 && spec.memory < MIN_MEMORY) return daemonError('invalid', 'Minimum memory limit allowed is 6MB');
  for (const binding of spec.portBindings) {
    if (!validPortRange(binding.hostPort)) return daemonError('invalid', `invalid port specification: "${binding.hostPort}"`);
  }
  const mode = spec.networkMode === '' || spec.networkMode === 'default' ? 'bridge' : spec.networkMode;
  if (!mode.startsWith('container:')) {
    const found = lookupNetwork(state, mode);
    if (!found.ok) return found;
  }
  return null;
}

/** The create request's settings checks, as a message (null when the settings pass). */
export function verifyContainerSettings(state: MachineState, spec: VerifiedSettings): string | null {
  return verifySettings(state, spec)?.message ?? null;
}

/** Warnings the daemon returns with a created container; the client prints each as `WARNING: …`. */
export function createWarnings(spec: ContainerSpec): string[] {
  const warnings: string[] = [];
  if (spec.networkMode === 'host' && (spec.portBindings.length > 0 || spec.publishAll)) {
    warnings.push('Published ports are discarded when using host network mode');
  }
  return warnings;
}

export function createContainer(state: MachineState, spec: ContainerSpec): DaemonResult<{ container: ContainerRecord }> {
  const invalid = verifySettings(state, spec);
  if (invalid) return invalid;
  if (spec.name !== undefined && spec.name !== '') {
    if (!VALID_NAME.test(spec.name)) {
      return daemonError('invalid', `Invalid container name (${spec.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const name = spec.name.replace(/^\//, '');
    const holder = state.containers.find((container) => container.name === name);
    if (holder) {
      return daemonError(
        'conflict',
        `Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
  }
  const { entrypoint, cmd } = resolveCommand(spec);
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) return daemonError('invalid', 'no command specified');
  const image = spec.imageRecord;
  const id = randomId(state);
  const name = spec.name ? spec.name.replace(/^\//, '') : generateContainerName(state);
  const exposed = [...image.config.exposedPorts];
  for (const port of [...(spec.expose ?? []), ...spec.portBindings.map((binding) => `${binding.containerPort}/${binding.protocol}`)]) {
    const normalised = port.includes('/') ? port : `${port}/tcp`;
    if (!exposed.includes(normalised)) exposed.push(normalised);
  }
  const networkMode = spec.networkMode === 'default' ? 'bridge' : spec.networkMode;
  const healthcheck = mergeHealthcheck(image.config.healthcheck, spec.healthcheck);
  const container: ContainerRecord = {
    id,
    name,
    image: spec.image,
    imageId: image.id,
    created: state.clock,
    seq: ++state.seq,
    status: 'created',
    exitCode: 0,
    startedAt: 0,
    finishedAt: 0,
    pid: 0,
    restartCount: 0,
    path: argv[0],
    args: argv.slice(1),
    config: {
      env: mergeEnv(image.config.env, spec.env),
      tty: spec.tty,
      openStdin: spec.openStdin,
      workingDir: spec.workingDir ?? image.config.workingDir,
      user: spec.user ?? image.config.user,
      hostname: spec.hostname ?? id.slice(0, 12),
      labels: { ...image.config.labels, ...spec.labels },
      exposedPorts: exposed,
      cmd,
      entrypoint,
      ...(spec.stopSignal ? { stopSignal: spec.stopSignal } : image.config.stopSignal ? { stopSignal: image.config.stopSignal } : {}),
      ...(spec.stopTimeout !== undefined ? { stopTimeout: spec.stopTimeout } : {}),
      ...(spec.attach ? { attachStdin: spec.attach.stdin, attachStdout: spec.attach.stdout, attachStderr: spec.attach.stderr } : {}),
      ...(healthcheck ? { healthcheck } : {}),
    },
    hostConfig: {
      portBindings: networkMode === 'host' ? [] : spec.portBindings,
      publishAll: spec.publishAll,
      mounts: spec.mounts.map((mount) => ({ ...mount })),
      autoRemove: spec.autoRemove,
      restartPolicy: {
        name: (spec.restartPolicy.name === '' ? 'no' : spec.restartPolicy.name) as RestartPolicy['name'],
        maximumRetryCount: spec.restartPolicy.maximumRetryCount,
      },
      networkMode,
      memory: spec.memory,
    },
    networks: {},
    logs: [],
    upper: {},
  };
  const networked = attachAtCreate(state, container, spec.networkAliases ?? []);
  if (!networked.ok) return networked;
  const volumes = prepareContainerVolumes(state, container.hostConfig.mounts, image, (path) => imageFilesUnder(image, path));
  if (!volumes.ok) return volumes;
  state.containers.push(container);
  return { ok: true, container };
}

/** Later entries win, keyed by variable name, like the daemon's env merge. */
function mergeEnv(base: string[], overrides: string[]): string[] {
  const merged = new Map<string, string>();
  for (const entry of [...base, ...overrides]) merged.set(entry.split('=')[0], entry);
  return [...merged.values()];
}

export function environmentOf(container: ContainerRecord): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of container.config.env) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  env.HOSTNAME = container.config.hostname;
  return env;
}

// ---------------------------------------------------------------------------------------------------------------
// The running process

export interface Attachment {
  out: Output;
  /** When the container has a TTY, both streams arrive on stdout with CRLF line ends. */
  tty: boolean;
  /**
   * The client's standard input is attached (`docker run -i`, `docker start -i`, `docker attach`): a shell
   * as the main process then reads what the learner types. Absent: attached when the container keeps stdin open.
   */
  interactive?: boolean;
  /** What the client pipes into the process (`echo ls | docker run -i alpine sh`); absent for the terminal. */
  stdin?: string;
}

export function programRuntime(state: MachineState, container: ContainerRecord, attachment?: Attachment): ProgramRuntime {
  return {
    state,
    container,
    argv: [container.path, ...container.args],
    env: environmentOf(container),
    emit(stream, text) {
      const shown = container.config.tty ? text.replace(/\r?\n/g, '\r\n') : text;
      const logStream = container.config.tty ? 'stdout' : stream;
      container.logs.push({ stream: logStream, text: shown, time: state.clock });
      if (attachment) attachment.out.write(logStream, shown);
    },
    wait(ms) {
      if (attachment) attachment.out.wait(ms);
      else state.clock += ms;
    },
    attached: attachment !== undefined,
    stdin: attachment?.stdin,
    interactiveClient: attachment !== undefined && attachment.stdin === undefined && (attachment.interactive ?? container.config.openStdin),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Ports and networks

function sameFamily(a: string, b: string): boolean {
  return a.includes(':') === b.includes(':');
}

/** Whether two host addresses overlap: a wildcard covers its whole family. */
function overlaps(a: string, b: string): boolean {
  if (!sameFamily(a, b)) return false;
  const wildcard = (ip: string) => ip === '0.0.0.0' || ip === '::';
  return wildcard(a) || wildcard(b) || a === b;
}

/** The bindings a start asks for: `-p 80` and `-P` get an ephemeral host port, an empty address both families. */
function requestedBindings(container: ContainerRecord): PortBinding[] {
  const requested = [...container.hostConfig.portBindings];
  if (container.hostConfig.publishAll) {
    for (const port of container.config.exposedPorts) {
      const [number, protocol = 'tcp'] = port.split('/');
      const containerPort = Number(number);
      if (requested.some((binding) => binding.containerPort === containerPort && binding.protocol === protocol)) continue;
      requested.push({ hostIp: '', hostPort: 0, containerPort, protocol: protocol as PortBinding['protocol'] });
    }
  }
  return requested;
}

function boundPorts(state: MachineState, except: ContainerRecord): PortBinding[] {
  return state.containers.flatMap((container) => (container === except ? [] : (container.ports ?? [])));
}

function portTaken(taken: PortBinding[], hostIp: string, hostPort: number, protocol: string): boolean {
  return taken.some((binding) => binding.hostPort === hostPort && binding.protocol === protocol && overlaps(binding.hostIp, hostIp));
}

function nextEphemeralPort(state: MachineState, taken: PortBinding[], addresses: string[], protocol: string): number | null {
  let candidate = state.lastEphemeralPort ?? EPHEMERAL_PORT_FIRST - 1;
  for (let tries = 0; tries <= EPHEMERAL_PORT_LAST - EPHEMERAL_PORT_FIRST; tries++) {
    candidate = candidate >= EPHEMERAL_PORT_LAST ? EPHEMERAL_PORT_FIRST : candidate + 1;
    if (addresses.every((ip) => !portTaken(taken, ip, candidate, protocol))) {
      state.lastEphemeralPort = candidate;
      return candidate;
    }
  }
  return null;
}

/**
 * Binds the container's published ports (Docker 28 binds an unspecified address on 0.0.0.0 and [::] with the
 * same port). A port another container holds fails the start with libnetwork's words.
 */
function bindPorts(state: MachineState, container: ContainerRecord): DaemonResult<{ ports: PortBinding[] }> {
  const taken = boundPorts(state, container);
  const ports: PortBinding[] = [];
  for (const request of requestedBindings(container)) {
    const addresses = request.hostIp === '' ? ['0.0.0.0', '::'] : [request.hostIp];
    let hostPort = request.hostPort;
    if (hostPort === 0) {
      const found = nextEphemeralPort(state, [...taken, ...ports], addresses, request.protocol);
      if (found === null) return daemonError('system', 'failed to set up container networking: no available ports');
      hostPort = found;
    }
    for (const hostIp of addresses) {
      if (portTaken([...taken, ...ports], hostIp, hostPort, request.protocol)) {
        const shown = hostIp.includes(':') ? `[${hostIp}]` : hostIp;
        return daemonError(
          'system',
          `failed to set up container networking: driver failed programming external connectivity on endpoint ${container.name} (${randomId(state)}): Bind for ${shown}:${hostPort} failed: port is already allocated`,
        );
      }
      ports.push({ hostIp, hostPort, containerPort: request.containerPort, protocol: request.protocol });
    }
  }
  return { ok: true, ports };
}

function releaseEndpoints(container: ContainerRecord): void {
  releaseOnStop(container);
  delete container.ports;
}

// ---------------------------------------------------------------------------------------------------------------
// Start

export interface StartOptions {
  attachment?: Attachment;
  /** Where the start's own time passes (runc, networking) when nothing is attached. */
  out?: Output;
}

/** How a start failed, beyond the message: runc's exit code for a command that cannot run. */
export type StartResult = DaemonResult<{ container: ContainerRecord }>;

/**
 * The outcome a program returns when its command cannot be executed in the image (runc fails before the
 * process exists). Checked structurally so programs can add it without the daemon depending on them.
 */
interface ExecFailure {
  execError: string;
}

function isExecFailure(outcome: unknown): outcome is ExecFailure {
  return typeof outcome === 'object' && outcome !== null && typeof (outcome as ExecFailure).execError === 'string';
}

/** runc's message for a command that cannot start, and the exit code moby derives from it. */
export function ociStartError(detail: string): { message: string; exitCode: number } {
  const message = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`;
  const lower = detail.toLowerCase();
  let exitCode = 128;
  if (lower.includes('executable file not found') || lower.includes('no such file or directory')) exitCode = 127;
  if (lower.includes('permission denied') || lower.includes('is a directory')) exitCode = 126;
  return { message, exitCode };
}

/**
 * Starts a created or exited container: binds its ports, joins its networks and runs the image's program until
 * it exits or settles into running. A failure leaves the container as it was, with State.Error set.
 */
export function startContainer(state: MachineState, container: ContainerRecord, attachmentOrOptions?: Attachment | StartOptions): StartResult {
  const options: StartOptions = attachmentOrOptions && 'tty' in attachmentOrOptions ? { attachment: attachmentOrOptions } : (attachmentOrOptions ?? {});
  if (container.status === 'paused') return daemonError('conflict', 'cannot start a paused container, try unpause instead');
  if (container.status === 'running') return { ok: true, container };
  if (container.status === 'removing' || container.status === 'dead') {
    return daemonError('conflict', 'container is marked for removal and cannot be started');
  }
  const out = options.attachment?.out ?? options.out;
  const bound = bindPorts(state, container);
  if (!bound.ok) return failStart(state, container, bound.message, 128);
  container.pendingRestart = undefined;
  letTimePass(state, out, START_TIME);
  return runProgram(state, container, bound.ports, options.attachment);
}

function failStart(state: MachineState, container: ContainerRecord, message: string, exitCode: number): StartResult {
  container.error = message;
  if (container.exitCode === 0) container.exitCode = exitCode;
  if (container.hostConfig.autoRemove) removeContainerRecord(state, container, true);
  return daemonError('system', message);
}

function runProgram(state: MachineState, container: ContainerRecord, ports: PortBinding[], attachment?: Attachment): StartResult {
  const program = programFor(state, container);
  const wasStatus = container.status;
  container.status = 'running';
  container.startedAt = state.clock;
  container.finishedAt = 0;
  container.exitCode = 0;
  container.error = undefined;
  container.scheduledExit = undefined;
  container.pid = 1000 + (state.seq++ % 30000);
  if (ports.length > 0) container.ports = ports;
  const networked = connectOnStart(state, container);
  if (!networked.ok) {
    container.status = wasStatus === 'restarting' ? 'exited' : wasStatus;
    container.pid = 0;
    releaseEndpoints(container);
    return failStart(state, container, networked.message, 128);
  }
  const runtime = programRuntime(state, container, attachment);
  const outcome: unknown = program.start(runtime);
  if (isExecFailure(outcome)) {
    const { message, exitCode } = ociStartError(outcome.execError);
    container.status = wasStatus === 'restarting' ? 'exited' : wasStatus;
    container.startedAt = wasStatus === 'created' ? 0 : container.startedAt;
    container.pid = 0;
    releaseEndpoints(container);
    container.exitCode = 0;
    return failStart(state, container, message, exitCode);
  }
  initHealthMonitor(state, container);
  const ended = outcome as { exited?: number; exitsAfter?: number; running?: boolean };
  if (typeof ended.exited === 'number') {
    processExited(state, container, ended.exited);
  } else if (typeof ended.exitsAfter === 'number') {
    container.scheduledExit = { at: state.clock + ended.exitsAfter, exitCode: 0 };
  }
  return { ok: true, container };
}

// ---------------------------------------------------------------------------------------------------------------
// Exit, restart policies and the passage of time

/**
 * The main process ended with `exitCode`: the daemon releases the container's ports and endpoints, then its
 * restart policy decides (moby `handleContainerExit` and the restart manager).
 */
export function processExited(state: MachineState, container: ContainerRecord, exitCode: number, exitOnNext = false): void {
  const ranFor = state.clock - container.startedAt;
  stopHealthMonitor(container);
  container.exitCode = exitCode;
  container.finishedAt = state.clock;
  container.pid = 0;
  container.scheduledExit = undefined;
  releaseEndpoints(container);
  const policy = container.hostConfig.restartPolicy;
  let backoff = ranFor >= RESTART_RESET_AFTER ? 0 : (container.restartBackoff ?? 0);
  backoff = backoff === 0 ? RESTART_FIRST_DELAY : Math.min(backoff * 2, RESTART_MAX_DELAY);
  let restart = false;
  if (!exitOnNext) {
    if (policy.name === 'always') restart = true;
    else if (policy.name === 'unless-stopped') restart = !container.manuallyStopped;
    else if (policy.name === 'on-failure') {
      const max = policy.maximumRetryCount;
      restart = (max === 0 || container.restartCount < max) && exitCode !== 0;
    }
  }
  if (policy.name !== 'no') container.restartBackoff = backoff;
  if (restart) {
    container.restartCount++;
    container.status = 'restarting';
    container.pendingRestart = { at: state.clock + backoff, delay: backoff };
    return;
  }
  container.status = 'exited';
  container.pendingRestart = undefined;
  if (container.hostConfig.autoRemove) removeContainerRecord(state, container, true);
}

/** Kept for callers of the first engine: the process ended, with no restart policy question asked. */
export function finishContainer(state: MachineState, container: ContainerRecord, exitCode: number): void {
  processExited(state, container, exitCode);
}

/**
 * Brings every container up to the current virtual time: processes that end on their own end, and restart
 * policies restart what they scheduled, each at the moment it would have happened.
 */
export function reconcileContainers(state: MachineState): void {
  const now = state.clock;
  for (let guard = 0; guard < 10_000; guard++) {
    let next: { container: ContainerRecord; at: number; kind: 'exit' | 'restart' | 'probe' } | undefined;
    let nextLifecycle = now;
    for (const container of state.containers) {
      const exitAt = container.status === 'running' ? container.scheduledExit?.at : undefined;
      const restartAt = container.status === 'restarting' ? container.pendingRestart?.at : undefined;
      if (exitAt !== undefined && exitAt <= now && (!next || exitAt < next.at)) next = { container, at: exitAt, kind: 'exit' };
      if (restartAt !== undefined && restartAt <= now && (!next || restartAt < next.at)) next = { container, at: restartAt, kind: 'restart' };
      for (const at of [exitAt, restartAt]) if (at !== undefined && at < nextLifecycle) nextLifecycle = at;
    }
    // Health probes run between those events; a settled monitor skips ahead to its last few before the next one.
    for (const container of state.containers) {
      skipSettledProbes(container, nextLifecycle);
      const probeAt = nextProbeTime(container);
      if (probeAt !== undefined && probeAt <= now && (!next || probeAt < next.at)) next = { container, at: probeAt, kind: 'probe' };
    }
    if (!next) break;
    // Each event happens at its own moment, so logs and timestamps carry the time it would have had.
    state.clock = next.at;
    if (next.kind === 'exit') processExited(state, next.container, next.container.scheduledExit?.exitCode ?? 0);
    else if (next.kind === 'restart') restartByPolicy(state, next.container);
    else probeHealth(state, next.container);
  }
  state.clock = now;
}

/**
 * An attached client waits for the process to end on its own (`docker run alpine sleep 5`): virtual time passes
 * on `out` until then. False when nothing ends it (a server), so the client waits for Ctrl+C instead.
 */
export function waitForScheduledExit(state: MachineState, container: ContainerRecord, out: Output): boolean {
  if (container.status !== 'running' || !container.scheduledExit) return !isRunning(container);
  out.wait(Math.max(0, container.scheduledExit.at - state.clock));
  reconcileContainers(state);
  // The exit may have made it restart (a policy): the client saw its process end all the same.
  const status = container.status as ContainerRecord['status'];
  return !isRunning(container) || status === 'restarting';
}

function restartByPolicy(state: MachineState, container: ContainerRecord): void {
  container.pendingRestart = undefined;
  const bound = bindPorts(state, container);
  if (!bound.ok) {
    container.status = 'exited';
    container.error = bound.message;
    return;
  }
  const result = runProgram(state, container, bound.ports);
  if (!result.ok && container.status === 'restarting') container.status = 'exited';
}

// ---------------------------------------------------------------------------------------------------------------
// Signals, stop, kill

const SIGNAL_NUMBERS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, IOT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12,
  PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22,
  URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, POLL: 29, PWR: 30, SYS: 31, RTMIN: 34, RTMAX: 64,
};

const SIGNAL_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(SIGNAL_NUMBERS)
    .filter(([name]) => !['IOT', 'CLD', 'POLL'].includes(name))
    .map(([name, number]) => [number, `SIG${name}`]),
);

/** moby/sys/signal `ParseSignal`: a number, or a name with or without `SIG`, any case. */
export function parseSignal(text: string): { ok: true; number: number; name: string } | { ok: false; message: string } {
  if (/^\d+$/.test(text)) {
    const number = Number(text);
    if (number === 0 || number > 64) return { ok: false, message: `Invalid signal: ${text}` };
    return { ok: true, number, name: SIGNAL_NAMES[number] ?? `SIGRTMIN+${number - 34}` };
  }
  const upper = text.toUpperCase().replace(/^SIG/, '');
  const rt = /^RTMIN\+(\d+)$/.exec(upper) ?? /^RTMAX-(\d+)$/.exec(upper);
  if (rt) {
    const number = upper.startsWith('RTMIN') ? 34 + Number(rt[1]) : 64 - Number(rt[1]);
    if (number >= 34 && number <= 64) return { ok: true, number, name: `SIG${upper}` };
  }
  const number = SIGNAL_NUMBERS[upper];
  if (number === undefined) return { ok: false, message: `Invalid signal: ${text}` };
  return { ok: true, number, name: SIGNAL_NAMES[number] };
}

type HandledSignal = 'SIGTERM' | 'SIGINT' | 'SIGKILL' | 'SIGQUIT';

/**
 * Delivers a signal to the main process. Returns the exit code if the process ended, or null if it carries on
 * (a signal it ignores, as PID 1 without a handler ignores SIGTERM).
 */
function deliverSignal(state: MachineState, container: ContainerRecord, signal: string, attachment?: Attachment): number | null {
  if (signal === 'SIGKILL') return 137;
  const program = programFor(state, container);
  if (!['SIGTERM', 'SIGINT', 'SIGQUIT'].includes(signal) || !program.stop) return null;
  const code = program.stop(programRuntime(state, container, attachment), signal as HandledSignal);
  // A negative answer is a program saying it ignores the signal.
  return code < 0 ? null : code;
}

export function stopSignalOf(container: ContainerRecord): string {
  const configured = container.config.stopSignal;
  if (!configured) return 'SIGTERM';
  const parsed = parseSignal(configured);
  return parsed.ok ? parsed.name : 'SIGTERM';
}

export interface StopOptions {
  /** A signal name or number (`docker stop -s`); the container's stop signal when absent. */
  signal?: string;
  /** Seconds; -1 waits for ever. The container's stop timeout, else 10, when absent. */
  timeout?: number;
  attachment?: Attachment;
  /** Where the time stopping takes passes (`docker stop` waits for it). */
  out?: Output;
}

/**
 * `docker stop`: the stop signal, then SIGKILL once the timeout has passed. A stopped container is left as it
 * is. The restart policy does not bring the container back (moby's ExitOnNext).
 */
export function stopContainerGracefully(state: MachineState, container: ContainerRecord, options: StopOptions = {}): DaemonResult<{}> {
  // A stopped container is answered "not modified" before the signal is even read.
  if (!isRunning(container)) return { ok: true };
  const parsed = parseSignal(options.signal ?? stopSignalOf(container));
  if (!parsed.ok) return daemonError('invalid', parsed.message);
  container.manuallyStopped = true;
  // containerStop ends the health monitor before it signals the process.
  stopHealthMonitor(container);
  if (container.status === 'restarting') {
    container.status = 'exited';
    container.pendingRestart = undefined;
    if (container.hostConfig.autoRemove) removeContainerRecord(state, container, true);
    return { ok: true };
  }
  const out = options.attachment?.out ?? options.out;
  if (container.status === 'paused') container.status = 'running';
  const timeout = options.timeout ?? container.config.stopTimeout ?? DEFAULT_STOP_TIMEOUT;
  const code = deliverSignal(state, container, parsed.name, options.attachment);
  if (code !== null) {
    letTimePass(state, out, SIGNAL_HANDLING_TIME);
    processExited(state, container, code, true);
    return { ok: true };
  }
  // The process ignored the signal: the daemon waits out the timeout, then kills it.
  if (timeout < 0) return { ok: true };
  letTimePass(state, out, timeout * 1000);
  processExited(state, container, 137, true);
  return { ok: true };
}

/** Sends a stop signal to a running container's process and records how it ended (attached runs, Ctrl+C). */
export function stopContainer(state: MachineState, container: ContainerRecord, signal: HandledSignal, attachment?: Attachment): void {
  if (!isRunning(container)) return;
  const code = deliverSignal(state, container, signal, attachment);
  if (code === null) return;
  processExited(state, container, code, signal !== 'SIGKILL');
}

/** `docker kill`: SIGKILL unless told otherwise; the restart policy still applies (only `docker stop` suspends it). */
export function killContainer(state: MachineState, container: ContainerRecord, signal = 'SIGKILL', out?: Output): DaemonResult<{}> {
  const parsed = parseSignal(signal);
  if (!parsed.ok) return daemonError('invalid', parsed.message);
  if (!isRunning(container)) return daemonError('conflict', `container ${container.id} is not running`);
  container.manuallyStopped = true;
  if (container.status === 'restarting') {
    container.status = 'exited';
    container.pendingRestart = undefined;
    return { ok: true };
  }
  const stopSignal = stopSignalOf(container);
  if (container.status === 'paused' && parsed.name === 'SIGKILL') container.status = 'running';
  const code = deliverSignal(state, container, parsed.name);
  if (code === null) return { ok: true };
  letTimePass(state, out, parsed.name === 'SIGKILL' ? 40 : SIGNAL_HANDLING_TIME);
  processExited(state, container, code, parsed.name === stopSignal);
  return { ok: true };
}

/** `docker restart`: stop (with the timeout) if running, then start. */
export function restartContainer(state: MachineState, container: ContainerRecord, options: StopOptions = {}): StartResult {
  if (options.signal !== undefined) {
    const parsed = parseSignal(options.signal);
    if (!parsed.ok) return daemonError('invalid', parsed.message);
  }
  if (isRunning(container)) {
    const stopped = stopContainerGracefully(state, container, options);
    if (!stopped.ok) return stopped;
  }
  if (!state.containers.includes(container)) return daemonError('notFound', `No such container: ${container.id}`);
  const started = startContainer(state, container, { out: options.out });
  if (started.ok) container.manuallyStopped = false;
  return started;
}

export function pauseContainer(state: MachineState, container: ContainerRecord): DaemonResult<{}> {
  if (container.status === 'paused') return daemonError('conflict', `Container ${container.id} is already paused`);
  if (container.status === 'restarting') {
    return daemonError('conflict', `Container ${container.id} is restarting, wait until the container is running`);
  }
  if (container.status !== 'running') return daemonError('conflict', `container ${container.id} is not running`);
  container.status = 'paused';
  // A paused container's health monitor stops, as it does on a stop.
  stopHealthMonitor(container);
  void state;
  return { ok: true };
}

export function unpauseContainer(state: MachineState, container: ContainerRecord): DaemonResult<{}> {
  if (!isRunning(container)) return daemonError('conflict', `container ${container.id} is not running`);
  if (container.status !== 'paused') return daemonError('conflict', `Container ${container.id} is not paused`);
  container.status = 'running';
  resumeHealthMonitor(state, container);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Rename, remove, prune

export function renameContainer(state: MachineState, reference: string, newName: string): DaemonResult<{}> {
  const found = lookupContainer(state, reference);
  if (!found.ok) return found;
  const { container } = found;
  const wanted = newName.replace(/^\//, '');
  if (wanted === container.name) return daemonError('invalid', 'Renaming a container with the same name as its current name');
  if (!VALID_NAME.test(newName)) {
    return daemonError('invalid', `Error when allocating new name: Invalid container name (/${wanted}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  const holder = state.containers.find((candidate) => candidate.name === wanted);
  if (holder) {
    return daemonError(
      'conflict',
      `Error when allocating new name: Conflict. The container name "/${wanted}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }
  container.name = wanted;
  return { ok: true };
}

/** Removes the record, and with `removeAnonymousVolumes` the anonymous volumes only it mounted (`--rm`, `rm -v`). */
export function removeContainerRecord(state: MachineState, container: ContainerRecord, removeAnonymousVolumes = false): void {
  releaseContainerVolumes(state, container, removeAnonymousVolumes);
  state.containers = state.containers.filter((candidate) => candidate !== container);
}

export interface RemoveOptions {
  force?: boolean;
  volumes?: boolean;
  out?: Output;
}

/** `docker rm`: refuses a running container unless forced (SIGKILL first), then forgets it; errors name `reference`. */
export function removeContainer(state: MachineState, reference: string, options: RemoveOptions = {}): DaemonResult<{ container: ContainerRecord }> {
  const found = lookupContainer(state, reference);
  if (!found.ok) return found;
  const { container } = found;
  if (isRunning(container)) {
    if (!options.force) {
      const detail =
        container.status === 'paused'
          ? 'container is paused and must be unpaused first'
          : `container is ${container.status}: stop the container before removing or force remove`;
      return daemonError('conflict', `cannot remove container "${reference}": ${detail}`);
    }
    container.manuallyStopped = true;
    if (container.status === 'restarting') container.status = 'exited';
    else {
      letTimePass(state, options.out, 40);
      processExited(state, container, 137, true);
    }
    void REMOVE_STOP_TIMEOUT;
  }
  removeContainerRecord(state, container, options.volumes === true);
  return { ok: true, container };
}

/** `docker container prune`: every stopped container goes; returns their ids and the space their layers held. */
export function pruneContainers(state: MachineState, keep: (container: ContainerRecord) => boolean = () => false): { ids: string[]; reclaimed: number } {
  const doomed = state.containers.filter((container) => (container.status === 'exited' || container.status === 'created' || container.status === 'dead') && !keep(container));
  let reclaimed = 0;
  for (const container of doomed) {
    reclaimed += writableLayerSize(container);
    removeContainerRecord(state, container);
  }
  return { ids: doomed.map((container) => container.id), reclaimed };
}

/** Bytes in the container's writable layer, as `docker ps -s` counts them. */
export function writableLayerSize(container: ContainerRecord): number {
  let size = 0;
  for (const node of Object.values(container.upper)) {
    if (node && node.type === 'file') size += new TextEncoder().encode(node.content).length;
    else if (node && node.type === 'symlink') size += node.target.length;
  }
  return size;
}
