// `docker container run` (`docker run`): create a container (pulling its image if missing), start it, attach or detach.

import type { CommandDef, Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { reconcileContainers, startContainer, stopContainer, waitForScheduledExit } from '../../daemon/containers.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';
import { statusError } from '../status-error.ts';
import { createFromOptions, parseCreateOptions, type CreateFailure } from './create-flow.ts';
import { listFlag } from './run-options.ts';

/** docker/cli's `toStatusError`: a command that cannot be found exits 127, one that cannot be run 126, the rest 125. */
export function startFailureExitCode(message: string): number {
  const lower = message.toLowerCase();
  if (lower.includes('executable file not found') || lower.includes('no such file or directory') || lower.includes('system cannot find the file specified')) return 127;
  if (lower.includes('permission denied') || lower.includes('is a directory')) return 126;
  return 125;
}

function reportRunFailure(ctx: CommandContext, invocation: Invocation, failure: CreateFailure): number {
  const message = failure.source === 'daemon' ? `Error response from daemon: ${failure.message}` : failure.message;
  return statusError(ctx, invocation, message);
}

/** Attached: the container's output streams to the terminal until its process ends; Ctrl+C is proxied to it. */
function runAttached(ctx: CommandContext, invocation: Invocation, container: ContainerRecord): number {
  const tty = container.config.tty;
  // -i attaches the client's stdin: piped text feeds the process, a terminal lets the learner type into it.
  const attachment = { out: ctx.out, tty, interactive: container.config.openStdin, stdin: container.config.openStdin ? ctx.stdin : undefined };
  const started = startContainer(ctx.state, container, { attachment });
  if (!started.ok) return statusError(ctx, invocation, `Error response from daemon: ${started.message}`, startFailureExitCode(started.message));
  if (container.status !== 'running' && container.status !== 'paused') return container.exitCode;
  if (waitForScheduledExit(ctx.state, container, ctx.out)) return container.exitCode;
  const proxySignals = invocation.flags['sig-proxy'] !== false;
  ctx.follow?.((out) => {
    // With a TTY, Ctrl+C reaches the process through its terminal; without, docker run forwards SIGINT.
    if (proxySignals || tty) stopContainer(ctx.state, container, 'SIGINT', { out, tty });
    if (container.status === 'running' || container.status === 'paused') return 130;
    return container.exitCode;
  });
  return 0;
}

export const runCommand: CommandDef = {
  path: ['container', 'run'],
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  aliases: ['docker container run', 'docker run'],
  short: 'Create and run a new container from an image',
  args: { min: 1 },
  stopAtFirstArg: true,
  flags: [
    { name: 'add-host', kind: 'list', type: 'list', usage: 'Add a custom host-to-IP mapping (host:ip)', check: 'host-ip' },
    { name: 'annotation', kind: 'list', type: 'map', usage: 'Add an annotation to the container (passed through to the OCI runtime)', defaultText: 'map[]' },
    { name: 'attach', shorthand: 'a', kind: 'list', type: 'list', usage: 'Attach to STDIN, STDOUT or STDERR', check: 'attach' },
    { name: 'blkio-weight', kind: 'uint', type: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable', defaultText: '0', defaultValue: 0, bits: 16 },
    { name: 'blkio-weight-device', kind: 'list', type: 'list', usage: 'Block IO weight (relative device weight)', defaultText: '[]' },
    { name: 'cap-add', kind: 'list', type: 'list', usage: 'Add Linux capabilities' },
    { name: 'cap-drop', kind: 'list', type: 'list', usage: 'Drop Linux capabilities' },
    { name: 'cgroup-parent', kind: 'string', type: 'string', usage: 'Optional parent cgroup for the container' },
    { name: 'cgroupns', kind: 'string', type: 'string', usage: "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)" },
    { name: 'cidfile', kind: 'string', type: 'string', usage: 'Write the container ID to the file' },
    { name: 'cpu-count', kind: 'int', type: 'int', usage: 'CPU count (Windows only)', requires: { osType: 'windows' } },
    { name: 'cpu-percent', kind: 'int', type: 'int', usage: 'CPU percent (Windows only)', requires: { osType: 'windows' } },
    { name: 'cpu-period', kind: 'int', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', kind: 'int', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-rt-period', kind: 'int', type: 'int', usage: 'Limit CPU real-time period in microseconds' },
    { name: 'cpu-rt-runtime', kind: 'int', type: 'int', usage: 'Limit CPU real-time runtime in microseconds' },
    { name: 'cpu-shares', shorthand: 'c', kind: 'int', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpus', kind: 'decimal', type: 'decimal', usage: 'Number of CPUs' },
    { name: 'cpuset-cpus', kind: 'string', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', kind: 'string', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { name: 'detach', shorthand: 'd', kind: 'bool', type: '', usage: 'Run container in background and print container ID' },
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'device', kind: 'list', type: 'list', usage: 'Add a host device to the container' },
    { name: 'device-cgroup-rule', kind: 'list', type: 'list', usage: 'Add a rule to the cgroup allowed devices list' },
    { name: 'device-read-bps', kind: 'list', type: 'list', usage: 'Limit read rate (bytes per second) from a device', defaultText: '[]' },
    { name: 'device-read-iops', kind: 'list', type: 'list', usage: 'Limit read rate (IO per second) from a device', defaultText: '[]' },
    { name: 'device-write-bps', kind: 'list', type: 'list', usage: 'Limit write rate (bytes per second) to a device', defaultText: '[]' },
    { name: 'device-write-iops', kind: 'list', type: 'list', usage: 'Limit write rate (IO per second) to a device', defaultText: '[]' },
    { name: 'disable-content-trust', kind: 'bool', type: '', usage: 'Skip image verification', defaultText: 'true', defaultValue: true },
    { name: 'dns', kind: 'list', type: 'list', usage: 'Set custom DNS servers', check: 'ip' },
    { name: 'dns-option', kind: 'list', type: 'list', usage: 'Set DNS options' },
    { name: 'dns-search', kind: 'list', type: 'list', usage: 'Set custom DNS search domains' },
    { name: 'domainname', kind: 'string', type: 'string', usage: 'Container NIS domain name' },
    { name: 'entrypoint', kind: 'string', type: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
    { name: 'env', shorthand: 'e', kind: 'list', type: 'list', usage: 'Set environment variables' },
    { name: 'env-file', kind: 'list', type: 'list', usage: 'Read in a file of environment variables' },
    { name: 'expose', kind: 'list', type: 'list', usage: 'Expose a port or a range of ports' },
    { name: 'gpus', kind: 'list', type: 'gpu-request', usage: "GPU devices to add to the container ('all' to pass all GPUs)", check: 'gpus' },
    { name: 'group-add', kind: 'list', type: 'list', usage: 'Add additional groups to join' },
    { name: 'health-cmd', kind: 'string', type: 'string', usage: 'Command to run to check health' },
    { name: 'health-interval', kind: 'duration', type: 'duration', usage: 'Time between running the check (ms|s|m|h)', defaultText: '0s' },
    { name: 'health-retries', kind: 'int', type: 'int', usage: 'Consecutive failures needed to report unhealthy' },
    { name: 'health-start-interval', kind: 'duration', type: 'duration', usage: 'Time between running the check during the start period (ms|s|m|h)', defaultText: '0s' },
    { name: 'health-start-period', kind: 'duration', type: 'duration', usage: 'Start period for the container to initialize before starting health-retries countdown (ms|s|m|h)', defaultText: '0s' },
    { name: 'health-timeout', kind: 'duration', type: 'duration', usage: 'Maximum time to allow one check to run (ms|s|m|h)', defaultText: '0s' },
    { name: 'help', kind: 'bool', type: '', usage: 'Print usage' },
    { name: 'hostname', shorthand: 'h', kind: 'string', type: 'string', usage: 'Container host name' },
    { name: 'init', kind: 'bool', type: '', usage: 'Run an init inside the container that forwards signals and reaps processes' },
    { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: 'Keep STDIN open even if not attached' },
    { name: 'io-maxbandwidth', kind: 'bytes', type: 'bytes', usage: 'Maximum IO bandwidth limit for the system drive (Windows only)', requires: { osType: 'windows' } },
    { name: 'io-maxiops', kind: 'uint', type: 'uint', usage: 'Maximum IOps limit for the system drive (Windows only)', requires: { osType: 'windows' } },
    { name: 'ip', kind: 'string', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
    { name: 'ip6', kind: 'string', type: 'string', usage: 'IPv6 address (e.g., 2001:db8::33)' },
    { name: 'ipc', kind: 'string', type: 'string', usage: 'IPC mode to use' },
    { name: 'isolation', kind: 'string', type: 'string', usage: 'Container isolation technology' },
    { name: 'kernel-memory', kind: 'bytes', type: 'bytes', usage: 'Kernel memory limit' },
    { name: 'label', shorthand: 'l', kind: 'list', type: 'list', usage: 'Set meta data on a container' },
    { name: 'label-file', kind: 'list', type: 'list', usage: 'Read in a line delimited file of labels' },
    { name: 'link', kind: 'list', type: 'list', usage: 'Add link to another container' },
    { name: 'link-local-ip', kind: 'list', type: 'list', usage: 'Container IPv4/IPv6 link-local addresses' },
    { name: 'log-driver', kind: 'string', type: 'string', usage: 'Logging driver for the container' },
    { name: 'log-opt', kind: 'list', type: 'list', usage: 'Log driver options' },
    { name: 'mac-address', kind: 'string', type: 'string', usage: 'Container MAC address (e.g., 92:d0:c6:0a:29:33)' },
    { name: 'memory', shorthand: 'm', kind: 'bytes', type: 'bytes', usage: 'Memory limit' },
    { name: 'memory-reservation', kind: 'bytes', type: 'bytes', usage: 'Memory soft limit' },
    { name: 'memory-swap', kind: 'bytes', type: 'bytes', usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", allowUnlimited: true },
    { name: 'memory-swappiness', kind: 'int', type: 'int', usage: 'Tune container memory swappiness (0 to 100)', defaultText: '-1', defaultValue: -1 },
    { name: 'mount', kind: 'list', type: 'mount', usage: 'Attach a filesystem mount to the container', check: 'mount' },
    { name: 'name', kind: 'string', type: 'string', usage: 'Assign a name to the container' },
    { name: 'network', kind: 'string', type: 'network', usage: 'Connect a container to a network', check: 'network' },
    { name: 'network-alias', kind: 'list', type: 'list', usage: 'Add network-scoped alias for the container' },
    { name: 'no-healthcheck', kind: 'bool', type: '', usage: 'Disable any container-specified HEALTHCHECK' },
    { name: 'oom-kill-disable', kind: 'bool', type: '', usage: 'Disable OOM Killer' },
    { name: 'oom-score-adj', kind: 'int', type: 'int', usage: "Tune host's OOM preferences (-1000 to 1000)" },
    { name: 'pid', kind: 'string', type: 'string', usage: 'PID namespace to use' },
    { name: 'pids-limit', kind: 'int', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)' },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { name: 'privileged', kind: 'bool', type: '', usage: 'Give extended privileges to this container' },
    { name: 'publish', shorthand: 'p', kind: 'list', type: 'list', usage: "Publish a container's port(s) to the host" },
    { name: 'publish-all', shorthand: 'P', kind: 'bool', type: '', usage: 'Publish all exposed ports to random ports' },
    { name: 'pull', kind: 'string', type: 'string', usage: 'Pull image before running ("always", "missing", "never")', defaultText: '"missing"', defaultValue: "missing" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress the pull output' },
    { name: 'read-only', kind: 'bool', type: '', usage: "Mount the container's root filesystem as read only" },
    { name: 'restart', kind: 'string', type: 'string', usage: 'Restart policy to apply when a container exits', defaultText: '"no"', defaultValue: "no" },
    { name: 'rm', kind: 'bool', type: '', usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
    { name: 'runtime', kind: 'string', type: 'string', usage: 'Runtime to use for this container' },
    { name: 'security-opt', kind: 'list', type: 'list', usage: 'Security Options' },
    { name: 'shm-size', kind: 'bytes', type: 'bytes', usage: 'Size of /dev/shm' },
    { name: 'sig-proxy', kind: 'bool', type: '', usage: 'Proxy received signals to the process', defaultText: 'true', defaultValue: true },
    { name: 'stop-signal', kind: 'string', type: 'string', usage: 'Signal to stop the container' },
    { name: 'stop-timeout', kind: 'int', type: 'int', usage: 'Timeout (in seconds) to stop a container' },
    { name: 'storage-opt', kind: 'list', type: 'list', usage: 'Storage driver options for the container' },
    { name: 'sysctl', kind: 'list', type: 'map', usage: 'Sysctl options', defaultText: 'map[]' },
    { name: 'tmpfs', kind: 'list', type: 'list', usage: 'Mount a tmpfs directory' },
    { name: 'tty', shorthand: 't', kind: 'bool', type: '', usage: 'Allocate a pseudo-TTY' },
    { name: 'ulimit', kind: 'list', type: 'ulimit', usage: 'Ulimit options', defaultText: '[]', check: 'ulimit' },
    { name: 'use-api-socket', kind: 'bool', type: '', usage: 'Bind mount Docker API socket and required auth' },
    { name: 'user', shorthand: 'u', kind: 'string', type: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
    { name: 'userns', kind: 'string', type: 'string', usage: 'User namespace to use' },
    { name: 'uts', kind: 'string', type: 'string', usage: 'UTS namespace to use' },
    { name: 'volume', shorthand: 'v', kind: 'list', type: 'list', usage: 'Bind mount a volume' },
    { name: 'volume-driver', kind: 'string', type: 'string', usage: 'Optional volume driver for the container' },
    { name: 'volumes-from', kind: 'list', type: 'list', usage: 'Mount volumes from the specified container(s)' },
    { name: 'workdir', shorthand: 'w', kind: 'string', type: 'string', usage: 'Working directory inside the container' },
  ],
  // What create-flow and run read; memory, labels, user, hostname and the stop settings are recorded and shown by inspect.
  // Content trust is not simulated and skipping it is Docker's default, so the flag changes nothing.
  supportedFlags: [
    'detach', 'disable-content-trust', 'entrypoint', 'env', 'env-file', 'expose', 'health-cmd', 'health-interval', 'health-retries',
    'health-start-interval', 'health-start-period', 'health-timeout', 'hostname', 'interactive', 'label', 'memory', 'mount', 'name',
    'network', 'network-alias', 'no-healthcheck', 'publish', 'publish-all', 'pull', 'quiet', 'restart', 'rm', 'sig-proxy',
    'stop-signal', 'stop-timeout', 'tmpfs', 'tty', 'user', 'volume', 'workdir',
  ],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const parsed = parseCreateOptions(ctx, invocation);
    if (!parsed.ok) return reportRunFailure(ctx, invocation, parsed);
    const detached = invocation.flags.detach === true;
    if (!detached) {
      // docker/cli's CheckTty: -t with -i needs a terminal on stdin; a pipe or a script is not one.
      if (parsed.options.tty && parsed.options.openStdin && (!ctx.tty || ctx.stdin !== undefined)) {
        ctx.out.stderr('the input device is not a TTY\n');
        return 1;
      }
    } else if (listFlag(invocation.flags.attach).length > 0) {
      ctx.out.stderr('conflicting options: cannot specify both --attach and --detach\n');
      return 1;
    }
    const created = createFromOptions(ctx, invocation, parsed.options);
    if (!created.ok) return reportRunFailure(ctx, invocation, created);
    const { container } = created;
    if (!detached) return runAttached(ctx, invocation, container);
    // docker run prints the id as soon as the container exists, before the start can fail.
    ctx.out.stdout(`${container.id}\n`);
    const started = startContainer(ctx.state, container, { out: ctx.out });
    if (!started.ok) return statusError(ctx, invocation, `Error response from daemon: ${started.message}`, startFailureExitCode(started.message));
    return 0;
  },
};
