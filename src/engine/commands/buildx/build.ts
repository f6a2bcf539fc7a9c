// `docker buildx build` (also `docker build`, `docker image build`, `docker builder build` once buildx is installed): BuildKit's build, declared as buildx 0.24's commands/build.go and run against the simulated builder.

import { baseImageLookup } from '../../builder/base-images.ts';
import { runBuild, type ProgressMode } from '../../builder/build.ts';
import { buildArgsFrom, buildCacheOf, commitBuild, labelsFrom, readBuildContext, readDockerfile } from '../../builder/context.ts';
import type { CommandDef, FlagDef, Invocation } from '../../cli/command.ts';
import { flagsNotSimulated } from '../../cli/errors.ts';
import type { CommandContext } from '../../exec/context.ts';
import { isFsError, resolvePath } from '../../shell/vfs.ts';
import { buildxFlags } from './root-flags.ts';

const hidden = (flag: FlagDef): FlagDef => ({ ...flag, hidden: true });

export const buildCommand: CommandDef = {
  path: ['buildx', 'build'],
  use: 'build [OPTIONS] PATH | URL | -',
  // buildx's "aliases" annotation, which docker/cli's help prints instead of cobra's own list.
  aliases: ['docker build', 'docker builder build', 'docker image build', 'docker buildx b'],
  short: 'Start a build',
  args: { min: 1, max: 1 },
  flags: buildxFlags([
    { name: 'add-host', kind: 'list', type: 'strings', usage: 'Add a custom host-to-IP mapping (format: "host:ip")' },
    { name: 'allow', kind: 'list', type: 'stringArray', usage: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")' },
    { name: 'annotation', kind: 'list', type: 'stringArray', usage: 'Add annotation to the image' },
    { name: 'attest', kind: 'list', type: 'stringArray', usage: 'Attestation parameters (format: "type=sbom,generator=image")' },
    { name: 'build-arg', kind: 'list', type: 'stringArray', usage: 'Set build-time variables' },
    { name: 'build-context', kind: 'list', type: 'stringArray', usage: 'Additional build contexts (e.g., name=path)' },
    { name: 'cache-from', kind: 'list', type: 'stringArray', usage: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")' },
    { name: 'cache-to', kind: 'list', type: 'stringArray', usage: 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")' },
    { name: 'call', kind: 'string', type: 'string', usage: 'Set method for evaluating build ("check", "outline", "targets")', defaultText: '"build"', defaultValue: 'build' },
    { name: 'cgroup-parent', kind: 'string', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build' },
    // A bool-like value with an empty default: pflag prints "(default )".
    { name: 'check', kind: 'bool', type: '', usage: 'Shorthand for "--call=check"', defaultText: '' },
    { name: 'file', shorthand: 'f', kind: 'string', type: 'string', usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
    { name: 'iidfile', kind: 'string', type: 'string', usage: 'Write the image ID to a file' },
    { name: 'label', kind: 'list', type: 'stringArray', usage: 'Set metadata for an image' },
    { name: 'load', kind: 'bool', type: '', usage: 'Shorthand for "--output=type=docker"' },
    { name: 'metadata-file', kind: 'string', type: 'string', usage: 'Write build result metadata to a file' },
    { name: 'network', kind: 'string', type: 'string', usage: 'Set the networking mode for the "RUN" instructions during build', defaultText: '"default"', defaultValue: 'default' },
    { name: 'no-cache', kind: 'bool', type: '', usage: 'Do not use cache when building the image' },
    { name: 'no-cache-filter', kind: 'list', type: 'stringArray', usage: 'Do not cache specified stages' },
    { name: 'output', shorthand: 'o', kind: 'list', type: 'stringArray', usage: 'Output destination (format: "type=local,dest=path")' },
    { name: 'platform', kind: 'list', type: 'stringArray', usage: 'Set target platform for build' },
    { name: 'progress', kind: 'string', type: 'string', usage: 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output', defaultText: '"auto"', defaultValue: 'auto' },
    { name: 'provenance', kind: 'string', type: 'string', usage: 'Shorthand for "--attest=type=provenance"' },
    { name: 'pull', kind: 'bool', type: '', usage: 'Always attempt to pull all referenced images' },
    { name: 'push', kind: 'bool', type: '', usage: 'Shorthand for "--output=type=registry"' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress the build output and print image ID on success' },
    { name: 'sbom', kind: 'string', type: 'string', usage: 'Shorthand for "--attest=type=sbom"' },
    { name: 'secret', kind: 'list', type: 'stringArray', usage: 'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")' },
    { name: 'shm-size', kind: 'bytes', type: 'bytes', usage: 'Shared memory size for build containers' },
    { name: 'ssh', kind: 'list', type: 'stringArray', usage: 'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")' },
    { name: 'tag', shorthand: 't', kind: 'list', type: 'stringArray', usage: 'Name and optionally a tag (format: "name:tag")' },
    { name: 'target', kind: 'string', type: 'string', usage: 'Set the target build stage to build' },
    { name: 'ulimit', kind: 'list', type: 'ulimit', usage: 'Ulimit options', defaultText: '[]', check: 'ulimit' },
    // Accepted for the legacy builder's command lines, never listed.
    hidden({ name: 'print', kind: 'string', type: 'string', usage: 'Print result of information request (e.g., outline, targets)' }),
    hidden({ name: 'compress', kind: 'bool', type: '', usage: 'Compress the build context using gzip' }),
    hidden({ name: 'isolation', kind: 'string', type: 'string', usage: 'Container isolation technology' }),
    hidden({ name: 'security-opt', kind: 'list', type: 'strings', usage: 'Security options' }),
    hidden({ name: 'squash', kind: 'bool', type: '', usage: 'Squash newly built layers into a single new layer' }),
    hidden({ name: 'memory', shorthand: 'm', kind: 'string', type: 'string', usage: 'Memory limit' }),
    hidden({ name: 'memory-swap', kind: 'string', type: 'string', usage: 'Swap limit equal to memory plus swap: "-1" to enable unlimited swap' }),
    hidden({ name: 'cpu-shares', shorthand: 'c', kind: 'int', type: 'int', usage: 'CPU shares (relative weight)' }),
    hidden({ name: 'cpu-period', kind: 'int', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) period' }),
    hidden({ name: 'cpu-quota', kind: 'int', type: 'int', usage: 'Limit the CPU CFS (Completely Fair Scheduler) quota' }),
    hidden({ name: 'cpuset-cpus', kind: 'string', type: 'string', usage: 'CPUs in which to allow execution ("0-3", "0,1")' }),
    hidden({ name: 'cpuset-mems', kind: 'string', type: 'string', usage: 'MEMs in which to allow execution ("0-3", "0,1")' }),
    hidden({ name: 'rm', kind: 'bool', type: '', usage: 'Remove intermediate containers after a successful build', defaultValue: true }),
    hidden({ name: 'force-rm', kind: 'bool', type: '', usage: 'Always remove intermediate containers' }),
  ]),
  // What the builder plays (src/engine/builder). `--load` is what the docker driver does anyway.
  supportedFlags: ['build-arg', 'file', 'label', 'load', 'no-cache', 'progress', 'pull', 'quiet', 'tag', 'target'],
  run: runBuildx,
};

/** progressui.NewDisplay's modes, as `--progress` (or BUILDKIT_PROGRESS) names them. */
const PROGRESS_MODES: readonly string[] = ['auto', 'quiet', 'plain', 'tty', 'rawjson'];

function fail(ctx: CommandContext, message: string): number {
  ctx.out.stderr(`ERROR: ${message}\n`);
  return 1;
}

/** `docker buildx build` on the docker driver: the context and Dockerfile from the shell's file system, the image into the store. */
function runBuildx(ctx: CommandContext, { flags, given, args, commandPath }: Invocation): number {
  const list = (name: string): string[] => (Array.isArray(flags[name]) ? (flags[name] as string[]) : []);
  const text = (name: string): string | undefined => (typeof flags[name] === 'string' && flags[name] !== '' ? (flags[name] as string) : undefined);
  // buildx takes BUILDKIT_PROGRESS when --progress is left at its default.
  const progress = given.has('progress') ? (text('progress') ?? '') : ctx.env.BUILDKIT_PROGRESS || 'auto';
  const quiet = flags.quiet === true;
  if (quiet && progress !== 'auto' && progress !== 'quiet') return fail(ctx, `progress=${progress} and quiet cannot be used together`);
  if (!PROGRESS_MODES.includes(progress)) return fail(ctx, `invalid progress mode ${progress}`);
  if (progress === 'rawjson') {
    const refused = flagsNotSimulated(['progress=rawjson'], commandPath);
    ctx.out.stderr(refused.message);
    return refused.exitCode;
  }
  // The printer is made before the context is read: a terminal display needs a terminal.
  if (progress === 'tty' && !quiet && !ctx.tty) return fail(ctx, 'failed to get console: provided file is not a console');

  const fromStdin = args[0] === '-';
  const contextDir = resolvePath(ctx.cwd, fromStdin ? '.' : args[0]);
  // LoadInputs: a context that is not a directory (or URL) is "not found", a file included.
  const root = ctx.fs && !fromStdin ? ctx.fs.stat(contextDir) : undefined;
  if (!fromStdin && (!ctx.fs || !root || isFsError(root) || root.type !== 'dir')) return fail(ctx, `unable to prepare context: path ${JSON.stringify(args[0])} not found`);
  const context = fromStdin || !ctx.fs ? { ok: true as const, files: {} } : readBuildContext(ctx.fs, contextDir, args[0]);
  if (!context.ok) return fail(ctx, context.message);
  const file = text('file');
  const dockerfile =
    fromStdin || file === '-'
      ? { text: ctx.stdin ?? '', name: 'Dockerfile' }
      : ctx.fs
        ? readDockerfile(ctx.fs, ctx.cwd, contextDir, file)
        : { text: undefined, name: 'Dockerfile' };
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
    progress: progress as ProgressMode,
    quiet,
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
}
