// The labels Compose puts on what it creates, so `docker ps` filters and later `compose` runs can find them.

import { sha256Hex } from '../builder/sha256.ts';
import type { ComposeProject, ComposeService } from './model.ts';

/** docker/compose pkg/api/labels.go. */
export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  configHash: 'com.docker.compose.config-hash',
  containerNumber: 'com.docker.compose.container-number',
  volume: 'com.docker.compose.volume',
  network: 'com.docker.compose.network',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  environmentFile: 'com.docker.compose.project.environment_file',
  oneoff: 'com.docker.compose.oneoff',
  image: 'com.docker.compose.image',
  dependsOn: 'com.docker.compose.depends_on',
  version: 'com.docker.compose.version',
  replace: 'com.docker.compose.replace',
} as const;

/** The Compose release shipped beside Docker 28.2.2. */
export const COMPOSE_VERSION = '2.36.2';

/**
 * compose's `ServiceHash`: a digest of the service without what does not need a new container
 * (build, pull policy, scale, dependencies, profiles).
 */
export function configHash(service: ComposeService): string {
  const { build: _build, pullPolicy: _pullPolicy, scale: _scale, dependsOn: _dependsOn, profiles: _profiles, ...rest } = service;
  return sha256Hex(JSON.stringify(rest));
}

/** `service:condition:restart` for each dependency, as the depends_on label lists them. */
export function dependsOnLabel(service: ComposeService): string {
  return Object.entries(service.dependsOn)
    .map(([name, dependency]) => `${name}:${dependency.condition}:${dependency.restart}`)
    .join(',');
}

export function containerLabels(
  project: ComposeProject,
  service: ComposeService,
  number: number,
  imageId: string,
  envFiles: string[] = [],
): Record<string, string> {
  const labels: Record<string, string> = {
    ...service.labels,
    [LABEL.configHash]: configHash(service),
    [LABEL.containerNumber]: String(number),
    [LABEL.dependsOn]: dependsOnLabel(service),
    [LABEL.image]: imageId,
    [LABEL.oneoff]: 'False',
    [LABEL.project]: project.name,
    [LABEL.configFiles]: project.composeFiles.join(','),
    [LABEL.workingDir]: project.workingDir,
    [LABEL.service]: service.name,
    [LABEL.version]: COMPOSE_VERSION,
  };
  if (envFiles.length > 0) labels[LABEL.environmentFile] = envFiles.join(',');
  return labels;
}

export function networkLabels(project: ComposeProject, key: string): Record<string, string> {
  return { ...project.networks[key].labels, [LABEL.network]: key, [LABEL.project]: project.name, [LABEL.version]: COMPOSE_VERSION };
}

export function volumeLabels(project: ComposeProject, key: string): Record<string, string> {
  return { ...project.volumes[key].labels, [LABEL.project]: project.name, [LABEL.version]: COMPOSE_VERSION, [LABEL.volume]: key };
}

/** `<project>-<service>-<n>`, or the service's `container_name`. */
export function containerName(project: ComposeProject, service: ComposeService, number: number): string {
  return service.containerName ?? `${project.name}-${service.name}-${number}`;
}

/** The image a service runs: its `image`, or `<project>-<service>` for one Compose builds. */
export function serviceImageName(project: ComposeProject, service: ComposeService): string {
  return service.image ?? `${project.name}-${service.name}`;
}
