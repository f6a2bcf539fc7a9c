// What every `docker compose` subcommand shares: its global options, loading the project, and writing progress.

import type { FlagValue, Invocation } from '../../cli/command.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import type { CommandContext, Output } from '../../exec/context.ts';
import { TreeFileSystem } from '../../shell/vfs.ts';
import type { MachineState } from '../../state/machine-state.ts';
import { EXIT_FILE_NOT_FOUND, loadProject, normalizeProjectName } from '../load.ts';
import { warningLine } from '../log-line.ts';
import { LABEL } from '../labels.ts';
import type { ComposeProject, ComposeService } from '../model.ts';
import { projectContainers } from '../plan.ts';
import type { Piece, ProgressOptions } from '../progress.ts';

/** compose's global options (`docker compose -f a.yml -p demo …`), as its root command declares them. */
export interface ComposeGlobals {
  files: string[];
  projectName?: string;
  projectDirectory?: string;
  envFiles: string[];
  profiles: string[];
  progress?: string;
  ansi?: string;
  dryRun: boolean;
}

function stringOf(value: FlagValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function listOf(value: FlagValue | undefined): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The global options: given before the subcommand (parentFlags) or, as cobra's persistent flags allow, after it. */
export function globalsOf(invocation: Invocation): ComposeGlobals {
  const merged: Record<string, FlagValue> = { ...(invocation.parentFlags ?? {}) };
  for (const name of invocation.given) if (name in invocation.flags) merged[name] = invocation.flags[name];
  return {
    files: listOf(merged.file),
    ...(stringOf(merged['project-name']) ? { projectName: stringOf(merged['project-name']) } : {}),
    ...(stringOf(merged['project-directory']) ? { projectDirectory: stringOf(merged['project-directory']) } : {}),
    envFiles: listOf(merged['env-file']),
    profiles: listOf(merged.profile),
    ...(stringOf(merged.progress) ? { progress: stringOf(merged.progress) } : {}),
    ...(stringOf(merged.ansi) ? { ansi: stringOf(merged.ansi) } : {}),
    dryRun: merged['dry-run'] === true,
  };
}

/** Every flag as a string list, for list flags the CLI may hand over as one string or many. */
export function flagList(invocation: Invocation, name: string): string[] {
  return listOf(invocation.flags[name]);
}

export function flagString(invocation: Invocation, name: string): string | undefined {
  return stringOf(invocation.flags[name]);
}

export function flagSet(invocation: Invocation, name: string): boolean {
  return invocation.flags[name] === true;
}

export function flagNumber(invocation: Invocation, name: string): number | undefined {
  const value = invocation.flags[name];
  return typeof value === 'number' && invocation.given.has(name) ? value : undefined;
}

/** logrus warnings on stderr, as Compose prints them before anything else. */
export function printWarnings(ctx: CommandContext, warnings: string[], out: Output = ctx.out): void {
  for (const warning of warnings) out.stderr(warningLine(warning, { tty: ctx.tty, clock: ctx.state.clock }));
}

/** A failed compose command: the error alone on stderr (compose prints `err.Error()`), and its status. */
export function composeFailure(ctx: CommandContext, message: string, exitCode = 1, out: Output = ctx.out): number {
  out.stderr(`${message}\n`);
  return exitCode;
}

export type Loaded =
  | { ok: true; project: ComposeProject; globals: ComposeGlobals; /** No file: the project was rebuilt from labels. */ fromLabels?: boolean }
  | { ok: false; exitCode: number };

/** The file system a compose command reads: the shell's, or a live view of the host for callers without one. */
export function hostFs(ctx: CommandContext): TreeFileSystem | NonNullable<CommandContext['fs']> {
  return ctx.fs ?? new TreeFileSystem(ctx.state.host.fs, () => ctx.state.clock);
}

/**
 * Loads the project as compose-go does and prints its warnings. With `allowMissing`, a missing compose
 * file is no error when `-p` names the project: `down`, `ps`, `stop`… then work from container labels.
 */
export function loadFor(ctx: CommandContext, invocation: Invocation, options: { allowMissing?: boolean } = {}): Loaded {
  // The daemon has lived on while the learner typed: containers that ended or restarted did so already.
  reconcileContainers(ctx.state);
  const globals = globalsOf(invocation);
  const result = loadProject({
    fs: hostFs(ctx),
    cwd: ctx.cwd,
    home: ctx.env.HOME ?? ctx.state.host.home,
    env: ctx.env,
    files: globals.files,
    ...(globals.projectName ? { projectName: globals.projectName } : {}),
    ...(globals.projectDirectory ? { projectDirectory: globals.projectDirectory } : {}),
    envFiles: globals.envFiles,
    profiles: globals.profiles,
  });
  printWarnings(ctx, result.warnings);
  if (result.ok) return { ok: true, project: result.project, globals };
  if (options.allowMissing && result.exitCode === EXIT_FILE_NOT_FOUND && globals.projectName && globals.files.length === 0) {
    return { ok: true, project: emptyProject(ctx.state, normalizeProjectName(globals.projectName), ctx.cwd), globals, fromLabels: true };
  }
  return { ok: false, exitCode: composeFailure(ctx, result.message, result.exitCode) };
}

/**
 * A project known only by name (`-p` and no file): Compose rebuilds it from what the engine holds, the
 * services and their dependencies from the containers' labels, networks and volumes from theirs.
 */
export function emptyProject(state: MachineState, name: string, workingDir: string): ComposeProject {
  const services: ComposeService[] = [];
  for (const container of projectContainers(state, name)) {
    const serviceName = container.config.labels[LABEL.service];
    if (serviceName === undefined || services.some((service) => service.name === serviceName)) continue;
    const dependsOn: ComposeService['dependsOn'] = {};
    for (const entry of (container.config.labels[LABEL.dependsOn] ?? '').split(',').filter(Boolean)) {
      const [dependency, condition, restart] = entry.split(':');
      dependsOn[dependency] = { condition: condition as ComposeService['dependsOn'][string]['condition'], required: true, restart: restart === 'true' };
    }
    services.push({
      name: serviceName,
      image: container.image,
      command: null,
      entrypoint: null,
      environment: {},
      envFiles: [],
      ports: [],
      expose: [],
      dependsOn,
      volumes: [],
      networks: {},
      tty: false,
      stdinOpen: false,
      labels: {},
      profiles: [],
      scale: 1,
    });
  }
  services.sort((a, b) => (a.name < b.name ? -1 : 1));
  const networks: ComposeProject['networks'] = {};
  for (const network of state.networks) {
    if (network.labels[LABEL.project] !== name) continue;
    networks[network.labels[LABEL.network] ?? network.name] = { name: network.name, external: false, internal: network.internal, labels: {} };
  }
  const volumes: ComposeProject['volumes'] = {};
  for (const volume of state.volumes) {
    if (volume.labels[LABEL.project] !== name) continue;
    volumes[volume.labels[LABEL.volume] ?? volume.name] = { name: volume.name, external: false, labels: {} };
  }
  return { name, workingDir, composeFiles: [], services, networks, volumes, environment: {} };
}

/** How progress is drawn: `--progress`, else a terminal gets the redrawn block and a pipe plain lines. */
export function progressOptions(ctx: CommandContext, globals: ComposeGlobals, title: string): ProgressOptions {
  const mode = globals.progress === 'plain' ? 'plain' : globals.progress === 'quiet' ? 'quiet' : globals.progress === 'tty' || (globals.progress !== 'plain' && ctx.tty && globals.ansi !== 'never') ? 'tty' : 'plain';
  return { mode, columns: ctx.columns, rows: 24, title, ...(globals.dryRun ? { dryRun: true } : {}) };
}

/**
 * Writes progress pieces. Their delays are time the engine already spent on the clock while nothing was
 * shown, so the clock steps back by each delay and the wait moves it on again: the terminal plays the
 * time, the clock ends where the work left it.
 */
export function showPieces(state: MachineState, out: Output, pieces: Piece[]): void {
  for (const piece of pieces) {
    state.clock -= piece.delay;
    out.wait(piece.delay);
    out.stderr(piece.text);
  }
}

/** Services named on the command line that the project does not have: compose's `no such service` error. */
export function unknownService(project: ComposeProject, names: string[]): string | undefined {
  const missing = names.find((name) => !project.services.some((service) => service.name === name));
  return missing === undefined ? undefined : `no such service: ${missing}`;
}
