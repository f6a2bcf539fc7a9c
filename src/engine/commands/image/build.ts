// `docker image build` (`docker build`): build an image from a Dockerfile.

import { baseImageLookup } from '../../builder/base-images.ts';
import { runBuild, type ProgressMode } from '../../builder/build.ts';
import { buildArgsFrom, buildCacheOf, commitBuild, labelsFrom, readBuildContext, readDockerfile } from '../../builder/context.ts';
import type { CommandDef } from '../../cli/command.ts';
import { resolvePath } from '../../shell/vfs.ts';

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
  // BuildKit itself ignores --rm and --force-rm: no intermediate containers are left to remove.
  supportedFlags: ['build-arg', 'file', 'force-rm', 'label', 'no-cache', 'pull', 'quiet', 'rm', 'tag', 'target'],
  run(ctx, { flags, args }) {
    const list = (name: string): string[] => (Array.isArray(flags[name]) ? (flags[name] as string[]) : []);
    const text = (name: string): string | undefined => (typeof flags[name] === 'string' && flags[name] !== '' ? (flags[name] as string) : undefined);
    if (!ctx.fs) {
      // Without a file system only the client runs, as recorded from the client without buildx: its legacy words.
      ctx.out.stderr(`unable to prepare context: path ${JSON.stringify(args[0])} not found\n`);
      return 1;
    }
    const fromStdin = args[0] === '-';
    const contextDir = resolvePath(ctx.cwd, fromStdin ? '.' : args[0]);
    const context = fromStdin ? { ok: true as const, files: {} } : readBuildContext(ctx.fs, contextDir, args[0]);
    if (!context.ok) {
      ctx.out.stderr(`ERROR: ${context.message}\n`);
      return 1;
    }
    const dockerfile = fromStdin ? { text: ctx.stdin ?? '', name: 'Dockerfile' } : readDockerfile(ctx.fs, ctx.cwd, contextDir, text('file'));
    const outcome = runBuild({
      dockerfile: dockerfile.text,
      dockerfileName: dockerfile.name,
      context: context.files,
      tags: list('tag'),
      target: text('target'),
      buildArgs: buildArgsFrom(list('build-arg'), ctx.env),
      labels: labelsFrom(list('label')),
      noCache: flags['no-cache'] === true,
      pull: flags.pull === true,
      progress: (text('progress') ?? 'auto') as ProgressMode,
      quiet: flags.quiet === true,
      tty: ctx.tty,
      columns: ctx.columns,
      rows: 24,
      lookupBase: baseImageLookup(ctx.state.images),
      cache: buildCacheOf(ctx.state),
      clock: ctx.state.clock,
    });
    for (const piece of outcome.output) {
      ctx.out.wait(piece.delay);
      ctx.out.write(piece.stream, piece.text);
    }
    commitBuild(ctx.state, outcome);
    return outcome.exitCode;
  },
};
