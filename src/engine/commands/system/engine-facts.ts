// What `docker version` and `docker info` report: Docker 28.2.2's own facts, and the simulated host in place of a real one.

import { sha256Hex } from '../../builder/sha256.ts';
import { COMPOSE_VERSION } from '../compose/index.ts';
import { KERNEL_RELEASE } from '../../state/host-kernel.ts';

export const CLIENT = {
  Version: '28.2.2',
  ApiVersion: '1.50',
  DefaultAPIVersion: '1.50',
  GitCommit: 'e6534b4',
  GoVersion: 'go1.24.3',
  Os: 'linux',
  Arch: 'amd64',
  BuildTime: 'Fri May 30 12:07:14 2025',
  Context: 'default',
};

/** The engine's build facts are Docker 28.2.2's; where a real daemon names its host, this one names itself. */
export const ENGINE = {
  platform: 'Dockyard Simulated Engine',
  version: '28.2.2',
  apiVersion: '1.50',
  minApiVersion: '1.24',
  gitCommit: '45873be',
  goVersion: 'go1.24.3',
  buildTime: '2025-05-30T12:07:14.000000000+00:00',
  buildTimeText: 'Fri May 30 12:07:14 2025',
  kernelVersion: KERNEL_RELEASE,
  operatingSystem: 'Dockyard simulated engine (runs in your browser)',
  osVersion: '28.2.2',
  cpus: 2,
  memTotal: 4_102_397_952,
  containerd: { version: '1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  runc: { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' },
  init: { version: '0.19.0', commit: 'de40ad0' },
};

/** The CLI plugins installed beside the client, as `docker info` lists them. */
export const CLIENT_PLUGINS = [
  { name: 'buildx', description: 'Docker Buildx', vendor: 'Docker Inc.', version: 'v0.24.0', path: '/usr/libexec/docker/cli-plugins/docker-buildx' },
  { name: 'compose', description: 'Docker Compose', vendor: 'Docker Inc.', version: COMPOSE_VERSION, path: '/usr/libexec/docker/cli-plugins/docker-compose' },
];

/** A daemon ID (a UUID, as Docker 28 makes them) fixed for the simulated engine. */
export function engineId(): string {
  const hex = sha256Hex('dockyard simulated engine');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
