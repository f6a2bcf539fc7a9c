// Reconciling the project with what the engine holds: the operations `up` and `down` would perform, printable as text.

import { findImageByTag } from '../daemon/images.ts';
import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { configHash, containerName, LABEL, serviceImageName } from './labels.ts';
import type { ComposeProject, ComposeService } from './model.ts';

export type Operation =
  | { kind: 'pull'; service: string; image: string }
  | { kind: 'build'; service: string; image: string }
  | { kind: 'createNetwork'; key: string; name: string }
  | { kind: 'createVolume'; key: string; name: string }
  | { kind: 'createContainer'; service: string; name: string; number: number }
  /** `onlyIfImageChanged`: the image is being rebuilt; Compose decides once it is built (same image id: no recreate). */
  | { kind: 'recreateContainer'; service: string; name: string; number: number; containerId: string; onlyIfImageChanged?: boolean }
  /** An existing, stopped container that needs no change: Compose notes it as created, then starts it. */
  | { kind: 'created'; service: string; name: string }
  | { kind: 'startContainer'; service: string; name: string }
  | { kind: 'running'; service: string; name: string }
  | { kind: 'waitHealthy'; service: string; name: string; dependent: string }
  | { kind: 'waitCompleted'; service: string; name: string; dependent: string }
  | { kind: 'stopContainer'; service: string; name: string }
  | { kind: 'removeContainer'; service: string; name: string }
  | { kind: 'removeNetwork'; key: string; name: string }
  | { kind: 'removeVolume'; key: string; name: string }
  | { kind: 'removeImage'; image: string };

export type PlanResult = { ok: true; operations: Operation[]; warnings: string[] } | { ok: false; message: string };

export interface UpOptions {
  /** Services named on the command line; their dependencies come along. Empty means all. */
  services?: string[];
  /** `--build`: build images even when present. */
  build?: boolean;
  /** `--no-build`. */
  noBuild?: boolean;
  /** `--pull always|missing|never`. */
  pull?: 'always' | 'missing' | 'never';
  forceRecreate?: boolean;
  noRecreate?: boolean;
  /** `--no-start`: create only. */
  noStart?: boolean;
  removeOrphans?: boolean;
}

/** Containers of a project, found by label as Compose finds them (never by name). */
export function projectContainers(state: Pick<MachineState, 'containers'>, project: string): ContainerRecord[] {
  return state.containers.filter((container) => container.config.labels[LABEL.project] === project && container.config.labels[LABEL.oneoff] !== 'True');
}

/** Services in dependency order: dependencies first, independent services by name. */
export function dependencyOrder(project: ComposeProject, selected: ComposeService[] = project.services): ComposeService[] {
  const ordered: ComposeService[] = [];
  const placed = new Set<string>();
  const visit = (service: ComposeService) => {
    if (placed.has(service.name)) return;
    placed.add(service.name);
    for (const dependency of Object.keys(service.dependsOn).sort()) {
      const target = project.services.find((candidate) => candidate.name === dependency);
      if (target) visit(target);
    }
    ordered.push(service);
  };
  for (const service of selected) visit(service);
  return ordered;
}

function selectServices(project: ComposeProject, names: string[] | undefined): ComposeService[] | string {
  if (!names || names.length === 0) return project.services;
  const selected: ComposeService[] = [];
  for (const name of names) {
    const service = project.services.find((candidate) => candidate.name === name);
    if (!service) return `no such service: ${name}`;
    selected.push(service);
  }
  return dependencyOrder(project, selected);
}

function orphanWarning(orphans: ContainerRecord[]): string {
  const names = orphans.map((container) => container.name).join(' ');
  return `Found orphan containers ([${names}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`;
}

/** What `docker compose up` would do, in the order Compose does it. */
export function planUp(project: ComposeProject, state: MachineState, options: UpOptions = {}): PlanResult {
  const selection = selectServices(project, options.services);
  if (typeof selection === 'string') return { ok: false, message: selection };
  const services = dependencyOrder(project, selection);
  const operations: Operation[] = [];
  const warnings: string[] = [];
  const existing = projectContainers(state, project.name);

  const orphans = existing.filter((container) => !project.services.some((service) => service.name === container.config.labels[LABEL.service]));
  if (orphans.length > 0) {
    if (options.removeOrphans) for (const orphan of orphans) operations.push({ kind: 'removeContainer', service: orphan.config.labels[LABEL.service], name: orphan.name });
    else warnings.push(orphanWarning(orphans));
  }

  // Images: pull what is missing, then build what must be built.
  for (const service of services) {
    const image = serviceImageName(project, service);
    const present = findImageByTag(state, image) !== undefined;
    if (service.build) {
      if (!options.noBuild && (options.build || !present)) operations.push({ kind: 'build', service: service.name, image });
    } else if (options.pull === 'always' || service.pullPolicy === 'always' || (!present && options.pull !== 'never')) {
      operations.push({ kind: 'pull', service: service.name, image });
    }
  }

  const usedNetworks = new Set(services.flatMap((service) => Object.keys(service.networks)));
  for (const [key, network] of Object.entries(project.networks)) {
    if (!usedNetworks.has(key)) continue;
    const found = state.networks.some((candidate) => candidate.name === network.name);
    if (network.external) {
      if (!found) return { ok: false, message: `network ${network.name} declared as external, but could not be found` };
    } else if (!found) operations.push({ kind: 'createNetwork', key, name: network.name });
  }
  for (const [key, volume] of Object.entries(project.volumes)) {
    const found = state.volumes.some((candidate) => candidate.name === volume.name);
    if (volume.external) {
      if (!found) return { ok: false, message: `external volume "${volume.name}" not found` };
    } else if (!found) operations.push({ kind: 'createVolume', key, name: volume.name });
  }

  // Containers: create what is missing, recreate what changed, then start in dependency order.
  const starts: Operation[] = [];
  for (const service of services) {
    const rebuilt = operations.some((operation) => operation.kind === 'build' && operation.service === service.name);
    const hash = configHash(service);
    for (let number = 1; number <= Math.max(1, service.scale); number++) {
      const name = containerName(project, service, number);
      const container = existing.find(
        (candidate) => candidate.config.labels[LABEL.service] === service.name && candidate.config.labels[LABEL.containerNumber] === String(number),
      );
      for (const [dependency, config] of Object.entries(service.dependsOn)) {
        const target = project.services.find((candidate) => candidate.name === dependency);
        if (!target) continue;
        const dependencyName = containerName(project, target, 1);
        if (config.condition === 'service_healthy') starts.push({ kind: 'waitHealthy', service: dependency, name: dependencyName, dependent: service.name });
        if (config.condition === 'service_completed_successfully') {
          starts.push({ kind: 'waitCompleted', service: dependency, name: dependencyName, dependent: service.name });
        }
      }
      if (!container) {
        operations.push({ kind: 'createContainer', service: service.name, name, number });
        starts.push({ kind: 'startContainer', service: service.name, name });
        continue;
      }
      const imageChanged = container.config.labels[LABEL.image] !== (findImageByTag(state, serviceImageName(project, service))?.id ?? container.imageId);
      const changed = container.config.labels[LABEL.configHash] !== hash || imageChanged;
      const running = container.status === 'running' || container.status === 'restarting' || container.status === 'paused';
      // Compose converges services in dependency order: a running container is noted as it is reached.
      if (!options.noRecreate && (options.forceRecreate || changed)) {
        operations.push({ kind: 'recreateContainer', service: service.name, name, number, containerId: container.id });
        starts.push({ kind: 'startContainer', service: service.name, name });
      } else if (!options.noRecreate && rebuilt) {
        operations.push({ kind: 'recreateContainer', service: service.name, name, number, containerId: container.id, onlyIfImageChanged: true });
        starts.push({ kind: 'startContainer', service: service.name, name });
      } else if (running) {
        operations.push({ kind: 'running', service: service.name, name });
      } else {
        operations.push({ kind: 'created', service: service.name, name });
        starts.push({ kind: 'startContainer', service: service.name, name });
      }
    }
  }
  if (!options.noStart) operations.push(...starts);
  return { ok: true, operations, warnings };
}

export interface DownOptions {
  volumes?: boolean;
  removeOrphans?: boolean;
  rmi?: 'all' | 'local';
}

/**
 * What `docker compose down` would do. Without a project file Compose still finds the containers
 * by label and the networks by name; it only removes what exists.
 */
export function planDown(project: ComposeProject, state: MachineState, options: DownOptions = {}): Operation[] {
  const operations: Operation[] = [];
  const containers = projectContainers(state, project.name);
  const known = (container: ContainerRecord) => project.services.some((service) => service.name === container.config.labels[LABEL.service]);
  const order = dependencyOrder(project).reverse();
  const doomed: ContainerRecord[] = [];
  for (const service of order) {
    for (const container of containers) if (container.config.labels[LABEL.service] === service.name) doomed.push(container);
  }
  if (options.removeOrphans) for (const container of containers) if (!known(container)) doomed.push(container);
  for (const container of doomed) {
    const service = container.config.labels[LABEL.service];
    if (container.status === 'running' || container.status === 'paused' || container.status === 'restarting') operations.push({ kind: 'stopContainer', service, name: container.name });
    operations.push({ kind: 'removeContainer', service, name: container.name });
  }
  for (const [key, network] of Object.entries(project.networks)) {
    if (network.external) continue;
    if (state.networks.some((candidate) => candidate.name === network.name)) operations.push({ kind: 'removeNetwork', key, name: network.name });
  }
  if (options.volumes) {
    for (const [key, volume] of Object.entries(project.volumes)) {
      if (volume.external) continue;
      if (state.volumes.some((candidate) => candidate.name === volume.name)) operations.push({ kind: 'removeVolume', key, name: volume.name });
    }
  }
  if (options.rmi) {
    for (const service of project.services) {
      if (options.rmi === 'local' && !service.build) continue;
      const image = serviceImageName(project, service);
      if (findImageByTag(state, image) && !operations.some((operation) => operation.kind === 'removeImage' && operation.image === image)) {
        operations.push({ kind: 'removeImage', image });
      }
    }
  }
  return operations;
}

/** The progress line an operation shows as (`Container docker-db-1`), and the verb it performs. */
export function describeOperation(operation: Operation): { id: string; verb: string } {
  switch (operation.kind) {
    case 'pull':
      return { id: operation.service, verb: 'Pull' };
    case 'build':
      return { id: `Service ${operation.service}`, verb: 'Build' };
    case 'createNetwork':
      return { id: `Network ${operation.name}`, verb: 'Create' };
    case 'createVolume':
      return { id: `Volume "${operation.name}"`, verb: 'Create' };
    case 'createContainer':
      return { id: `Container ${operation.name}`, verb: 'Create' };
    case 'recreateContainer':
      return { id: `Container ${operation.name}`, verb: 'Recreate' };
    case 'startContainer':
      return { id: `Container ${operation.name}`, verb: 'Start' };
    case 'running':
      return { id: `Container ${operation.name}`, verb: 'Running' };
    case 'created':
      return { id: `Container ${operation.name}`, verb: 'Created' };
    case 'waitHealthy':
      return { id: `Container ${operation.name}`, verb: 'Wait healthy' };
    case 'waitCompleted':
      return { id: `Container ${operation.name}`, verb: 'Wait completed' };
    case 'stopContainer':
      return { id: `Container ${operation.name}`, verb: 'Stop' };
    case 'removeContainer':
      return { id: `Container ${operation.name}`, verb: 'Remove' };
    case 'removeNetwork':
      return { id: `Network ${operation.name}`, verb: 'Remove' };
    case 'removeVolume':
      return { id: `Volume ${operation.name}`, verb: 'Remove' };
    case 'removeImage':
      return { id: `Image ${operation.image}`, verb: 'Remove' };
  }
}

/** One line per operation, `Container docker-db-1  Create`, in the order they run. */
export function planText(operations: Operation[]): string {
  return operations.map((operation) => {
    const { id, verb } = describeOperation(operation);
    return `${id}  ${verb}\n`;
  }).join('');
}
