// Container lifecycle in the simulated daemon: create, start (running the image's program), stop, remove.

import { programFor } from '../programs/index.ts';
import type { ProgramRuntime } from '../programs/program.ts';
import { randomId } from '../state/random.ts';
import { generateContainerName } from '../state/names.ts';
import type { ContainerRecord, ImageRecord, MachineState, MountRecord, PortBinding } from '../state/machine-state.ts';
import type { Output } from '../exec/context.ts';
import { daemonError, type DaemonResult } from './errors.ts';

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

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
  restartPolicy: ContainerRecord['hostConfig']['restartPolicy'];
  networkMode: string;
  memory: number;
  labels: Record<string, string>;
  hostname?: string;
}

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

function resolveCommand(spec: ContainerSpec): string[] {
  const config = spec.imageRecord.config;
  const entrypoint = spec.entrypoint !== undefined ? (spec.entrypoint === '' ? [] : [spec.entrypoint]) : (config.entrypoint ?? []);
  // An explicit --entrypoint drops the image's CMD, as Docker does.
  const cmd = spec.command.length > 0 ? spec.command : spec.entrypoint !== undefined ? [] : (config.cmd ?? []);
  return [...entrypoint, ...cmd];
}

export function createContainer(state: MachineState, spec: ContainerSpec): DaemonResult<{ container: ContainerRecord }> {
  if (spec.name !== undefined) {
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
  const argv = resolveCommand(spec);
  if (argv.length === 0) return daemonError('invalid', 'no command specified');
  const image = spec.imageRecord;
  const id = randomId(state);
  const name = spec.name?.replace(/^\//, '') ?? generateContainerName(state);
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
      exposedPorts: [...image.config.exposedPorts],
    },
    hostConfig: {
      portBindings: spec.portBindings,
      publishAll: spec.publishAll,
      mounts: spec.mounts,
      autoRemove: spec.autoRemove,
      restartPolicy: spec.restartPolicy,
      networkMode: spec.networkMode,
      memory: spec.memory,
    },
    networks: {},
    logs: [],
    upper: {},
  };
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

export interface Attachment {
  out: Output;
  /** When the container has a TTY, both streams arrive on stdout with CRLF line ends. */
  tty: boolean;
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
  };
}

/** Starts a created or exited container; its program runs until it exits or settles into running. */
export function startContainer(state: MachineState, container: ContainerRecord, attachment?: Attachment): void {
  const program = programFor(state, container);
  container.status = 'running';
  container.startedAt = state.clock;
  container.finishedAt = 0;
  container.exitCode = 0;
  container.pid = 1000 + (state.seq++ % 30000);
  const runtime = programRuntime(state, container, attachment);
  const outcome = program.start(runtime);
  if ('exited' in outcome) finishContainer(state, container, outcome.exited);
}

/** Sends a stop signal to a running container's process and records how it ended. */
export function stopContainer(
  state: MachineState,
  container: ContainerRecord,
  signal: 'SIGTERM' | 'SIGINT' | 'SIGKILL' | 'SIGQUIT',
  attachment?: Attachment,
): void {
  if (container.status !== 'running' && container.status !== 'paused' && container.status !== 'restarting') return;
  const program = programFor(state, container);
  const runtime = programRuntime(state, container, attachment);
  const exitCode = program.stop ? program.stop(runtime, signal) : signal === 'SIGKILL' ? 137 : 143;
  finishContainer(state, container, exitCode);
}

export function finishContainer(state: MachineState, container: ContainerRecord, exitCode: number): void {
  container.status = 'exited';
  container.exitCode = exitCode;
  container.finishedAt = state.clock;
  container.pid = 0;
  if (container.hostConfig.autoRemove) removeContainerRecord(state, container);
}

export function removeContainerRecord(state: MachineState, container: ContainerRecord): void {
  state.containers = state.containers.filter((candidate) => candidate !== container);
}
