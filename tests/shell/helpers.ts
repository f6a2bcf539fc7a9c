// Builds a shell session over an in-memory machine state and runs lines in it, for the shell tests.

import { Output } from '../../src/engine/exec/context.ts';
import { STATE_SCHEMA_VERSION, type MachineState } from '../../src/engine/state/machine-state.ts';
import { runShell } from '../../src/engine/shell/run.ts';
import type { ShellFlavor } from '../../src/engine/shell/messages.ts';
import type { Program, ShellSession } from '../../src/engine/shell/session.ts';
import { TreeFileSystem } from '../../src/engine/shell/vfs.ts';

/** 2024-12-04 15:23 UTC: `ls -l` shows `Dec  4 15:23`. */
export const START_TIME = Date.UTC(2024, 11, 4, 15, 23);

export interface TestShell {
  session: ShellSession;
  fs: TreeFileSystem;
  state: MachineState;
  run(source: string, options?: { tty?: boolean; columns?: number }): RunResult;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  out: Output;
}

export interface ShellOptions {
  files?: Record<string, string>;
  flavor?: ShellFlavor;
  programs?: Record<string, Program>;
  /** `learner` with the home /home/learner unless told; `root` lives in /root. */
  user?: string;
  /** Epoch ms; START_TIME unless told. */
  clock?: number;
}

export function makeShell(options: ShellOptions = {}): TestShell {
  const user = options.user ?? 'learner';
  const home = user === 'root' ? '/root' : `/home/${user}`;
  const state: MachineState = {
    schema: STATE_SCHEMA_VERSION,
    clock: options.clock ?? START_TIME,
    rng: 42,
    seq: 0,
    host: { user, hostname: 'dockyard', home, cwd: home, env: {}, vars: {}, fs: {}, history: [], lastExitCode: 0 },
    images: [],
    containers: [],
    volumes: [],
    networks: [],
  };
  const fs = new TreeFileSystem(state.host.fs, () => state.clock);
  fs.mkdir(home, { parents: true });
  fs.mkdir('/tmp');
  for (const [path, content] of Object.entries(options.files ?? {})) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true });
    fs.writeFile(path, content);
  }
  const programs = options.programs ?? {};
  const session: ShellSession = {
    state,
    fs,
    env: { HOME: home, USER: user, PATH: '/usr/local/bin:/usr/bin:/bin', PWD: home },
    vars: {},
    cwd: home,
    home,
    user,
    hostname: 'dockyard',
    history: [],
    lastExitCode: 0,
    flavor: options.flavor ?? 'bash',
    programs: (name) => (Object.hasOwn(programs, name) ? programs[name] : undefined),
    describePrograms: () => Object.keys(programs).map((name) => ({ name, summary: `The ${name} program` })),
    pid: 4242,
  };
  return {
    session,
    fs,
    state,
    run(source, runOptions = {}) {
      const out = new Output(state);
      const exitCode = runShell(session, source, { out, tty: runOptions.tty ?? false, columns: runOptions.columns ?? 80 });
      return { stdout: out.text('stdout'), stderr: out.text('stderr'), exitCode, out };
    },
  };
}
