// What `docker run` and `docker create` share: the client's option checks, the image (pulled when missing) and the create request.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { createContainer, createWarnings, parseSignal, verifyContainerSettings, type ContainerSpec } from '../../daemon/containers.ts';
import { findImageByTag, resolveImage } from '../../daemon/images.ts';
import { pullImage } from '../../daemon/pull.ts';
import { parseReference } from '../../registry/reference.ts';
import { isFsError, normalizePath } from '../../shell/vfs.ts';
import type { ContainerRecord, HealthcheckConfig, ImageRecord, MountRecord, PortBinding } from '../../state/machine-state.ts';
import { listFlag, parseEnvFile, parseMount, parsePublish, parseRestartPolicy, parseVolume } from './run-options.ts';

/**
 * Where a failure comes from decides how run and create print it: `client` (docker/cli's own checks),
 * `reference` (an image name that does not parse) or `daemon` (`Error response from daemon: …`).
 */
export type CreateFailure = { ok: false; source: 'client' | 'reference' | 'daemon'; message: string };

export type CreateOutcome = { ok: true; container: ContainerRecord } | CreateFailure;

type Options = Omit<ContainerSpec, 'imageRecord'> & { pull: string; quiet: boolean; bindSources: { path: string; fromVolumeFlag: boolean }[] };

function stringFlag(invocation: Invocation, name: string): string | undefined {
  const value = invocation.flags[name];
  return typeof value === 'string' ? value : undefined;
}

const client = (message: string): CreateFailure => ({ ok: false, source: 'client', message });
const daemon = (message: string): CreateFailure => ({ ok: false, source: 'daemon', message });

function resolvePath(ctx: CommandContext, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${ctx.cwd}/${path}`);
}

export type CreateOptions = Options;

function numberFlag(invocation: Invocation, name: string): number {
  const value = invocation.flags[name];
  return typeof value === 'number' ? value : 0;
}

/**
 * docker/cli's healthcheck options: `--no-healthcheck` is `["NONE"]`, any `--health-*` makes a config (its test
 * `CMD-SHELL` when `--health-cmd` is given, else empty so the image's is kept); durations go as nanoseconds.
 */
function parseHealthOptions(invocation: Invocation): { ok: true; value: HealthcheckConfig | undefined } | CreateFailure {
  const command = stringFlag(invocation, 'health-cmd') ?? '';
  const durations = {
    interval: numberFlag(invocation, 'health-interval'),
    timeout: numberFlag(invocation, 'health-timeout'),
    startPeriod: numberFlag(invocation, 'health-start-period'),
    startInterval: numberFlag(invocation, 'health-start-interval'),
  };
  const retries = numberFlag(invocation, 'health-retries');
  const given = command !== '' || Object.values(durations).some((ms) => ms !== 0) || retries !== 0;
  if (invocation.flags['no-healthcheck'] === true) {
    if (given) return client('--no-healthcheck conflicts with --health-* options');
    return { ok: true, value: { test: ['NONE'] } };
  }
  if (!given) return { ok: true, value: undefined };
  if (durations.interval < 0) return client('--health-interval cannot be negative');
  if (durations.timeout < 0) return client('--health-timeout cannot be negative');
  if (retries < 0) return client('--health-retries cannot be negative');
  if (durations.startPeriod < 0) return client('--health-start-period cannot be negative');
  if (durations.startInterval < 0) return client('--health-start-interval cannot be negative');
  const value: HealthcheckConfig = { test: command !== '' ? ['CMD-SHELL', command] : [] };
  for (const [field, ms] of Object.entries(durations) as [keyof typeof durations, number][]) if (ms !== 0) value[field] = Math.round(ms * 1_000_000);
  if (retries !== 0) value.retries = retries;
  return { ok: true, value };
}

/** docker/cli's `parse()` of the create flags: what it refuses before talking to the daemon, in its order. */
export function parseCreateOptions(ctx: CommandContext, invocation: Invocation): { ok: true; options: CreateOptions } | CreateFailure {
  const { flags } = invocation;
  const pull = stringFlag(invocation, 'pull') ?? 'missing';
  if (!['always', 'missing', 'never'].includes(pull)) {
    return client(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  }
  const expose: string[] = [];
  for (const spec of listFlag(flags.expose)) {
    const [range, protocol = 'tcp'] = spec.split('/');
    const [start, end = start] = range.split('-');
    for (const part of [start, end]) {
      if (!/^\d+$/.test(part)) return client(`invalid range format for --expose: ${spec}, error: strconv.ParseUint: parsing ${JSON.stringify(part)}: invalid syntax`);
    }
    for (let port = Number(start); port <= Number(end); port++) expose.push(`${port}/${protocol}`);
  }
  const portBindings: PortBinding[] = [];
  for (const spec of listFlag(flags.publish)) {
    const parsed = parsePublish(spec);
    if (!parsed.ok) return client(parsed.message);
    portBindings.push(...parsed.value);
  }
  const mounts: MountRecord[] = [];
  const bindSources: Options['bindSources'] = [];
  for (const spec of listFlag(flags.volume)) {
    const parsed = parseVolume(spec, ctx.env.HOME ?? '/root', ctx.cwd);
    if (!parsed.ok) return parsed.daemon ? daemon(parsed.message) : client(parsed.message);
    mounts.push(parsed.value);
    if (parsed.value.type === 'bind') bindSources.push({ path: parsed.value.source, fromVolumeFlag: true });
  }
  for (const spec of listFlag(flags.mount)) {
    const parsed = parseMount(spec, ctx.cwd);
    if (!parsed.ok) return parsed.daemon ? daemon(parsed.message) : client(parsed.message);
    mounts.push(parsed.value);
    if (parsed.value.type === 'bind') bindSources.push({ path: parsed.value.source, fromVolumeFlag: false });
  }
  for (const spec of listFlag(flags.tmpfs)) {
    mounts.push({ type: 'tmpfs', source: '', destination: spec.split(':')[0], readOnly: false });
  }
  // Env files come first, then -e; `-e NAME` alone takes NAME from the client's environment.
  const env: string[] = [];
  for (const file of listFlag(flags['env-file'])) {
    const content = ctx.fs?.readFile(resolvePath(ctx, file));
    if (content === undefined || isFsError(content)) {
      const reason = content && isFsError(content) && content.errno === 'EISDIR' ? 'is a directory' : 'no such file or directory';
      return client(reason === 'is a directory' ? `read ${file}: is a directory` : `open ${file}: no such file or directory`);
    }
    const parsed = parseEnvFile(content, (name) => ctx.env[name]);
    if (!parsed.ok) return client(parsed.message);
    env.push(...parsed.value);
  }
  for (const entry of listFlag(flags.env)) {
    if (entry.includes('=')) env.push(entry);
    else if (ctx.env[entry] !== undefined) env.push(`${entry}=${ctx.env[entry]}`);
  }
  const restart = parseRestartPolicy(stringFlag(invocation, 'restart') ?? 'no');
  if (!restart.ok) return client(restart.message);
  const autoRemove = flags.rm === true;
  if (autoRemove && restart.value.name !== 'no' && restart.value.name !== '') {
    return client('conflicting options: cannot specify both --restart and --rm');
  }
  const health = parseHealthOptions(invocation);
  if (!health.ok) return health;
  const labels: Record<string, string> = {};
  for (const label of listFlag(flags.label)) {
    const eq = label.indexOf('=');
    labels[eq < 0 ? label : label.slice(0, eq)] = eq < 0 ? '' : label.slice(eq + 1);
  }
  const stopTimeout = typeof flags['stop-timeout'] === 'number' && invocation.given.has('stop-timeout') ? flags['stop-timeout'] : undefined;
  return {
    ok: true,
    options: {
      image: invocation.args[0],
      name: stringFlag(invocation, 'name'),
      command: invocation.args.slice(1),
      entrypoint: invocation.given.has('entrypoint') ? (stringFlag(invocation, 'entrypoint') ?? '') : undefined,
      env,
      tty: flags.tty === true,
      openStdin: flags.interactive === true,
      workingDir: stringFlag(invocation, 'workdir'),
      user: stringFlag(invocation, 'user'),
      portBindings,
      publishAll: flags['publish-all'] === true,
      mounts,
      autoRemove,
      restartPolicy: restart.value.name === '' ? { name: 'no', maximumRetryCount: 0 } : restart.value,
      networkMode: stringFlag(invocation, 'network') ?? 'bridge',
      networkAliases: listFlag(flags['network-alias']),
      memory: typeof flags.memory === 'number' ? flags.memory : 0,
      labels,
      hostname: stringFlag(invocation, 'hostname'),
      expose,
      stopSignal: stringFlag(invocation, 'stop-signal'),
      stopTimeout,
      ...(health.value ? { healthcheck: health.value } : {}),
      // Without -a the client attaches stdout and stderr, and stdin with -i; `run -d` takes them back.
      attach: detachedRun(invocation)
        ? { stdin: false, stdout: false, stderr: false }
        : attachStreams(listFlag(flags.attach), flags.interactive === true),
      pull,
      quiet: flags.quiet === true,
      bindSources,
    },
  };
}

function detachedRun(invocation: Invocation): boolean {
  return invocation.flags.detach === true;
}

function attachStreams(attach: string[], interactive: boolean): { stdin: boolean; stdout: boolean; stderr: boolean } {
  const lower = attach.map((stream) => stream.toLowerCase());
  const none = lower.length === 0;
  return { stdin: interactive || lower.includes('stdin'), stdout: none || lower.includes('stdout'), stderr: none || lower.includes('stderr') };
}

/** The daemon's create-time checks that come before it looks for the image. */
function daemonChecks(options: Options): string | null {
  if (options.workingDir !== undefined && options.workingDir !== '' && !options.workingDir.startsWith('/')) {
    return `the working directory '${options.workingDir}' is invalid, it needs to be an absolute path`;
  }
  if (options.stopSignal !== undefined) {
    const parsed = parseSignal(options.stopSignal);
    if (!parsed.ok) return parsed.message;
  }
  return null;
}

/** Finds the image as the create request names it: a tag, or an id or id prefix. */
function localImage(ctx: CommandContext, text: string, reference: { familiar: string }): ImageRecord | undefined {
  return resolveImage(ctx.state, text) ?? findImageByTag(ctx.state, reference.familiar);
}

/**
 * docker/cli's `createContainer`: the create request, and on `No such image` (with `--pull missing`) the
 * `Unable to find image` notice, a pull (progress on stderr) and a second request. Warnings go to stderr.
 */
export function createFromOptions(ctx: CommandContext, invocation: Invocation, options: CreateOptions): CreateOutcome {
  const imageText = invocation.args[0];
  const referenceResult = parseReference(imageText);
  const byId = resolveImage(ctx.state, imageText);
  if (!byId && !referenceResult.ok) return { ok: false, source: 'reference', message: referenceResult.message };
  const reference = referenceResult.ok ? referenceResult.withDefaultTag() : undefined;
  const pullOutput = { out: ctx.out, stream: 'stderr' as const, tty: ctx.tty, columns: ctx.columns, quiet: options.quiet };
  let image = reference ? localImage(ctx, imageText, reference) : byId;
  if (options.pull === 'always' && reference) {
    const pulled = pullImage(ctx.state, reference, pullOutput);
    if (!pulled.ok) return daemon(pulled.message);
    image = pulled.image;
  }
  const settings = daemonChecks(options) ?? verifyContainerSettings(ctx.state, options);
  if (settings) return daemon(settings);
  if (!image) {
    const missing = `No such image: ${reference?.familiar ?? imageText}`;
    if (options.pull !== 'missing' || !reference) return daemon(missing);
    if (!options.quiet) ctx.out.stderr(`Unable to find image '${reference.familiar}' locally\n`);
    const pulled = pullImage(ctx.state, reference, pullOutput);
    if (!pulled.ok) return daemon(pulled.message);
    image = pulled.image;
  }
  for (const source of options.bindSources) {
    const exists = ctx.fs ? !isFsError(ctx.fs.stat(source.path)) : true;
    if (exists) continue;
    // `-v` makes a missing host folder; `--mount` refuses it.
    if (!source.fromVolumeFlag) return daemon(`invalid mount config for type "bind": bind source path does not exist: ${source.path}`);
    ctx.fs?.mkdir(source.path, { parents: true });
  }
  const { pull: _pull, quiet: _quiet, bindSources: _bindSources, ...request } = options;
  const spec: ContainerSpec = { ...request, imageRecord: image };
  const created = createContainer(ctx.state, spec);
  if (!created.ok) return daemon(created.message);
  for (const warning of createWarnings(spec)) ctx.out.stderr(`WARNING: ${warning}\n`);
  return { ok: true, container: created.container };
}
