// A container's main process when it is a shell or a plain command (alpine, busybox, ubuntu, debian, and any image run with a command).

import type { ContainerRecord, ContainerShellRecord, MachineState } from '../state/machine-state.ts';
import { baseName, isBareShell, processEnvironment, runProcess, shellKindOf, startDirectory } from './container-process.ts';
import type { ContainerProgram, ProgramOutcome, ProgramRuntime } from './program.ts';
import { replBanner, replKindOf, replRecord } from './repl.ts';

/** `sleep`'s durations: `5`, `1.5`, `2m`, `infinity`. Null when sleep would refuse it. */
function sleepMilliseconds(args: string[]): number | null {
  if (args.length === 0) return null;
  let total = 0;
  for (const arg of args) {
    if (arg === 'infinity' || arg === 'inf') return Number.POSITIVE_INFINITY;
    const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!match) return null;
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]] ?? 1;
    total += Number(match[1]) * unit * 1000;
  }
  return total;
}

/** Scripts that never end by themselves (`while true; do …; done`): the process keeps running. */
function loopsForever(script: string): boolean {
  return /\bwhile\s+(true|:|\[\s*1\s*\])\s*;?\s*do\b/.test(script) || /\btail\s+-f\b/.test(script) || /\bsleep\s+infinity\b/.test(script);
}

/** The image's entrypoint script hands on to the command (`exec "$@"`), as nginx's, postgres's, redis's and node's do. */
function withoutEntrypoint(state: MachineState, container: ContainerRecord, argv: string[]): string[] {
  if (baseName(argv[0]) !== 'docker-entrypoint.sh' || argv.length < 2) return argv;
  const rest = argv.slice(1);
  const program = state.images.find((image) => image.id === container.imageId)?.config.program;
  // node's entrypoint runs `node "$@"` when the first word is an option or a script rather than a command.
  if (program === 'node' && (rest[0].startsWith('-') || /\.(c|m)?js$/.test(rest[0]))) return ['node', ...rest];
  if (program === 'redis' && (rest[0].startsWith('-') || rest[0].endsWith('.conf'))) return ['redis-server', ...rest];
  if (program === 'postgres' && rest[0].startsWith('-')) return ['postgres', ...rest];
  return rest;
}

/** The shell the learner now types into: the container's main process, entered by `docker run -it`. */
export function mainShellRecord(state: MachineState, container: ContainerRecord, argv0: string): ContainerShellRecord | undefined {
  const shell = shellKindOf(state, container, argv0);
  const tty = container.config.tty;
  const env = processEnvironment(container, { tty });
  if (!shell) {
    const repl = replKindOf(state, container, [argv0]);
    return repl ? replRecord(container, repl, { kind: 'main', argv0, tty, pid: 1, user: container.config.user, cwd: startDirectory(container), env }) : undefined;
  }
  return {
    containerId: container.id,
    kind: 'main',
    shell,
    argv0,
    tty,
    pid: 1,
    user: container.config.user,
    cwd: startDirectory(container),
    env: shell === 'bash' ? { ...env, PWD: startDirectory(container), SHLVL: '1' } : { ...env, PWD: startDirectory(container) },
    vars: {},
    history: [],
    lastExitCode: 0,
    lineNumber: 0,
  };
}

export function enterShell(state: MachineState, record: ContainerShellRecord): void {
  state.shells = [...(state.shells ?? []), record];
}

/**
 * Runs the container's command as PID 1: a shell reads its terminal (entered when a client is attached to
 * it), a command runs to its end, `sleep 5` ends by itself later, and a command runc cannot find fails the start.
 */
export function runMain(run: ProgramRuntime, original: string[] = run.argv): ProgramOutcome {
  const { state, container } = run;
  const argv = withoutEntrypoint(state, container, original);
  const [command, ...args] = argv;
  const stdinOpen = container.config.openStdin;
  if (isBareShell(state, container, argv)) {
    if (run.attached && run.interactiveClient && stdinOpen) {
      const record = mainShellRecord(state, container, command);
      if (record) {
        enterShell(state, record);
        return { running: true };
      }
    }
    if (run.stdin !== undefined && stdinOpen) {
      // Fall through to run what is piped in.
    } else if (container.config.tty || stdinOpen) {
      // A shell on a terminal, or with stdin held open, waits for input for ever.
      return { running: true };
    } else {
      // No terminal and no stdin: the shell reads end-of-file at once and exits cleanly.
      return { exited: 0 };
    }
  }
  const repl = replKindOf(state, container, argv);
  if (repl) {
    if (run.attached && run.interactiveClient && stdinOpen) {
      // The interpreter prompts on the terminal: the learner now types Python or JavaScript.
      if (container.config.tty) run.emit('stdout', replBanner(state, container, repl));
      const record = mainShellRecord(state, container, command);
      if (record) {
        enterShell(state, record);
        return { running: true };
      }
    }
    if (run.stdin === undefined || !stdinOpen) return container.config.tty || stdinOpen ? { running: true } : { exited: 0 };
  }
  if (baseName(command) === 'sleep') {
    const ms = sleepMilliseconds(args);
    if (ms === Number.POSITIVE_INFINITY) return { running: true };
    if (ms !== null) return ms === 0 ? { exited: 0 } : { exitsAfter: ms };
  }
  if (baseName(command) === 'tail' && args.includes('-f')) return { running: true };
  const shell = shellKindOf(state, container, command);
  const script = shell ? args[args.findIndex((arg) => /^-[a-z]*c[a-z]*$/.test(arg)) + 1] : undefined;
  if (script !== undefined && loopsForever(script)) return { running: true };
  const result = runProcess(state, container, argv, {
    sink: { write: (stream, text) => run.emit(stream, text), wait: (ms) => run.wait(ms) },
    tty: container.config.tty,
    columns: 80,
    stdin: stdinOpen ? run.stdin : undefined,
    env: processEnvironment(container, { tty: container.config.tty }),
    cwd: startDirectory(container),
    user: container.config.user,
    pid: 1,
  });
  if ('execError' in result) return { execError: result.execError };
  return { exited: result.exitCode };
}

export const shellImageProgram: ContainerProgram = {
  start(run) {
    return runMain(run);
  },
  stop() {
    // PID 1 has no default signal handlers: a shell or `sleep` ignores SIGTERM, and `docker stop` waits for SIGKILL.
    return -1;
  },
};
