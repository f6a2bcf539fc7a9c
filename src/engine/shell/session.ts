// What one shell is: its variables, working directory, history and the programs the machine lends it.

import type { CommandContext } from '../exec/context.ts';
import type { MachineState } from '../state/machine-state.ts';
import type { ShellFlavor } from './messages.ts';
import type { FileSystem } from './vfs.ts';

/** bash keeps this many history entries in memory by default (HISTSIZE=500). */
export const HISTORY_SIZE = 500;

/** What `$BASH_VERSION` says on the learner's host. */
export const HOST_BASH_VERSION = '5.2.15(1)-release';

/**
 * An external command the machine provides (`docker`, `curl`…). `argv[0]` is the command name as
 * typed (`docker`, or `/usr/bin/docker`); the arguments follow. Returns the exit status.
 */
export type Program = (ctx: CommandContext, argv: string[]) => number;

/** One line of `help`: a program the machine provides and what it does. */
export interface ProgramSummary {
  name: string;
  summary: string;
}

export interface ShellSession {
  /** For the clock (sleep, file times) and anything else global. */
  state: MachineState;
  /** The file system this shell sees. */
  fs: FileSystem;
  /** Exported variables; `export` and assignments to exported names change it. */
  env: Record<string, string>;
  /** Unexported shell variables. */
  vars?: Record<string, string>;
  cwd: string;
  home: string;
  user: string;
  hostname: string;
  /** Lines as entered, the last HISTORY_SIZE of them; `runShell` appends each source it runs. */
  history: string[];
  /** How many older entries were dropped from the front of `history`: `history` numbers from here. */
  historyBase?: number;
  lastExitCode: number;
  /** The learner's host is bash; containers run bash, dash or BusyBox ash (whose image's tools are BusyBox's too). */
  flavor: ShellFlavor;
  /**
   * argv[0] the interactive shell was started as (`bash`, `/bin/sh`): its `$0`. dash and ash start their
   * messages with it, bash with its base name. Defaults to `bash`, or `sh` for dash and ash.
   */
  shellName?: string;
  /** `$BASH_VERSION` of a bash (the image's own); HOST_BASH_VERSION when absent. */
  bashVersion?: string;
  programs: (name: string) => Program | undefined;
  /** The programs `help` lists, beside the shell's own commands. */
  describePrograms?: () => ProgramSummary[];
  /** Set by `exit`: the machine decides what leaving the shell means (closing a container session…). */
  exited?: boolean;
  /** Lines read so far; sh-flavour messages carry the line number (`sh: 3: foo: not found`). */
  lineNumber?: number;
  /** The shell's process id for `$$`. */
  pid?: number;
}

export interface HostSessionOptions {
  programs: (name: string) => Program | undefined;
  describePrograms?: () => ProgramSummary[];
  pid?: number;
}

/**
 * The learner's host shell as a live view of `state.host`: cwd, env, history and the exit code are
 * read from and written to the state, so it serialises with no copying back. Make a new one when
 * the state object is replaced (undo, load).
 */
export function hostSession(state: MachineState, options: HostSessionOptions, fs: FileSystem): ShellSession {
  const host = state.host;
  return {
    state,
    fs,
    get env() {
      return host.env;
    },
    set env(value: Record<string, string>) {
      host.env = value;
    },
    get vars() {
      return host.vars;
    },
    set vars(value: Record<string, string> | undefined) {
      host.vars = value ?? {};
    },
    get cwd() {
      return host.cwd;
    },
    set cwd(value: string) {
      host.cwd = value;
    },
    get home() {
      return host.home;
    },
    set home(value: string) {
      host.home = value;
    },
    get user() {
      return host.user;
    },
    set user(value: string) {
      host.user = value;
    },
    get hostname() {
      return host.hostname;
    },
    set hostname(value: string) {
      host.hostname = value;
    },
    get history() {
      return host.history;
    },
    set history(value: string[]) {
      host.history = value;
    },
    get historyBase() {
      return host.historyBase;
    },
    set historyBase(value: number | undefined) {
      host.historyBase = value;
    },
    get lastExitCode() {
      return host.lastExitCode;
    },
    set lastExitCode(value: number) {
      host.lastExitCode = value;
    },
    flavor: 'bash',
    programs: options.programs,
    describePrograms: options.describePrograms,
    pid: options.pid,
  };
}
