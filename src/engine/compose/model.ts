// The normalised compose project: what compose-go hands to Compose after loading, in the shape our planner uses.

export interface BuildConfig {
  /** Absolute path of the build context. */
  context: string;
  /** As written, relative to the context (`Dockerfile` when not given). */
  dockerfile: string;
  args: Record<string, string | null>;
  target?: string;
  tags: string[];
}

export interface PortConfig {
  mode: 'ingress' | 'host';
  hostIp?: string;
  target: number;
  /** A port or a range (`8000-8010`); absent when Docker picks a free host port. */
  published?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ServiceVolume {
  type: 'volume' | 'bind' | 'tmpfs';
  /** A key of the project's volumes for `volume`, an absolute host path for `bind`; absent for anonymous volumes. */
  source?: string;
  target: string;
  readOnly: boolean;
  /** Short syntax binds create a missing host directory, as docker-compose v1 did. */
  createHostPath?: boolean;
  nocopy?: boolean;
}

export type DependsOnCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency {
  condition: DependsOnCondition;
  required: boolean;
  restart: boolean;
}

export interface Healthcheck {
  /** `['CMD-SHELL', 'pg_isready']`, `['CMD', 'curl', …]`, or `['NONE']`. */
  test: string[];
  /** Durations as written (`10s`); absent ones take Docker's defaults. */
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
  startInterval?: string;
  disable: boolean;
}

export interface ServiceNetwork {
  aliases: string[];
  ipv4Address?: string;
}

export interface ComposeService {
  name: string;
  image?: string;
  build?: BuildConfig;
  command: string[] | null;
  entrypoint: string[] | null;
  /** Resolved environment; `null` means declared without a value and not found in the environment. */
  environment: Record<string, string | null>;
  envFiles: Array<{ path: string; required: boolean }>;
  ports: PortConfig[];
  expose: string[];
  dependsOn: Record<string, Dependency>;
  healthcheck?: Healthcheck;
  volumes: ServiceVolume[];
  /** Keys of the project's networks; `null` entries carry no per-network settings. */
  networks: Record<string, ServiceNetwork | null>;
  networkMode?: string;
  restart?: string;
  containerName?: string;
  workingDir?: string;
  user?: string;
  hostname?: string;
  tty: boolean;
  stdinOpen: boolean;
  labels: Record<string, string>;
  profiles: string[];
  pullPolicy?: string;
  stopGracePeriod?: string;
  stopSignal?: string;
  scale: number;
}

export interface ComposeNetwork {
  /** The engine-side name: `<project>_<key>` unless `name:` or `external` says otherwise. */
  name: string;
  driver?: string;
  external: boolean;
  internal: boolean;
  labels: Record<string, string>;
}

export interface ComposeVolume {
  name: string;
  driver?: string;
  external: boolean;
  labels: Record<string, string>;
}

export interface ComposeProject {
  name: string;
  /** The project directory: the first compose file's folder unless `--project-directory` says otherwise. */
  workingDir: string;
  /** Absolute paths of the files loaded, in order. */
  composeFiles: string[];
  /** Sorted by name, as compose-go's map iteration is printed. */
  services: ComposeService[];
  networks: Record<string, ComposeNetwork>;
  volumes: Record<string, ComposeVolume>;
  /** The variables interpolation saw (shell environment, then `.env`). */
  environment: Record<string, string>;
}

export function findService(project: ComposeProject, name: string): ComposeService | undefined {
  return project.services.find((service) => service.name === name);
}
