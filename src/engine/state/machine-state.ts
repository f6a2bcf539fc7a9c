// The whole simulated machine as plain data: everything here serialises to JSON and back.

export const STATE_SCHEMA_VERSION = 1;

/** A file-system entry. Paths are absolute and normalised (no trailing slash except `/`). */
export type FsNode =
  | { type: 'file'; content: string; mode: number; mtime: number }
  | { type: 'dir'; mode: number; mtime: number }
  | { type: 'symlink'; target: string; mode: number; mtime: number };

/** A flat map from absolute path to entry; parents of every entry exist. */
export type FsTree = Record<string, FsNode>;

export interface ImageConfig {
  cmd: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  workingDir: string;
  exposedPorts: string[];
  user: string;
  volumes: string[];
  labels: Record<string, string>;
  /** Signal `docker stop` sends first (`SIGQUIT` for nginx); null means SIGTERM. */
  stopSignal?: string | null;
  /** The Dockerfile's HEALTHCHECK (`{ test: ['NONE'] }` for HEALTHCHECK NONE); absent when none was set. */
  healthcheck?: HealthcheckConfig;
  /** Name of the scripted program in `programs/` that plays this image's processes. */
  program: string;
}

/**
 * A healthcheck as image and container configs hold it (the API's HealthConfig): `test` is `['CMD', …]`,
 * `['CMD-SHELL', script]`, `['NONE']`, or empty to inherit the image's. Durations in nanoseconds; absent or 0
 * takes the image's value, then the daemon's default.
 */
export interface HealthcheckConfig {
  test: string[];
  interval?: number;
  timeout?: number;
  startPeriod?: number;
  startInterval?: number;
  retries?: number;
}

/** One probe's result as `State.Health.Log` keeps it (times in epoch ms). */
export interface HealthcheckResult {
  start: number;
  end: number;
  exitCode: number;
  output: string;
}

/** `State.Health`: present once a container with a healthcheck has started. */
export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  /** The last five results, oldest first. */
  log: HealthcheckResult[];
  /** When the monitor runs its next probe (epoch ms); absent while no monitor runs (stopped or paused). */
  nextProbeAt?: number;
}

export interface ImageRecord {
  /** `sha256:` + 64 hex. */
  id: string;
  repoTags: string[];
  repoDigests: string[];
  /** When the image was built (epoch ms). */
  created: number;
  /** Uncompressed size in bytes, as `docker images` shows it. */
  size: number;
  /** Layer digests, base first. */
  layers: string[];
  config: ImageConfig;
  /** Files the image's root file system holds beyond its program's defaults (built images). */
  files: FsTree;
  /**
   * `docker history` rows, base first, as the image config's history records them; `emptyLayer`
   * marks a step that added no layer (ENV, CMD…). Absent: the registry's history for hub images.
   */
  history?: ImageHistoryEntry[];
  /** When `docker tag` (or a build) last tagged it locally, epoch ms; absent for pulled images (inspect: year 1). */
  lastTagTime?: number;
}

export interface ImageHistoryEntry {
  /** Epoch ms. */
  created: number;
  createdBy: string;
  /** Bytes the step's layer added (0 for an empty layer). */
  size: number;
  comment: string;
  emptyLayer: boolean;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortBinding {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface MountRecord {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name or host path. */
  source: string;
  destination: string;
  readOnly: boolean;
  /**
   * The daemon made the volume for this container (`-v /path`, an image VOLUME): `docker rm -v` and
   * `--rm` remove it with the container. Set when the volume is created.
   */
  anonymous?: boolean;
  /** `volume-nocopy`: an empty volume is not filled from the image's content at the destination. */
  noCopy?: boolean;
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  text: string;
  time: number;
}

export interface ContainerRecord {
  id: string;
  name: string;
  /** The image as the user named it (`nginx`, `nginx:latest`, an id). */
  image: string;
  imageId: string;
  created: number;
  /** Creation order, to sort equal timestamps stably. */
  seq: number;
  status: ContainerStatus;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  pid: number;
  restartCount: number;
  path: string;
  args: string[];
  config: {
    env: string[];
    tty: boolean;
    openStdin: boolean;
    workingDir: string;
    user: string;
    hostname: string;
    labels: Record<string, string>;
    exposedPorts: string[];
    /** Config.Cmd and Config.Entrypoint as the container was created with them (inspect shows them apart from Path/Args). */
    cmd?: string[] | null;
    entrypoint?: string[] | null;
    /** `--stop-signal` or the image's STOPSIGNAL; absent means SIGTERM. */
    stopSignal?: string;
    /** `--stop-timeout` in seconds; absent means the daemon's 10. */
    stopTimeout?: number;
    /** Config.Healthcheck: the create request's merged over the image's; absent when neither has one. */
    healthcheck?: HealthcheckConfig;
    /** Config.AttachStdin/Stdout/Stderr as the client asked (`docker run -d` attaches nothing). */
    attachStdin?: boolean;
    attachStdout?: boolean;
    attachStderr?: boolean;
  };
  hostConfig: {
    portBindings: PortBinding[];
    publishAll: boolean;
    mounts: MountRecord[];
    autoRemove: boolean;
    restartPolicy: { name: 'no' | 'always' | 'unless-stopped' | 'on-failure'; maximumRetryCount: number };
    networkMode: string;
    memory: number;
    /** HostConfig.MemorySwap when set apart from the daemon's default (twice the memory, or 0 without a limit). */
    memorySwap?: number;
  };
  /**
   * Network name → the container's endpoint on it. `ip` is `''` while the container is not running
   * (Docker releases the endpoint on stop); `endpointId` and `macAddress` likewise exist only while attached.
   */
  networks: Record<string, { ip: string; aliases: string[]; endpointId?: string; macAddress?: string; networkId?: string }>;
  logs: LogEntry[];
  /** The container's writable layer: changed and added entries; `null` marks a deletion. */
  upper: Record<string, FsNode | null>;
  /** State.Error: why the last start failed (`failed to create task for container: …`). */
  error?: string;
  /** Host ports actually bound while running (ephemeral ports filled in); absent when none are bound. */
  ports?: PortBinding[];
  /** Set by `docker stop`/`kill`: `unless-stopped` does not bring the container back, nor does the daemon. */
  manuallyStopped?: boolean;
  /** A restart the policy has scheduled: when it happens and the back-off delay that led to it. */
  pendingRestart?: { at: number; delay: number };
  /** The restart manager's current back-off (ms), kept between restarts; 0 after a run of 10 s or more. */
  restartBackoff?: number;
  /** When a running program will end on its own (`sleep 5`), and with which code. */
  scheduledExit?: { at: number; exitCode: number };
  /** The health monitor's state (daemon/health.ts); absent until a container with a healthcheck starts. */
  health?: HealthState;
}

export interface VolumeRecord {
  name: string;
  driver: string;
  created: number;
  labels: Record<string, string>;
  anonymous: boolean;
  /** Contents, with paths relative to the volume root (`/` is the root). */
  files: FsTree;
  /** Driver options (`-o type=tmpfs`); absent when none were given (inspect shows `null`). */
  options?: Record<string, string>;
}

export interface NetworkRecord {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  scope: 'local';
  created: number;
  subnet: string;
  gateway: string;
  internal: boolean;
  labels: Record<string, string>;
  /** Built-in networks (bridge, host, none) cannot be removed. */
  builtin: boolean;
  /** Driver options (`-o`); absent for the built-in networks, whose options the daemon sets itself. */
  options?: Record<string, string>;
  attachable?: boolean;
  /** The subnet was chosen by the user (`--subnet`), not from the daemon's default pools. */
  userSubnet?: boolean;
  /** The gateway was given by the user (`--gateway`); inspect lists a user subnet's gateway only then. */
  userGateway?: boolean;
}

export interface HostState {
  user: string;
  hostname: string;
  home: string;
  cwd: string;
  env: Record<string, string>;
  /** Shell variables that were set but not exported. */
  vars: Record<string, string>;
  fs: FsTree;
  /** The shell's history, its last 500 entries as bash keeps them. */
  history: string[];
  /** Entries dropped from the front of `history`, so `history` keeps numbering on; absent: none. */
  historyBase?: number;
  lastExitCode: number;
}

export interface MachineState {
  schema: typeof STATE_SCHEMA_VERSION;
  /** Virtual wall clock, epoch ms. */
  clock: number;
  /** PRNG state; every id and generated name comes from it. */
  rng: number;
  /** Counter behind `ContainerRecord.seq` and other orderings. */
  seq: number;
  host: HostState;
  images: ImageRecord[];
  containers: ContainerRecord[];
  /** The port allocator's last ephemeral host port (`-P`, `-p 80`); the next one starts after it. */
  lastEphemeralPort?: number;
  volumes: VolumeRecord[];
  networks: NetworkRecord[];
  /** The builder's layer cache between `docker build`s (see builder/build.ts); absent until the first build. */
  buildCache?: BuildCacheState;
  /**
   * Shells the learner has entered inside containers (`docker run -it`, `docker exec -it`, `docker attach`),
   * innermost last: typed lines go to the last one, the host shell lies beneath them all. Absent or empty:
   * the learner is at the host prompt.
   */
  shells?: ContainerShellRecord[];
}

/** An interactive shell inside a container, as the machine keeps it between typed lines. */
export interface ContainerShellRecord {
  containerId: string;
  /** `main`: the container's own process, so leaving it ends the container; `exec`: started by `docker exec`. */
  kind: 'main' | 'exec';
  /** bash, dash (`sh` on Debian and Ubuntu), BusyBox ash (`sh` on Alpine and BusyBox), or an interpreter's prompt. */
  shell: 'bash' | 'dash' | 'ash' | 'python' | 'node';
  /** argv[0] as started (`bash`, `/bin/sh`): dash and ash name themselves by it in their messages. */
  argv0: string;
  /** It runs on a terminal (`-t`): it prompts and echoes. Without one it reads lines silently (`-i` alone). */
  tty: boolean;
  pid: number;
  /** `--user` as given, `''` for the image's default (root). */
  user: string;
  cwd: string;
  env: Record<string, string>;
  vars: Record<string, string>;
  history: string[];
  /** Entries dropped from the front of `history` (see HostState). */
  historyBase?: number;
  lastExitCode: number;
  /** Lines read so far, for dash's `sh: 3: foo: not found`. */
  lineNumber: number;
}

/** What BuildKit keeps between builds: step results by cache key, fetched base layers, received context files. */
export interface BuildCacheState {
  /** Cache key → the step's file-system changes (`null` deletes), layer bytes and creation time (epoch ms). */
  steps: Record<string, { changes: Record<string, FsNode | null>; bytes: number; created: number }>;
  /** Ids of base images whose layers were downloaded into the build cache. */
  bases: string[];
  /** Context files the builder holds: path relative to the context → content hash. */
  context: Record<string, string>;
}
