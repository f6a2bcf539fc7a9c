// Processes inside a container: their environment, PATH lookup as runc does it, and shells (dash, bash, BusyBox ash) over the container's files.

import { containerFileSystem, imageOf, type ContainerFileSystem } from '../daemon/container-fs.ts';
import { Output } from '../exec/context.ts';
import { Interpreter } from '../shell/interpreter.ts';
import type { ShellFlavor } from '../shell/messages.ts';
import { runShell, sourceLines } from '../shell/run.ts';
import type { Program, ShellSession } from '../shell/session.ts';
import { BudgetExceeded, ExitSignal } from '../shell/signals.ts';
import { isFsError, normalizePath, resolvePath, type FileSystem } from '../shell/vfs.ts';
import type { ContainerRecord, ContainerShellRecord, MachineState } from '../state/machine-state.ts';
import type { Stream } from '../types.ts';
import { bashVersionOf, osProfileFor, type OsProfile } from './base-files.ts';
import { containerCommand } from './container-commands.ts';
import { isRepl, replPrompt, runReplLine } from './repl.ts';

export type ShellKind = 'bash' | 'dash' | 'ash';

/** Where a process's output goes: the container's log and attached clients, or an exec's client. */
export interface ProcessSink {
  write(stream: Stream, text: string): void;
  /** Virtual time passing inside the process. */
  wait(ms: number): void;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function profileOf(state: MachineState, container: ContainerRecord): OsProfile {
  const image = imageOf(state, container);
  return image ? osProfileFor(image) : { family: 'debian', version: '12', sh: 'dash', bash: true, ps: 'none' };
}

/** The shell `argv0` names in this image: `sh` is dash on Debian and Ubuntu, BusyBox ash on Alpine. */
export function shellKindOf(state: MachineState, container: ContainerRecord, argv0: string): ShellKind | undefined {
  const image = imageOf(state, container);
  if (!image || image.config.program === 'hello-world') return undefined;
  const profile = osProfileFor(image);
  switch (baseName(argv0)) {
    case 'bash':
      return profile.bash ? 'bash' : undefined;
    case 'sh':
      return profile.sh;
    case 'ash':
      return profile.sh === 'ash' ? 'ash' : undefined;
    case 'dash':
      return profile.sh === 'dash' ? 'dash' : undefined;
    default:
      return undefined;
  }
}

/**
 * The environment a process starts with, in the daemon's order: PATH, HOSTNAME, TERM for a terminal, then
 * the container's variables (replacing those), then what the exec adds; HOME last, as runc sets it.
 */
export function processEnvironment(container: ContainerRecord, options: { tty: boolean; extra?: string[]; user?: string }): Record<string, string> {
  const env: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: container.config.hostname };
  if (options.tty) env.TERM = 'xterm';
  for (const entry of [...container.config.env, ...(options.extra ?? [])]) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  if (env.HOME === undefined) env.HOME = homeOf(options.user ?? container.config.user);
  return env;
}

export function homeOf(user: string): string {
  return user === '' || user === 'root' || user === '0' ? '/root' : `/home/${user}`;
}

export function userName(user: string): string {
  return user === '' || user === '0' ? 'root' : user.split(':')[0];
}

/** The working directory a process starts in: `-w`, else the image's WORKDIR, else `/`. */
export function startDirectory(container: ContainerRecord, workdir?: string): string {
  const dir = workdir || container.config.workingDir || '/';
  return normalizePath(dir.startsWith('/') ? dir : `/${dir}`);
}

/** Finds `name` as runc's exec does: a path is taken as it is, a bare name is searched on PATH. */
export function findExecutable(fs: FileSystem, path: string | undefined, name: string, cwd = '/'): { path: string } | { execError: string } {
  if (name.includes('/')) {
    const full = resolvePath(cwd, name);
    const stat = fs.stat(full);
    if (isFsError(stat)) return { execError: `exec: "${name}": stat ${name}: no such file or directory` };
    if (stat.type === 'dir' || (stat.mode & 0o111) === 0) return { execError: `exec: "${name}": permission denied` };
    return { path: full };
  }
  for (const dir of (path ?? '').split(':')) {
    if (dir === '') continue;
    const candidate = `${dir.replace(/\/+$/, '')}/${name}`;
    const stat = fs.stat(candidate);
    if (!isFsError(stat) && stat.type === 'file' && (stat.mode & 0o111) !== 0) return { path: candidate };
  }
  return { execError: `exec: "${name}": executable file not found in $PATH` };
}

/** An Output that hands everything on to a sink as it is written (a container's log, an exec's client). */
export class ProcessOutput extends Output {
  private readonly sink: ProcessSink;

  constructor(state: MachineState, sink: ProcessSink) {
    super(state);
    this.sink = sink;
  }

  override write(stream: Stream, text: string): void {
    if (text === '') return;
    // The chunks stay here too: the shell counts them against its output budget.
    super.write(stream, text);
    this.sink.write(stream, text);
  }

  override wait(ms: number): void {
    this.sink.wait(ms);
  }
}

/** The simulated shell's flavour for an image's shell: its messages, and for ash the BusyBox tools beside it. */
export function flavorOf(kind: ContainerShellRecord['shell']): ShellFlavor {
  return kind === 'ash' ? 'busybox' : kind === 'bash' ? 'bash' : 'dash';
}

export interface ProcessOptions {
  sink: ProcessSink;
  /** The process has a terminal (`-t`). */
  tty: boolean;
  columns: number;
  /** What is piped into its standard input; absent: stdin is closed (EOF at once). */
  stdin?: string;
  env: Record<string, string>;
  cwd: string;
  user: string;
  /** For `follow`: a program that runs until Ctrl+C (ping without -c). */
  follow?: (onInterrupt: (out: Output) => number) => void;
  /** The process's pid: 1 for the main process, the next free one for `docker exec`. */
  pid: number;
}

export type ProcessResult = { exitCode: number } | { execError: string };

/** The programs a shell in the container finds on its PATH, beyond the shell's own utilities. */
export function containerPrograms(state: MachineState, container: ContainerRecord, fs: FileSystem, follow?: ProcessOptions['follow']) {
  return (name: string, env: Record<string, string>): Program | undefined => {
    const found = findExecutable(fs, env.PATH, name);
    if ('execError' in found) return undefined;
    return containerCommand(state, container, name, follow);
  };
}

/**
 * Which process a shell session plays, for `ps`: its pid, its name, and whether it is the program itself
 * (`docker exec web ps` runs ps directly) rather than a shell that starts programs as children.
 */
export const sessionProcess = new WeakMap<ShellSession, { pid: number; direct: boolean; comm: string }>();

interface SessionSettings {
  pid: number;
  direct: boolean;
  comm: string;
  /** argv[0] of the process, which dash and ash name themselves by. */
  argv0: string;
  fs: ContainerFileSystem;
  env: Record<string, string>;
  cwd: string;
  user: string;
  kind: ShellKind;
  follow?: ProcessOptions['follow'];
}

/** A throwaway shell session for one process: its variables live as long as the process. */
export function processSession(state: MachineState, container: ContainerRecord, settings: SessionSettings): ShellSession {
  const lookup = containerPrograms(state, container, settings.fs, settings.follow);
  const session: ShellSession = {
    state,
    fs: settings.fs,
    env: settings.env,
    vars: {},
    cwd: settings.cwd,
    home: settings.env.HOME ?? homeOf(settings.user),
    user: userName(settings.user),
    hostname: container.config.hostname,
    history: [],
    lastExitCode: 0,
    flavor: flavorOf(settings.kind),
    shellName: settings.argv0,
    bashVersion: bashVersionOf(profileOf(state, container)),
    programs: (name) => lookup(name, session.env),
    pid: settings.pid,
  };
  sessionProcess.set(session, { pid: settings.pid, direct: settings.direct, comm: settings.comm });
  return session;
}

/** A live view of a stored interactive shell as a ShellSession: what it changes is written back to the record. */
export function recordSession(state: MachineState, container: ContainerRecord, record: ContainerShellRecord, fs: ContainerFileSystem, follow?: ProcessOptions['follow']): ShellSession {
  const lookup = containerPrograms(state, container, fs, follow);
  const session: ShellSession = {
    state,
    fs,
    get env() {
      return record.env;
    },
    set env(value: Record<string, string>) {
      record.env = value;
    },
    get vars() {
      return record.vars;
    },
    set vars(value: Record<string, string> | undefined) {
      record.vars = value ?? {};
    },
    get cwd() {
      return record.cwd;
    },
    set cwd(value: string) {
      record.cwd = value;
    },
    home: record.env.HOME ?? homeOf(record.user),
    user: userName(record.user),
    hostname: container.config.hostname,
    get history() {
      return record.history;
    },
    set history(value: string[]) {
      record.history = value;
    },
    get historyBase() {
      return record.historyBase;
    },
    set historyBase(value: number | undefined) {
      record.historyBase = value;
    },
    get lastExitCode() {
      return record.lastExitCode;
    },
    set lastExitCode(value: number) {
      record.lastExitCode = value;
    },
    get lineNumber() {
      return record.lineNumber;
    },
    set lineNumber(value: number | undefined) {
      record.lineNumber = value ?? 0;
    },
    flavor: flavorOf(record.shell),
    shellName: record.argv0,
    bashVersion: bashVersionOf(profileOf(state, container)),
    programs: (name) => lookup(name, record.env),
    pid: record.pid,
  };
  sessionProcess.set(session, { pid: record.pid, direct: false, comm: baseName(record.argv0) });
  return session;
}

export interface NonInteractiveOptions {
  /** `$0`: the script's path, the name given after a `-c` string, or the shell's argv[0]. */
  name: string;
  /** What the shell reads: a `-c` string (and a plain command), a script file, or lines on its stdin. */
  input: 'command' | 'script' | 'stdin';
  /** A `-c` string was given its `$0`: ash's messages then carry the line (see MessageOrigin.named). */
  named?: boolean;
  /** Lines the shell has read before this source (stdin read line by line). */
  lineBase?: number;
  positional?: string[];
  tty: boolean;
  columns: number;
  stdin?: string;
}

/** Runs shell source as a non-interactive shell does (`sh -c`, a script, piped stdin): `exit` ends it. */
export function runNonInteractive(session: ShellSession, source: string, out: Output, options: NonInteractiveOptions): number {
  const shell = new Interpreter(session, { scriptName: options.name, input: options.input, named: options.named ?? options.input === 'script', positional: options.positional ?? [] });
  shell.lineBase = options.lineBase ?? 0;
  try {
    return shell.runSource(source, { stdin: options.stdin === undefined ? undefined : { text: options.stdin, offset: 0 }, out, tty: options.tty, columns: options.columns });
  } catch (signal) {
    if (signal instanceof ExitSignal) return signal.status;
    if (signal instanceof BudgetExceeded) return 130;
    out.stderr(`${options.name}: internal error\n`);
    return 1;
  }
}

/** Quotes words so the shell reads them back as they are. */
export function quoteWords(words: string[]): string {
  return words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`)).join(' ');
}

/** Whether `argv` is a shell with nothing to run: it reads commands from its stdin (a terminal, or EOF). */
export function isBareShell(state: MachineState, container: ContainerRecord, argv: string[]): boolean {
  if (shellKindOf(state, container, argv[0]) === undefined) return false;
  return argv.slice(1).every((arg) => arg === '-i' || arg === '-l' || arg === '--login' || arg === '-s');
}

/**
 * Runs one process to its end: a shell with `-c`, a script or piped input, or any program on the image's PATH.
 * A program runc cannot find answers with its error, as the daemon reports it.
 */
export function runProcess(state: MachineState, container: ContainerRecord, argv: string[], options: ProcessOptions): ProcessResult {
  const fs = containerFileSystem(state, container);
  const [argv0, ...args] = argv;
  const kind = shellKindOf(state, container, argv0);
  const located = findExecutable(fs, options.env.PATH, argv0, options.cwd);
  if ('execError' in located) return { execError: located.execError };
  if (isFsError(fs.stat(options.cwd))) fs.mkdir(options.cwd, { parents: true });
  const output = new ProcessOutput(state, options.sink);
  const session = processSession(state, container, {
    pid: options.pid,
    direct: kind === undefined,
    comm: baseName(argv0).slice(0, 15),
    argv0,
    fs,
    env: { ...options.env },
    cwd: options.cwd,
    user: options.user,
    kind: kind ?? profileOf(state, container).sh,
    follow: options.follow,
  });
  const io = { tty: options.tty, columns: options.columns, stdin: options.stdin };
  if (kind) {
    const commandAt = args.findIndex((arg) => /^-[a-z]*c[a-z]*$/.test(arg));
    if (commandAt >= 0) {
      const script = args[commandAt + 1];
      if (script === undefined) {
        const message = kind === 'bash' ? `${argv0}: -c: option requires an argument` : kind === 'dash' ? `${argv0}: 0: -c requires an argument` : `${argv0}: -c requires an argument`;
        options.sink.write('stderr', `${message}\n`);
        return { exitCode: 2 };
      }
      const [name, ...positional] = args.slice(commandAt + 2);
      return { exitCode: runNonInteractive(session, script, output, { ...io, name: name ?? argv0, input: 'command', named: name !== undefined, positional }) };
    }
    const file = args.find((arg) => !arg.startsWith('-'));
    if (file !== undefined) {
      const content = fs.readFile(resolvePath(options.cwd, file));
      if (typeof content !== 'string') {
        options.sink.write('stderr', kind === 'bash' ? `${argv0}: ${file}: No such file or directory\n` : kind === 'dash' ? `${argv0}: 0: cannot open ${file}: No such file\n` : `${argv0}: can't open '${file}': No such file or directory\n`);
        return { exitCode: kind === 'bash' ? 127 : 2 };
      }
      return { exitCode: runNonInteractive(session, content, output, { ...io, name: file, input: 'script', positional: args.slice(args.indexOf(file) + 1), stdin: undefined }) };
    }
    if (options.stdin === undefined) return { exitCode: 0 };
    return { exitCode: runNonInteractive(session, options.stdin, output, { ...io, name: argv0, input: 'stdin', stdin: undefined }) };
  }
  return { exitCode: runNonInteractive(session, quoteWords(argv), output, { ...io, name: argv0, input: 'command' }) };
}

/** Runs typed lines in an interactive shell stored in the machine (`docker run -it`, `docker exec -it`). */
export function runInteractiveLine(state: MachineState, container: ContainerRecord, record: ContainerShellRecord, source: string, options: { sink: ProcessSink; columns: number; follow?: ProcessOptions['follow'] }): { exitCode: number; exited: boolean } {
  const fs = containerFileSystem(state, container);
  const session = recordSession(state, container, record, fs, options.follow);
  if (isFsError(fs.stat(record.cwd))) record.cwd = '/';
  const sink = options.sink;
  if (isRepl(record)) return runReplLine(record, source, sink);
  const out = new ProcessOutput(state, sink);
  if (!record.tty) {
    // Without a terminal the shell reads its stdin line after line, as a shell fed by a pipe.
    const exitCode = runNonInteractive(session, source, out, { name: record.argv0, input: 'stdin', lineBase: record.lineNumber, tty: false, columns: options.columns });
    record.lineNumber += sourceLines(source);
    return { exitCode, exited: false };
  }
  const exitCode = runShell(session, source, { out, tty: true, columns: options.columns });
  return { exitCode, exited: session.exited === true };
}

/** The prompt an interactive shell shows: bash's `root@id:/# `, dash's `# `, BusyBox ash's `/ # `. */
export function shellPrompt(container: ContainerRecord, record: ContainerShellRecord): string {
  if (!record.tty) return '';
  if (isRepl(record)) return replPrompt(record.shell);
  const root = userName(record.user) === 'root';
  const home = record.env.HOME ?? homeOf(record.user);
  const where = record.cwd === home ? '~' : record.cwd.startsWith(`${home}/`) ? `~${record.cwd.slice(home.length)}` : record.cwd;
  const mark = root ? '#' : '$';
  switch (record.shell) {
    case 'bash':
      return `${userName(record.user)}@${container.config.hostname}:${where}${mark} `;
    case 'ash':
      return `${where} ${mark} `;
    default:
      return `${mark} `;
  }
}
