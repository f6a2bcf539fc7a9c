// The engine's only door: a simulated machine that runs shell lines and answers as Docker would.

import { runDocker } from './cli/dispatch.ts';
import { dockerRoot } from './commands/docker.ts';
import { composeV1Argv } from './commands/compose/compatibility.ts';
import { dockerHelpSummary } from './commands/supported.ts';
import { Output, type CommandContext } from './exec/context.ts';
import { createInitialState, type InitialStateOptions } from './state/initial-state.ts';
import { STATE_SCHEMA_VERSION, type MachineState } from './state/machine-state.ts';
import { isComplete, runShell } from './shell/run.ts';
import { hostSession, type Program, type ShellSession } from './shell/session.ts';
import { isScenarioName, layScenario, SCENARIOS, type ScenarioName } from './scenarios/index.ts';
import { LiveTreeFileSystem } from './daemon/container-fs.ts';
import { reconcileContainers } from './daemon/containers.ts';
import { hostCurl } from './programs/curl.ts';
import { containerPrompt, endOfInputInShell, runTypedLine, shellDepth } from './programs/session-stack.ts';
import type { ExecOptions, ExecResult, Machine } from './types.ts';

export type { ExecOptions, ExecResult, Machine, OutputChunk, Stream } from './types.ts';
export { streamText } from './types.ts';
export { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './scenarios/index.ts';

const DEFAULT_COLUMNS = 80;

/** The programs the learner's host offers besides the shell's builtins. */
const HOST_PROGRAMS: Record<string, { summary: string; program: Program }> = {
  docker: {
    summary: dockerHelpSummary(dockerRoot),
    program: (ctx, argv) => runDocker(ctx, argv.slice(1), dockerRoot),
  },
  curl: {
    summary: 'curl 8.5: HTTP requests to published ports and container addresses',
    program: hostCurl,
  },
  // Docker Desktop's compatibility command: Compose v2 under the v1 name.
  'docker-compose': {
    summary: 'Compose v2 under its v1 name: runs docker compose',
    program: (ctx, argv) => runDocker(ctx, composeV1Argv(argv.slice(1)), dockerRoot),
  },
};

class SimulatedMachine implements Machine {
  private readonly state: MachineState;
  private pendingInterrupt: ((out: Output) => number) | undefined;
  private pendingAnswer: ((answer: string | null, out: Output) => number) | undefined;

  constructor(state: MachineState) {
    this.state = state;
    const programs = (name: string): Program | undefined => {
      const key = name.replace(/^\/usr\/(local\/)?bin\//, '');
      // Own keys only: `valueOf` or `constructor` typed at the prompt are not programs.
      if (!Object.hasOwn(HOST_PROGRAMS, key)) return undefined;
      const entry = HOST_PROGRAMS[key];
      return (ctx: CommandContext, argv: string[]) =>
        entry.program(
          { ...ctx, follow: (handler) => (this.pendingInterrupt = handler), ask: (handler) => (this.pendingAnswer = handler) },
          argv,
        );
    };
    const describePrograms = () => Object.entries(HOST_PROGRAMS).map(([name, entry]) => ({ name, summary: entry.summary }));
    // Live: a container writing into a bind-mounted folder changes the host's files behind the shell's back.
    this.session = hostSession(state, { programs, describePrograms }, new LiveTreeFileSystem(() => state.host.fs, () => state.clock));
  }

  private readonly session: ShellSession;

  exec(source: string, options: ExecOptions = {}): ExecResult {
    const out = new Output(this.state);
    const answer = this.pendingAnswer;
    if (answer) {
      // The line answers the question a command asked; it is not a shell command.
      this.pendingAnswer = undefined;
      const exitCode = answer(source, out);
      this.state.host.lastExitCode = exitCode;
      return { exitCode, chunks: out.chunks, following: false };
    }
    this.pendingInterrupt = undefined;
    const columns = options.columns ?? DEFAULT_COLUMNS;
    // Inside a container (`docker run -it`, `docker exec -it`), the line goes to the container's shell.
    const inContainer = runTypedLine(this.state, source, { out, columns, follow: (handler) => (this.pendingInterrupt = handler) });
    if (inContainer !== undefined) {
      reconcileContainers(this.state);
      return { exitCode: inContainer, chunks: out.chunks, following: this.pendingInterrupt !== undefined };
    }
    const depth = shellDepth(this.state);
    const exitCode = runShell(this.session, source, { out, tty: options.tty ?? false, columns });
    // Time the line let pass (`sleep`) ends processes and runs restart policies, for whoever reads the state next.
    reconcileContainers(this.state);
    // A command that entered a container's shell does not wait for Ctrl+C: the learner now types into that shell.
    if (shellDepth(this.state) > depth) this.pendingInterrupt = undefined;
    const result: ExecResult = { exitCode, chunks: out.chunks, following: this.pendingInterrupt !== undefined };
    if (this.pendingAnswer) result.asking = true;
    return result;
  }

  interrupt(): ExecResult {
    const out = new Output(this.state);
    const answer = this.pendingAnswer;
    if (answer) {
      this.pendingAnswer = undefined;
      const exitCode = answer(null, out);
      this.state.host.lastExitCode = exitCode;
      return { exitCode, chunks: out.chunks, following: false };
    }
    const handler = this.pendingInterrupt;
    this.pendingInterrupt = undefined;
    const exitCode = handler ? handler(out) : 0;
    this.state.host.lastExitCode = exitCode;
    return { exitCode, chunks: out.chunks, following: false };
  }

  endOfInput(): ExecResult {
    const out = new Output(this.state);
    const exitCode = endOfInputInShell(this.state, out) ?? this.state.host.lastExitCode;
    return { exitCode, chunks: out.chunks, following: false };
  }

  isComplete(source: string): boolean {
    return this.pendingAnswer !== undefined || isComplete(source);
  }

  prompt(): string {
    if (this.pendingAnswer) return '';
    const inContainer = containerPrompt(this.state);
    if (inContainer !== undefined) return inContainer;
    const { host } = this.state;
    const where = host.cwd === host.home ? '~' : host.cwd.startsWith(`${host.home}/`) ? `~${host.cwd.slice(host.home.length)}` : host.cwd;
    return `${host.user}@${host.hostname}:${where}$ `;
  }

  advanceClock(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) this.state.clock += Math.floor(ms);
    reconcileContainers(this.state);
  }

  serialize(): string {
    return JSON.stringify(this.state);
  }

  /** A deep copy of the state, for state panels and goal checks. */
  snapshot(): MachineState {
    return structuredClone(this.state);
  }
}

export interface CreateMachineOptions extends InitialStateOptions {
  /** A start scenario (`flask-postgres`): its files in the learner's home and the folder the shell starts in. */
  scenario?: ScenarioName;
}

export function createMachine(options: CreateMachineOptions = {}): Machine & { snapshot(): MachineState } {
  const state = createInitialState(options);
  // A name from outside the type (a lesson's frontmatter) that is not a scenario leaves the machine plain.
  if (options.scenario !== undefined && isScenarioName(options.scenario)) layScenario(state, SCENARIOS[options.scenario]);
  return new SimulatedMachine(state);
}

export type LoadResult = { ok: true; machine: Machine & { snapshot(): MachineState } } | { ok: false; error: string };

/** Restores a machine from `serialize()` output; a wrong or newer schema is refused, never half-loaded. */
export function loadMachine(json: string): LoadResult {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return { ok: false, error: 'saved machine is not valid JSON' };
  }
  if (typeof state !== 'object' || state === null || (state as MachineState).schema !== STATE_SCHEMA_VERSION) {
    return { ok: false, error: `saved machine has an unknown schema (expected ${STATE_SCHEMA_VERSION})` };
  }
  return { ok: true, machine: new SimulatedMachine(state as MachineState) };
}
