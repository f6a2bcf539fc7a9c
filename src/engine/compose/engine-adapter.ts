// The ComposeEngine over the simulated daemon: what each step of a compose plan does to the machine.
//
// Time: a step moves the machine's clock as the daemon work takes it, without writing output; the progress
// display then replays that time on the terminal (see `showPieces`). A build is the exception: BuildKit's
// own output is written as it happens, with its delays.

import { readBuildContext, commitBuild } from '../builder/context.ts';
import { baseImageLookup } from '../builder/base-images.ts';
import { emptyBuildCache, runBuild, type ProgressMode } from '../builder/build.ts';
import {
  createContainer,
  isRunning,
  lookupContainer,
  reconcileContainers,
  removeContainerRecord,
  startContainer,
  stopContainerGracefully,
  type ContainerSpec,
} from '../daemon/containers.ts';
import { findImageByTag } from '../daemon/images.ts';
import { connectNetwork, createNetwork, removeNetwork } from '../daemon/networks.ts';
import { pullImage } from '../daemon/pull.ts';
import { createVolume, removeVolume } from '../daemon/volumes.ts';
import { Output, type CommandContext } from '../exec/context.ts';
import { lookupImage } from '../registry/hub.ts';
import { parseReference } from '../registry/reference.ts';
import { isFsError, resolvePath } from '../shell/vfs.ts';
import type { ContainerRecord, HealthcheckConfig, ImageRecord, MountRecord, PortBinding } from '../state/machine-state.ts';
import type { ComposeEngine, PulledLayer, StepResult } from './apply.ts';
import { containerLabels, containerName, LABEL, networkLabels, serviceImageName, volumeLabels } from './labels.ts';
import { findService, type ComposeProject, type ComposeService } from './model.ts';

/** How long the daemon takes for the quick steps (virtual ms), as Compose's timers show them. */
export const STEP_TIME = {
  createNetwork: 110,
  createVolume: 10,
  createContainer: 70,
  removeContainer: 60,
  removeNetwork: 180,
  removeVolume: 10,
  removeImage: 20,
} as const;

/** Compose asks the daemon about a dependency it waits for every 500 ms (waitDependencies' ticker). */
const DEPENDENCY_POLL = 500;
/** A wait longer than this (virtual hours) would never end in real Compose either; the simulation gives up. */
const DEPENDENCY_POLL_LIMIT = 7200;

const SOLVE_FAILURE = 'ERROR: failed to solve: ';

/** BuildKit's notice before Compose 2.36 builds without bake (docker/compose pkg/compose/build.go). */
export const BAKE_HINT = 'Compose can now delegate builds to bake for better performance.\n To do so, set COMPOSE_BAKE=true.\n';

export interface AdapterOptions {
  /** `--no-cache` and `--pull` of `build`/`up --build`. */
  noCache?: boolean;
  pullBase?: boolean;
  /** BuildKit's display: `auto` follows the terminal. */
  buildProgress?: ProgressMode;
  /** `--timeout` of stop/down/restart, seconds. */
  stopTimeout?: number;
  /** Lines a step wants shown once its block is drawn (a recreated container's notes…). */
  rows?: number;
}

function elapsedSince(ctx: CommandContext, start: number, planned: number): number {
  const spent = ctx.state.clock - start;
  if (spent < planned) ctx.state.clock += planned - spent;
  return Math.max(spent, planned);
}

/** compose-go port → the daemon's bindings; a range publishes one binding per port. */
export function portBindings(service: ComposeService): PortBinding[] {
  const bindings: PortBinding[] = [];
  for (const port of service.ports) {
    if (port.published === undefined) {
      bindings.push({ hostIp: port.hostIp ?? '', hostPort: 0, containerPort: port.target, protocol: port.protocol });
      continue;
    }
    const [first, last] = port.published.split('-').map(Number);
    const count = last === undefined ? 1 : last - first + 1;
    for (let index = 0; index < count; index++) {
      bindings.push({ hostIp: port.hostIp ?? '', hostPort: first + index, containerPort: port.target + (count > 1 ? index : 0), protocol: port.protocol });
    }
  }
  return bindings;
}

/** `ToMobyHealthCheck`: the service's healthcheck as the container config holds it (`disable` makes it NONE). */
export function mobyHealthcheck(service: ComposeService): HealthcheckConfig | undefined {
  const check = service.healthcheck;
  if (!check) return undefined;
  const config: HealthcheckConfig = { test: check.disable ? ['NONE'] : [...check.test] };
  const durations = { interval: check.interval, timeout: check.timeout, startPeriod: check.startPeriod, startInterval: check.startInterval };
  for (const [field, text] of Object.entries(durations) as [keyof typeof durations, string | undefined][]) {
    const ns = durationMs(text, 0) * 1_000_000;
    if (ns !== 0) config[field] = ns;
  }
  if (check.retries) config.retries = check.retries;
  return config;
}

function restartPolicy(text: string | undefined): ContainerSpec['restartPolicy'] {
  if (!text) return { name: 'no', maximumRetryCount: 0 };
  const [name, retries] = text.split(':');
  return { name, maximumRetryCount: Number(retries ?? 0) || 0 };
}

/** The network the container is created on (NetworkMode), then the others it joins before it starts. */
function serviceNetworks(project: ComposeProject, service: ComposeService): { mode: string; keys: string[] } {
  if (service.networkMode !== undefined) return { mode: service.networkMode, keys: [] };
  const keys = Object.keys(service.networks).sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a < b ? -1 : 1));
  if (keys.length === 0) return { mode: 'none', keys: [] };
  return { mode: project.networks[keys[0]].name, keys };
}

/** What `docker compose run` changes in a one-off container: its command, environment and the rest. */
export interface OneOffOverrides {
  command?: string[];
  entrypoint?: string[];
  env?: string[];
  labels?: Record<string, string>;
  /** `--service-ports`: publish the service's ports (a one-off publishes none by default). */
  servicePorts?: boolean;
  user?: string;
  workingDir?: string;
  tty?: boolean;
  openStdin?: boolean;
  autoRemove?: boolean;
  /** Endpoint aliases: a one-off answers to its container name only. */
  noServiceAlias?: boolean;
}

function mountsOf(ctx: CommandContext, project: ComposeProject, service: ComposeService): MountRecord[] | string {
  const mounts: MountRecord[] = [];
  for (const volume of service.volumes) {
    if (volume.type === 'bind') {
      const source = volume.source ?? '';
      if (volume.createHostPath && ctx.fs && isFsError(ctx.fs.stat(source))) {
        // The short syntax creates a missing host folder, as docker-compose v1 did (`- .. :/app` makes `.. `).
        const made = ctx.fs.mkdir(source, { parents: true });
        if (made) return `mkdir ${source}: permission denied`;
      }
      mounts.push({ type: 'bind', source, destination: volume.target, readOnly: volume.readOnly });
    } else if (volume.type === 'volume') {
      const source = volume.source === undefined ? '' : project.volumes[volume.source].name;
      mounts.push({ type: 'volume', source, destination: volume.target, readOnly: volume.readOnly, ...(volume.nocopy ? { noCopy: true } : {}) });
    } else {
      mounts.push({ type: 'tmpfs', source: '', destination: volume.target, readOnly: volume.readOnly });
    }
  }
  return mounts;
}

/** Creates a service's container as Compose asks the daemon to: labels, mounts, ports, and the aliases it joins with. */
export function createServiceContainer(
  ctx: CommandContext,
  project: ComposeProject,
  service: ComposeService,
  name: string,
  number: number,
  overrides: OneOffOverrides = {},
): { ok: true; container: ContainerRecord } | { ok: false; message: string } {
  const { state } = ctx;
  const imageName = serviceImageName(project, service);
  const image: ImageRecord | undefined = findImageByTag(state, imageName);
  if (!image) return { ok: false, message: `Error response from daemon: No such image: ${imageName}` };
  const mounts = mountsOf(ctx, project, service);
  if (typeof mounts === 'string') return { ok: false, message: mounts };
  const networks = serviceNetworks(project, service);
  const environment = Object.entries(service.environment).flatMap(([key, value]) => (value === null ? [] : [`${key}=${value}`]));
  const entrypoint = overrides.entrypoint ?? service.entrypoint;
  const command = overrides.command && overrides.command.length > 0 ? overrides.command : service.command;
  const oneOff = overrides.labels !== undefined;
  const spec: ContainerSpec = {
    image: imageName,
    imageRecord: image,
    name,
    command: [...(entrypoint ? entrypoint.slice(1) : []), ...(command ?? [])],
    ...(entrypoint ? { entrypoint: entrypoint[0] ?? '' } : {}),
    env: [...environment, ...(overrides.env ?? [])],
    tty: overrides.tty ?? service.tty,
    openStdin: overrides.openStdin ?? service.stdinOpen,
    ...(overrides.workingDir ?? service.workingDir ? { workingDir: overrides.workingDir ?? service.workingDir } : {}),
    ...(overrides.user ?? service.user ? { user: overrides.user ?? service.user } : {}),
    portBindings: !oneOff || overrides.servicePorts ? portBindings(service) : [],
    publishAll: false,
    mounts,
    autoRemove: overrides.autoRemove ?? false,
    restartPolicy: oneOff ? { name: 'no', maximumRetryCount: 0 } : restartPolicy(service.restart),
    networkMode: networks.mode,
    memory: 0,
    labels: { ...containerLabels(project, service, number, image.id, service.envFiles.map((file) => file.path)), ...(overrides.labels ?? {}) },
    ...(service.hostname ? { hostname: service.hostname } : {}),
    expose: service.expose,
    ...(service.stopSignal ? { stopSignal: service.stopSignal } : {}),
    ...(service.healthcheck ? { healthcheck: mobyHealthcheck(service) } : {}),
  };
  const created = createContainer(state, spec);
  if (!created.ok) return { ok: false, message: `Error response from daemon: ${created.message}` };
  const record = created.container;
  if (entrypoint) {
    record.config.entrypoint = entrypoint.length > 0 ? [...entrypoint] : null;
    record.config.cmd = command ? [...command] : null;
  }
  // Compose names every endpoint after the container and the service, so `db` finds the database.
  for (const key of networks.keys) {
    const network = project.networks[key];
    const aliases = overrides.noServiceAlias ? [name] : [name, service.name, ...(service.networks[key]?.aliases ?? [])];
    if (record.networks[network.name]) record.networks[network.name].aliases = aliases;
    else {
      const joined = connectNetwork(state, record, network.name, { aliases });
      if (!joined.ok) return { ok: false, message: `Error response from daemon: ${joined.message}` };
    }
  }
  return { ok: true, container: record };
}

/**
 * The daemon's side of `docker compose`, for one project. `ctx.fs` is the learner's shell view of the
 * host, so bind-mount folders Compose creates show up there at once.
 */
export function composeEngine(ctx: CommandContext, project: ComposeProject, options: AdapterOptions = {}): ComposeEngine {
  const { state } = ctx;
  const quiet = () => new Output(state);

  const container = (name: string): ContainerRecord | undefined => {
    const found = lookupContainer(state, name);
    return found.ok ? found.container : undefined;
  };

  // `--timeout` wins over the service's stop_grace_period, which wins over the daemon's 10 s.
  const stopOptions = (record: ContainerRecord): { timeout?: number } => {
    if (options.stopTimeout !== undefined) return { timeout: options.stopTimeout };
    const grace = findService(project, record.config.labels[LABEL.service] ?? '')?.stopGracePeriod;
    return grace === undefined ? {} : { timeout: durationMs(grace, 10_000) / 1000 };
  };

  const create = (serviceName: string, name: string, number: number): StepResult => {
    const service = findService(project, serviceName);
    if (!service) return { ok: false, message: `no such service: ${serviceName}` };
    const start = state.clock;
    const created = createServiceContainer(ctx, project, service, name, number);
    if (!created.ok) return created;
    return { ok: true, durationMs: elapsedSince(ctx, start, STEP_TIME.createContainer) };
  };

  return {
    pull(_service, image) {
      const start = state.clock;
      const parsed = parseReference(image);
      if (!parsed.ok) return { ok: false, message: parsed.message };
      const reference = parsed.withDefaultTag();
      const found = lookupImage(reference);
      const present = new Set(state.images.flatMap((record) => record.layers));
      const layers: PulledLayer[] = found.ok ? found.image.layers.filter((layer) => !present.has(layer.digest)).map((layer) => ({ id: layer.id, size: layer.size })) : [];
      const pulled = pullImage(state, reference, { out: quiet(), stream: 'stderr', tty: false, columns: ctx.columns, quiet: true });
      if (!pulled.ok) return { ok: false, message: pulled.message };
      return { ok: true, durationMs: state.clock - start, layers };
    },

    build(serviceName, image) {
      const service = findService(project, serviceName);
      if (!service?.build) return { ok: false, message: `service ${serviceName} has no build section` };
      const build = service.build;
      const start = state.clock;
      if (!ctx.fs) return { ok: false, message: `unable to prepare context: path "${build.context}" not found` };
      const context = readBuildContext(ctx.fs, build.context);
      if (!context.ok) return { ok: false, message: context.message };
      const dockerfilePath = resolvePath(build.context, build.dockerfile);
      const dockerfileText = ctx.fs.readFile(dockerfilePath);
      if (options.buildProgress !== 'quiet') ctx.out.stderr(BAKE_HINT);
      const args: Record<string, string> = {};
      for (const [key, value] of Object.entries(build.args)) if (value !== null) args[key] = value;
      const outcome = runBuild({
        dockerfile: isFsError(dockerfileText) ? (undefined as unknown as string) : dockerfileText,
        dockerfileName: dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1),
        context: context.files,
        tags: [image, ...build.tags],
        ...(build.target ? { target: build.target } : {}),
        buildArgs: args,
        noCache: options.noCache === true,
        pull: options.pullBase === true,
        progress: options.buildProgress ?? 'auto',
        quiet: options.buildProgress === 'quiet',
        tty: ctx.tty,
        columns: ctx.columns,
        rows: options.rows ?? 24,
        lookupBase: baseImageLookup(state.images),
        cache: state.buildCache ?? emptyBuildCache(),
        clock: state.clock,
        vertexPrefix: serviceName,
      });
      // Compose reports the failure itself, as its last line, without buildx's `ERROR:` and Dockerfile excerpt.
      let failure: string | undefined;
      for (const piece of outcome.output) {
        ctx.out.wait(piece.delay);
        const at = outcome.exitCode === 0 ? -1 : piece.text.indexOf(SOLVE_FAILURE);
        if (at >= 0) {
          failure = piece.text.slice(at + 'ERROR: '.length).replace(/\n$/, '');
          continue;
        }
        // `docker build -q` prints the image id; `docker compose build -q` prints nothing.
        if (options.buildProgress === 'quiet' && piece.stream === 'stdout') continue;
        ctx.out.write(piece.stream, piece.text);
      }
      commitBuild(state, outcome);
      if (outcome.exitCode !== 0 || !outcome.image) return { ok: false, message: failure ?? 'failed to solve: build failed' };
      return { ok: true, durationMs: state.clock - start };
    },

    createNetwork(key, name) {
      const start = state.clock;
      const network = project.networks[key];
      const created = createNetwork(state, { name, ...(network?.driver ? { driver: network.driver } : {}), internal: network?.internal ?? false, labels: networkLabels(project, key) });
      if (!created.ok) return { ok: false, message: `Error response from daemon: ${created.message}` };
      return { ok: true, durationMs: elapsedSince(ctx, start, STEP_TIME.createNetwork) };
    },

    createVolume(key, name) {
      const start = state.clock;
      const volume = project.volumes[key];
      const created = createVolume(state, { name, ...(volume?.driver ? { driver: volume.driver } : {}), labels: volumeLabels(project, key) });
      if (!created.ok) return { ok: false, message: `Error response from daemon: ${created.message}` };
      return { ok: true, durationMs: elapsedSince(ctx, start, STEP_TIME.createVolume) };
    },

    createContainer: create,

    recreateContainer(serviceName, name, number, onlyIfImageChanged) {
      const start = state.clock;
      const old = container(name);
      const service = findService(project, serviceName);
      if (onlyIfImageChanged && old && service && old.config.labels[LABEL.image] === findImageByTag(state, serviceImageName(project, service))?.id) {
        return { ok: true, durationMs: 0, unchanged: isRunning(old) ? 'running' : 'stopped' };
      }
      if (old) {
        if (isRunning(old)) stopContainerGracefully(state, old, stopOptions(old));
        removeContainerRecord(state, old, false);
      }
      const created = create(serviceName, name, number);
      if (!created.ok) return created;
      return { ok: true, durationMs: state.clock - start };
    },

    startContainer(name) {
      const start = state.clock;
      const record = container(name);
      if (!record) return { ok: false, message: `Error response from daemon: No such container: ${name}` };
      const started = startContainer(state, record);
      if (!started.ok) return { ok: false, message: `Error response from daemon: ${started.message}` };
      return { ok: true, durationMs: state.clock - start };
    },

    waitHealthy(name) {
      if (!container(name)) return { ok: false, message: `Error response from daemon: No such container: ${name}` };
      const start = state.clock;
      // isServiceHealthy at each tick, while the daemon's health monitor probes the container in virtual time.
      for (let tick = 0; tick < DEPENDENCY_POLL_LIMIT * 2; tick++) {
        state.clock += DEPENDENCY_POLL;
        reconcileContainers(state);
        const record = container(name);
        if (!record) return { ok: false, message: `Error response from daemon: No such container: ${name}` };
        const failed = (reason: string): StepResult => ({ ok: false, message: `dependency failed to start: container ${name} ${reason}` });
        if (record.status === 'exited') return failed(`exited (${record.exitCode})`);
        if (!record.health) return failed('has no healthcheck configured');
        if (record.health.status === 'unhealthy') return failed('is unhealthy');
        if (record.health.status === 'healthy') return { ok: true, durationMs: state.clock - start };
      }
      return { ok: false, message: 'timeout waiting for dependencies' };
    },

    waitCompleted(name) {
      const record = container(name);
      if (!record) return { ok: false, message: `Error response from daemon: No such container: ${name}` };
      if (isRunning(record)) return { ok: false, message: `service ${record.config.labels[LABEL.service]} didn't complete successfully: still running` };
      if (record.exitCode !== 0) {
        return { ok: false, message: `service "${record.config.labels[LABEL.service]}" didn't complete successfully: exit ${record.exitCode}` };
      }
      return { ok: true, durationMs: 0 };
    },

    stopContainer(name) {
      const start = state.clock;
      const record = container(name);
      if (!record) return { ok: true, durationMs: 0 };
      const stopped = stopContainerGracefully(state, record, stopOptions(record));
      if (!stopped.ok) return { ok: false, message: `Error response from daemon: ${stopped.message}` };
      return { ok: true, durationMs: state.clock - start };
    },

    removeContainer(name) {
      const start = state.clock;
      const record = container(name);
      if (!record) return { ok: true, durationMs: 0 };
      // `down` removes anonymous volumes with the container (RemoveVolumes: true in compose's remove).
      removeContainerRecord(state, record, true);
      return { ok: true, durationMs: elapsedSince(ctx, start, STEP_TIME.removeContainer) };
    },

    removeNetwork(name) {
      const start = state.clock;
      const removed = removeNetwork(state, name);
      if (!removed.ok) return { ok: false, message: `Error response from daemon: ${removed.message}` };
      return { ok: true, durationMs: elapsedSince(ctx, start, STEP_TIME.removeNetwork) };
    },

    removeVolume(name) {
      const start = state.clock;
      const removed = removeVolume(state, name, true);
      if (!removed.ok) return { ok: false, message: `Error response from daemon: ${removed.message}` };
      return { ok: true, durationMs: elapsedSince(ctx, start, STEP_TIME.removeVolume) };
    },

    removeImage(image) {
      const start = state.clock;
      const record = findImageByTag(state, image);
      if (record) {
        const tag = record.repoTags.find((candidate) => candidate === image || candidate === `${image}:latest`);
        record.repoTags = record.repoTags.filter((candidate) => candidate !== tag);
        const inUse = state.containers.some((other) => other.imageId === record.id);
        if (record.repoTags.length === 0 && !inUse) state.images = state.images.filter((candidate) => candidate !== record);
      }
      return { ok: true, durationMs: elapsedSince(ctx, start, STEP_TIME.removeImage) };
    },
  };
}

/** A compose duration (`10s`, `1m30s`, `500ms`) in ms; `fallback` when absent or unreadable. */
export function durationMs(text: string | undefined, fallback: number): number {
  if (!text) return fallback;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
  let total = 0;
  let rest = text;
  while (rest !== '') {
    const match = /^(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/.exec(rest);
    if (!match) return fallback;
    total += Number(match[1]) * units[match[2]];
    rest = rest.slice(match[0].length);
  }
  return Math.round(total);
}

/** The running container of a service (the first replica), for `exec` and friends. */
export function serviceContainer(ctx: CommandContext, project: ComposeProject, service: ComposeService, index = 1): ContainerRecord | undefined {
  const found = lookupContainer(ctx.state, containerName(project, service, index));
  return found.ok ? found.container : undefined;
}
