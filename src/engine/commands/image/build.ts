// `docker image build` (`docker build`) as the client alone declares it: its help and flags, and the legacy builder's first check.

import type { CommandDef, Invocation } from '../../cli/command.ts';
import { notSimulated } from '../../cli/errors.ts';
import type { CommandContext } from '../../exec/context.ts';
import { isFsError, resolvePath } from '../../shell/vfs.ts';

export const buildCommand: CommandDef = {
  path: ['image', 'build'],
  use: 'build [OPTIONS] PATH | URL | -',
  aliases: ['docker image build', 'docker build', 'docker builder build'],
  short: 'Build an image from a Dockerfile',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'add-host', kind: 'list', type: 'list', usage: 'Add a custom host-to-IP mapping ("host:ip")', check: 'host-ip' },
    { name: 'build-arg', kind: 'list', type: 'list', usage: 'Set build-time variables' },
    { name: 'cache-from', kind: 'list', type: 'strings', usage: 'Images to consider as cache sources' },
    { name: 'cgroup-parent', kind: 'string', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build' },
    { name: 'compress', kind: 'bool', type: '', usage: 'Compress the build context using gzip' },
    { name: 'cpu-period', kind: 'int', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', kind: 'int', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-shares', shorthand: 'c', kind: 'int', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpuset-cpus', kind: 'string', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'cpuset-mems', kind: 'string', type: 'string', usage: 'MEMs in which to allow execution (0-3, 0,1)' },
    { name: 'disable-content-trust', kind: 'bool', type: '', usage: 'Skip image verification', defaultText: 'true', defaultValue: true },
    { name: 'file', shorthand: 'f', kind: 'string', type: 'string', usage: 'Name of the Dockerfile (Default is "PATH/Dockerfile")' },
    { name: 'force-rm', kind: 'bool', type: '', usage: 'Always remove intermediate containers' },
    { name: 'iidfile', kind: 'string', type: 'string', usage: 'Write the image ID to the file' },
    { name: 'isolation', kind: 'string', type: 'string', usage: 'Container isolation technology' },
    { name: 'label', kind: 'list', type: 'list', usage: 'Set metadata for an image' },
    { name: 'memory', shorthand: 'm', kind: 'bytes', type: 'bytes', usage: 'Memory limit' },
    { name: 'memory-swap', kind: 'bytes', type: 'bytes', usage: 'Swap limit equal to memory plus swap: -1 to enable unlimited swap', allowUnlimited: true },
    { name: 'network', kind: 'string', type: 'string', usage: 'Set the networking mode for the RUN instructions during build', defaultText: '"default"', defaultValue: 'default' },
    { name: 'no-cache', kind: 'bool', type: '', usage: 'Do not use cache when building the image' },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { name: 'pull', kind: 'bool', type: '', usage: 'Always attempt to pull a newer version of the image' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress the build output and print image ID on success' },
    { name: 'rm', kind: 'bool', type: '', usage: 'Remove intermediate containers after a successful build', defaultText: 'true', defaultValue: true },
    { name: 'security-opt', kind: 'list', type: 'strings', usage: 'Security options' },
    { name: 'shm-size', kind: 'bytes', type: 'bytes', usage: 'Size of "/dev/shm"' },
    { name: 'squash', kind: 'bool', type: '', usage: 'Squash newly built layers into a single new layer', requires: { experimental: true } },
    { name: 'tag', shorthand: 't', kind: 'list', type: 'list', usage: 'Name and optionally a tag in the "name:tag" format' },
    { name: 'target', kind: 'string', type: 'string', usage: 'Set the target build stage to build.' },
    { name: 'ulimit', kind: 'list', type: 'ulimit', usage: 'Ulimit options', defaultText: '[]', check: 'ulimit' },
  ],
  run: runLegacyClient,
};

/**
 * The client without buildx (the recorded fixtures' setup): the legacy builder looks for its context
 * before it talks to the daemon. Builds themselves are BuildKit's, in commands/buildx/build.ts: with
 * buildx installed, as Docker 28 ships it, `docker build` runs `docker buildx build`.
 */
function runLegacyClient(ctx: CommandContext, { args }: Invocation): number {
  const path = args[0];
  const root = ctx.fs && path !== '-' ? ctx.fs.stat(resolvePath(ctx.cwd, path)) : undefined;
  if (path !== '-' && (!root || isFsError(root) || root.type !== 'dir')) {
    ctx.out.stderr(`unable to prepare context: path ${JSON.stringify(path)} not found\n`);
    return 1;
  }
  const refused = notSimulated('docker build');
  ctx.out.stderr(refused.message);
  return refused.exitCode;
}
