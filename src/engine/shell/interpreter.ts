// Walks the AST: pipelines, and-or lists, compound commands, redirects, and the lookup of what a name runs.

import { Output } from '../exec/context.ts';
import type { Stream } from '../types.ts';
import type { AndOr, Command, List, Pipeline, Redirect, SimpleCommand, Word, WordPart } from './ast.ts';
import { findCommand, type BuiltinContext, type CommandEntry } from './builtins/registry.ts';
import { compileGlob, expandWord, expandWords, expandWordToString, ExpansionError, matchGlob, type ExpansionHost } from './expand.ts';
import { commandNotFound, expansionErrorMessage, heredocWarning, shellMessage, syntaxErrorMessage, type MessageOrigin, type ShellInput } from './messages.ts';
import { Parser, ShellSyntaxError } from './parser.ts';
import { HOST_BASH_VERSION, type ShellSession } from './session.ts';
import { BudgetExceeded, ExitSignal, LineAborted, LoopSignal } from './signals.ts';
import { ERRNO_TEXT, isFsError, resolvePath, type FsError } from './vfs.ts';
import { nextInt } from '../state/random.ts';

/** Input with a read position, so `read` in a loop takes one line after another. */
export interface StdinSource {
  text: string;
  offset: number;
}

export interface Io {
  /** Piped or redirected input; `undefined` when stdin is the terminal. */
  stdin: StdinSource | undefined;
  out: Output;
  /** Whether standard output is the terminal. */
  tty: boolean;
  columns: number;
}

/** Shared by a shell and the scripts and substitutions it starts, so nothing can run unbounded. */
export interface Budget {
  steps: number;
  outputChars: number;
}

export const MAX_STEPS = 50_000;
export const MAX_OUTPUT_CHARS = 16 * 1024 * 1024;
/** Nesting of scripts, `eval`, `source` and command substitutions at run time. */
export const MAX_CALL_DEPTH = 64;

type Target = { kind: 'out'; stream: Stream } | { kind: 'file'; path: string } | { kind: 'null' } | { kind: 'buffer'; chunks: string[] };

interface Routing {
  stdin: StdinSource | undefined;
  stdout: Target;
  stderr: Target;
}

const DEFAULT_STDOUT: Target = { kind: 'out', stream: 'stdout' };
const DEFAULT_STDERR: Target = { kind: 'out', stream: 'stderr' };

export interface InterpreterOptions {
  /** `$0` of a shell that is not interactive: the script's path, or the name a `-c` string runs under. */
  scriptName?: string;
  /** What a non-interactive shell reads (a script unless told); messages differ between them. */
  input?: Exclude<ShellInput, 'interactive'>;
  /** BusyBox ash given a `$0` (a script, `sh -c '…' name`): its messages carry the line even outside builtins. */
  named?: boolean;
  positional?: string[];
  budget?: Budget;
  depth?: number;
  subshellLevel?: number;
}

export class Interpreter implements ExpansionHost {
  readonly session: ShellSession;
  readonly budget: Budget;
  readonly depth: number;
  readonly scriptName: string | undefined;
  readonly input: ShellInput;
  private readonly named: boolean;
  positionalParams: string[];
  /** Line of the command running now, for messages. */
  line = 1;
  /** Added to `line` for sh-flavour messages, which count every line the shell has read. */
  lineBase = 0;
  private io: Io | undefined;
  private substitutionStatus: number | undefined;
  private loopDepth = 0;
  private subshellLevel: number;

  constructor(session: ShellSession, options: InterpreterOptions = {}) {
    this.session = session;
    this.scriptName = options.scriptName;
    this.input = options.scriptName === undefined ? 'interactive' : (options.input ?? 'script');
    this.named = options.named ?? this.input === 'script';
    this.positionalParams = options.positional ?? [];
    this.budget = options.budget ?? { steps: 0, outputChars: 0 };
    this.depth = options.depth ?? 0;
    this.subshellLevel = options.subshellLevel ?? 0;
  }

  /** The learner's own shell, not a script or subshell: where `exit` ends the session. */
  get interactiveTop(): boolean {
    return this.scriptName === undefined && this.subshellLevel === 0;
  }

  get origin(): MessageOrigin {
    const { flavor } = this.session;
    const interactive = this.input === 'interactive';
    const argv0 = this.session.shellName ?? (flavor === 'bash' ? 'bash' : 'sh');
    const name = interactive ? (flavor === 'bash' ? argv0.slice(argv0.lastIndexOf('/') + 1) : argv0) : (this.scriptName as string);
    // An interactive dash and a shell reading its stdin count every line read so far.
    const line = (flavor === 'dash' && interactive) || this.input === 'stdin' ? this.lineBase + this.line : this.line;
    return { flavor, name, input: this.input, line, named: this.named };
  }

  /** One of the shell's own messages, about a builtin when it names one: `bash: cd: x: No such file or directory`. */
  message(text: string, builtin?: string): string {
    return shellMessage(this.origin, text, builtin);
  }

  error(io: Io, text: string, builtin?: string): void {
    io.out.stderr(this.message(text, builtin));
  }

  // ---- running source ----

  /**
   * Parses and runs `source` one command line at a time, as an interactive shell reads lines:
   * a syntax error skips to the next line. Returns the last status.
   */
  runSource(source: string, io: Io): number {
    const parser = new Parser(source);
    let status = this.session.lastExitCode;
    for (;;) {
      let list: List | undefined;
      const start = parser.pos;
      try {
        list = parser.parseNextLine();
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw error;
        this.line = error.problem.line;
        io.out.stderr(syntaxErrorMessage(error.problem, this.origin));
        status = this.session.lastExitCode = 2;
        const next = source.indexOf('\n', Math.max(error.problem.position, start));
        if (next < 0 || error.problem.kind !== 'token') break;
        parser.pos = next + 1;
        continue;
      }
      for (const warning of parser.warnings.splice(0)) {
        this.line = warning.line;
        io.out.stderr(heredocWarning(this.origin, warning.line, warning.delimiter));
      }
      if (list === undefined) break;
      this.line = parser.lineAt(start);
      try {
        status = this.runList(list, io);
      } catch (signal) {
        if (!(signal instanceof LineAborted)) throw signal;
        status = this.session.lastExitCode = signal.status;
        // A script stops at a failed expansion; the interactive shell goes on with the next line.
        if (this.scriptName !== undefined) return status;
      }
    }
    return status;
  }

  runList(list: List, io: Io): number {
    let status = this.session.lastExitCode;
    for (const item of list.items) {
      status = this.runAndOr(item.andOr, io);
      this.session.lastExitCode = status;
    }
    return status;
  }

  private runAndOr(andOr: AndOr, io: Io): number {
    let status = this.runPipeline(andOr.first, io);
    for (const { op, pipeline } of andOr.rest) {
      this.session.lastExitCode = status;
      if ((op === '&&') === (status === 0)) status = this.runPipeline(pipeline, io);
    }
    return status;
  }

  private runPipeline(pipeline: Pipeline, io: Io): number {
    const { commands } = pipeline;
    let status: number;
    if (commands.length === 1) status = this.runCommand(commands[0], io);
    else {
      let stdin = io.stdin;
      status = 0;
      for (let i = 0; i < commands.length; i++) {
        const last = i === commands.length - 1;
        if (last) {
          status = this.inSubshell(() => this.runCommand(commands[i], { ...io, stdin }));
          break;
        }
        const capture = new Output(this.session.state);
        const started = this.session.state.clock;
        this.inSubshell(() => this.runCommand(commands[i], { stdin, out: capture, tty: false, columns: io.columns }));
        const piped: string[] = [];
        forward(capture, io.out, this.session, started, (stream) => (stream === 'stdout' ? { kind: 'buffer', chunks: piped } : DEFAULT_STDERR));
        stdin = { text: piped.join(''), offset: 0 };
      }
    }
    return pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  /** Runs `run` with the shell's state restored afterwards, as a forked subshell would leave it. */
  inSubshell(run: () => number): number {
    const session = this.session;
    const cwd = session.cwd;
    const env = { ...session.env };
    const vars = session.vars ? { ...session.vars } : undefined;
    const positional = this.positionalParams;
    this.subshellLevel++;
    try {
      return run();
    } catch (signal) {
      if (signal instanceof ExitSignal || signal instanceof LineAborted) return signal.status;
      throw signal;
    } finally {
      session.cwd = cwd;
      replaceContents(session.env, env);
      if (vars && session.vars) replaceContents(session.vars, vars);
      this.positionalParams = positional;
      this.subshellLevel--;
    }
  }

  private runCommand(command: Command, io: Io): number {
    if (command.type === 'simple') return this.runSimple(command, io);
    return this.withRedirects(command.redirects, io, (inner) => {
      switch (command.type) {
        case 'subshell':
          return this.inSubshell(() => this.runList(command.body, inner));
        case 'group':
          return this.runList(command.body, inner);
        case 'if': {
          for (const branch of command.branches) {
            if (this.runList(branch.condition, inner) === 0) return this.runList(branch.body, inner);
          }
          return command.otherwise ? this.runList(command.otherwise, inner) : 0;
        }
        case 'while':
        case 'until':
          return this.runLoop(inner, () => (this.runList(command.condition, inner) === 0) === (command.type === 'while'), () => this.runList(command.body, inner));
        case 'for': {
          let items: string[];
          try {
            items = command.items ? expandWords(command.items, this.host(inner)) : this.positionalParams;
          } catch (error) {
            if (error instanceof ExpansionError) {
              this.expansionFailed(inner, error);
            }
            throw error;
          }
          let index = 0;
          return this.runLoop(
            inner,
            () => {
              if (index >= items.length) return false;
              this.setVariable(command.name, items[index++]);
              return true;
            },
            () => this.runList(command.body, inner),
          );
        }
      }
    });
  }

  private runLoop(io: Io, next: () => boolean, body: () => number): number {
    let status = 0;
    this.loopDepth++;
    try {
      while (next()) {
        this.charge(0);
        try {
          status = body();
        } catch (signal) {
          if (!(signal instanceof LoopSignal)) throw signal;
          if (signal.levels > 1) {
            signal.levels--;
            throw signal;
          }
          if (signal.kind === 'break') break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  get insideLoop(): boolean {
    return this.loopDepth > 0;
  }

  /** Counts a step of work and the output so far; past the limits, everything stops. */
  private charge(outputChars: number): void {
    this.budget.steps++;
    this.budget.outputChars += outputChars;
    if (this.budget.steps > MAX_STEPS || this.budget.outputChars > MAX_OUTPUT_CHARS) throw new BudgetExceeded();
  }

  // ---- simple commands ----

  private runSimple(command: SimpleCommand, io: Io): number {
    this.charge(0);
    const host = this.host(io);
    this.substitutionStatus = undefined;
    let argv: string[];
    const prefixEnv: Record<string, string> = {};
    try {
      argv = expandWords(command.words, host);
      if (argv.length === 0) {
        for (const assignment of command.assignments) this.setVariable(assignment.name, expandWordToString(assignment.value, host));
      } else {
        for (const assignment of command.assignments) prefixEnv[assignment.name] = expandWordToString(assignment.value, host);
      }
    } catch (error) {
      if (error instanceof ExpansionError) {
        this.expansionFailed(io, error);
      }
      throw error;
    }
    if (argv.length === 0) {
      const status = this.withRedirects(command.redirects, io, () => 0);
      return status !== 0 ? status : (this.substitutionStatus ?? 0);
    }
    return this.withRedirects(command.redirects, io, (inner) => this.invoke(argv, prefixEnv, inner));
  }

  /** Runs a command by name: builtin, machine program, utility, or a file path. */
  invoke(argv: string[], prefixEnv: Record<string, string>, io: Io): number {
    const name = argv[0];
    const entry = this.lookupCommand(name, io);
    if (typeof entry === 'number') return entry;
    const env = Object.keys(prefixEnv).length > 0 ? { ...this.session.env, ...prefixEnv } : this.session.env;
    const ctx: BuiltinContext = {
      state: this.session.state,
      out: io.out,
      stdin: io.stdin === undefined ? undefined : io.stdin.offset === 0 ? io.stdin.text : io.stdin.text.slice(io.stdin.offset),
      tty: io.tty,
      columns: io.columns,
      env,
      cwd: this.session.cwd,
      fs: this.session.fs,
      session: this.session,
      shell: this,
      io,
    };
    const before = outputSize(io.out);
    let status: number;
    try {
      status = entry.kind === 'program' ? entry.program(ctx, argv) : entry.builtin(ctx, argv);
    } catch (signal) {
      if (signal instanceof ExitSignal || signal instanceof LoopSignal || signal instanceof BudgetExceeded || signal instanceof LineAborted) throw signal;
      io.out.stderr(this.message(`${name}: internal error`));
      status = 1;
    }
    this.charge(outputSize(io.out) - before);
    return Number.isInteger(status) ? status & 0xff : 1;
  }

  /** What `name` runs, or the status after reporting that it cannot be run. */
  private lookupCommand(name: string, io: Io): CommandEntry | number {
    if (name.includes('/')) return this.lookupPath(name, io);
    const found = findCommand(this.session, name);
    if (found) return found;
    io.out.stderr(commandNotFound(this.origin, name));
    return 127;
  }

  private lookupPath(name: string, io: Io): CommandEntry | number {
    const path = resolvePath(this.session.cwd, name);
    const stat = this.session.fs.stat(path);
    const bash = this.session.flavor === 'bash';
    if (isFsError(stat)) {
      const dir = path.slice(0, path.lastIndexOf('/')) || '/';
      const base = path.slice(path.lastIndexOf('/') + 1);
      if (['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin'].includes(dir)) {
        const found = findCommand(this.session, base, { binariesOnly: true });
        if (found) return found;
      }
      // dash and ash say `not found` for a path as for a name; bash gives the reason.
      this.error(io, bash ? `${name}: ${ERRNO_TEXT[stat.errno]}` : `${name}: not found`);
      return 127;
    }
    if (stat.type === 'dir') {
      this.error(io, `${name}: ${bash ? 'Is a directory' : 'Permission denied'}`);
      return 126;
    }
    if ((stat.mode & 0o111) === 0) {
      this.error(io, `${name}: Permission denied`);
      return 126;
    }
    return { kind: 'builtin', builtin: (ctx, argv) => this.runScriptFile(path, argv, ctx.io) };
  }

  /** Runs a file as a shell script in a child shell (its own variables; the file system is shared). */
  runScriptFile(path: string, argv: string[], io: Io): number {
    const content = this.session.fs.readFile(path);
    if (isFsError(content)) {
      this.error(io, `${argv[0]}: ${ERRNO_TEXT[content.errno]}`);
      return 126;
    }
    if (this.depth >= MAX_CALL_DEPTH) {
      this.error(io, 'fork: retry: Resource temporarily unavailable');
      return 254;
    }
    const child = new Interpreter(this.session, {
      scriptName: argv[0],
      positional: argv.slice(1),
      budget: this.budget,
      depth: this.depth + 1,
    });
    const vars = this.session.vars;
    return this.inSubshell(() => {
      if (vars) for (const key of Object.keys(vars)) delete vars[key];
      try {
        return child.runSource(content, io);
      } catch (signal) {
        if (signal instanceof LoopSignal) return 0;
        throw signal;
      }
    });
  }

  /** Parses and runs text in this shell (`eval`, `source`). */
  runNested(source: string, io: Io, what: 'eval' | 'source'): number {
    if (this.depth >= MAX_CALL_DEPTH) {
      this.error(io, `${what}: maximum ${what} nesting level exceeded (${MAX_CALL_DEPTH})`);
      return 1;
    }
    const nested = new Interpreter(this.session, {
      scriptName: this.scriptName,
      positional: this.positionalParams,
      budget: this.budget,
      depth: this.depth + 1,
      subshellLevel: this.subshellLevel,
    });
    nested.line = this.line;
    nested.lineBase = this.lineBase;
    nested.loopDepth = this.loopDepth;
    return nested.runSource(source, io);
  }

  /** Reports a failed expansion and abandons the line (dash and ash with status 2). */
  private expansionFailed(io: Io, error: ExpansionError): never {
    io.out.stderr(expansionErrorMessage(this.origin, error.message, error.problem));
    throw new LineAborted(this.session.flavor === 'bash' ? error.status : 2);
  }

  // ---- redirects ----

  private withRedirects(redirects: Redirect[], io: Io, run: (io: Io) => number): number {
    if (redirects.length === 0) return run(io);
    const routing: Routing = { stdin: io.stdin, stdout: DEFAULT_STDOUT, stderr: DEFAULT_STDERR };
    const host = this.host(io);
    for (const redirect of redirects) {
      let failure: string | undefined;
      try {
        failure = this.applyRedirect(redirect, routing, host);
      } catch (error) {
        if (!(error instanceof ExpansionError)) throw error;
        this.expansionFailed(io, error);
      }
      if (failure !== undefined) {
        this.error(io, failure);
        // dash gives a command whose redirect failed status 2; bash and ash give 1.
        return this.session.flavor === 'dash' ? 2 : 1;
      }
    }
    const plainOut = routing.stdout === DEFAULT_STDOUT && routing.stderr === DEFAULT_STDERR;
    if (plainOut) return run({ ...io, stdin: routing.stdin });
    const capture = new Output(this.session.state);
    const started = this.session.state.clock;
    const tty = routing.stdout.kind === 'out' && routing.stdout.stream === 'stdout' ? io.tty : false;
    let status: number;
    try {
      status = run({ stdin: routing.stdin, out: capture, tty, columns: io.columns });
    } finally {
      forward(capture, io.out, this.session, started, (stream) => (stream === 'stdout' ? routing.stdout : routing.stderr));
    }
    return status;
  }

  /** Applies one redirect to the routing; returns an error message when it fails. */
  private applyRedirect(redirect: Redirect, routing: Routing, host: ExpansionHost): string | undefined {
    const { op } = redirect;
    if (op === '<<' || op === '<<-') {
      if (redirect.fd === undefined || redirect.fd === 0) {
        routing.stdin = { text: redirect.literal ? literalText(redirect.target) : expandWordToString(redirect.target, host), offset: 0 };
      }
      return undefined;
    }
    if (op === '<<<') {
      if (redirect.fd === undefined || redirect.fd === 0) routing.stdin = { text: `${expandWordToString(redirect.target, host)}\n`, offset: 0 };
      return undefined;
    }
    if ((op === '>&' || op === '<&') && isDupTarget(redirect.target)) {
      const target = literalText(redirect.target);
      const fd = redirect.fd ?? (op === '>&' ? 1 : 0);
      if (fd === 0) return undefined;
      const source = target === '-' ? ({ kind: 'null' } as Target) : target === '1' ? routing.stdout : target === '2' ? routing.stderr : undefined;
      if (!source) return `${target}: Bad file descriptor`;
      if (fd === 1) routing.stdout = source;
      else if (fd === 2) routing.stderr = source;
      return undefined;
    }
    const fields = expandWord(redirect.target, host);
    if (fields.length !== 1) return `${wordSource(redirect.target)}: ambiguous redirect`;
    const name = fields[0];
    const path = resolvePath(this.session.cwd, name);
    // An empty name opens nothing: the system answers ENOENT.
    if (name === '') return this.fileError(name, { errno: 'ENOENT', path }, op === '<' || op === '<>' ? 'open' : 'create');
    if (op === '<' || op === '<>') {
      if (redirect.fd !== undefined && redirect.fd !== 0) return undefined;
      if (path === '/dev/null') {
        routing.stdin = { text: '', offset: 0 };
        return undefined;
      }
      if (path === '/dev/stdin' || path === '/dev/tty') return undefined;
      const content = this.session.fs.readFile(path);
      if (isFsError(content)) {
        if (op === '<>' && content.errno === 'ENOENT') {
          const made = this.session.fs.writeFile(path, '');
          if (made) return this.fileError(name, made);
          routing.stdin = { text: '', offset: 0 };
          return undefined;
        }
        return this.fileError(name, content);
      }
      routing.stdin = { text: content, offset: 0 };
      return undefined;
    }
    // `>`, `>>`, `>|`, `&>`, `&>>`, and `>&word` with a file name.
    const both = op === '&>' || op === '&>>' || (op === '>&' && redirect.fd === undefined);
    const fd = both ? 1 : (redirect.fd ?? 1);
    let target: Target;
    if (path === '/dev/null') target = { kind: 'null' };
    else if (path === '/dev/stdout' || path === '/dev/fd/1') target = routing.stdout;
    else if (path === '/dev/stderr' || path === '/dev/fd/2') target = routing.stderr;
    else if (path === '/dev/tty') target = DEFAULT_STDOUT;
    else {
      const append = op === '>>' || op === '&>>';
      const stat = this.session.fs.stat(path);
      if (!isFsError(stat) && stat.type === 'dir') return this.fileError(name, { errno: 'EISDIR', path }, 'create');
      const opened = append ? this.session.fs.appendFile(path, '') : this.session.fs.writeFile(path, '');
      if (opened) return this.fileError(name, opened, 'create');
      target = { kind: 'file', path };
    }
    if (fd === 1 || both) routing.stdout = target;
    if (fd === 2 || both) routing.stderr = target;
    return undefined;
  }

  /** Why a redirect could not open its file: `x: No such file or directory`, dash's `cannot create x: Directory nonexistent`. */
  private fileError(name: string, error: FsError, action: 'open' | 'create' = 'open'): string {
    const missing = error.errno === 'ENOENT';
    switch (this.session.flavor) {
      case 'dash':
        return `cannot ${action} ${name}: ${missing ? (action === 'create' ? 'Directory nonexistent' : 'No such file') : ERRNO_TEXT[error.errno]}`;
      case 'busybox':
        return `can't ${action} ${name}: ${missing ? (action === 'create' ? 'nonexistent directory' : 'no such file') : ERRNO_TEXT[error.errno]}`;
      case 'bash':
        return `${name}: ${ERRNO_TEXT[error.errno]}`;
    }
  }

  // ---- variables and expansion ----

  host(io: Io): ExpansionHost {
    this.io = io;
    return this;
  }

  lookup(name: string): string | undefined {
    const session = this.session;
    switch (name) {
      case '?':
        return String(session.lastExitCode);
      case '$':
        return String(session.pid ?? 1);
      case '#':
        return String(this.positionalParams.length);
      case '0':
        return this.scriptName ?? session.shellName ?? (session.flavor === 'bash' ? 'bash' : 'sh');
      case '-':
        return session.flavor === 'bash' ? 'himBHs' : session.flavor === 'dash' ? 'i' : 'smi';
      case '!':
        return '';
      case 'RANDOM':
        return String(nextInt(session.state, 32768));
      case 'PWD':
        return session.env.PWD ?? session.vars?.PWD ?? session.cwd;
      case 'LINENO':
        return String(this.line);
    }
    if (/^[1-9][0-9]*$/.test(name)) return this.positionalParams[Number(name) - 1];
    if (name === '@' || name === '*') return this.positionalParams.join(' ');
    const value = session.vars?.[name];
    if (value !== undefined) return value;
    if (Object.hasOwn(session.env, name)) return session.env[name];
    switch (name) {
      case 'UID':
      case 'EUID':
        return session.user === 'root' ? '0' : '1000';
      case 'HOSTNAME':
        return session.hostname;
      case 'BASH_VERSION':
        return session.flavor === 'bash' ? (session.bashVersion ?? HOST_BASH_VERSION) : undefined;
      case 'IFS':
        return ' \t\n';
      default:
        return undefined;
    }
  }

  positional(): string[] {
    return this.positionalParams;
  }

  assign(name: string, value: string): void {
    this.setVariable(name, value);
  }

  /** `NAME=value`: exported names stay exported. */
  setVariable(name: string, value: string): void {
    const session = this.session;
    if (Object.hasOwn(session.env, name)) session.env[name] = value;
    else {
      if (!session.vars) session.vars = {};
      session.vars[name] = value;
    }
  }

  substitute(body: List): string {
    const io = this.io as Io;
    if (this.depth >= MAX_CALL_DEPTH) throw new ExpansionError('maximum command substitution nesting level exceeded');
    const capture = new Output(this.session.state);
    const started = this.session.state.clock;
    const nested = new Interpreter(this.session, {
      scriptName: this.scriptName,
      positional: this.positionalParams,
      budget: this.budget,
      depth: this.depth + 1,
      subshellLevel: this.subshellLevel + 1,
    });
    nested.line = this.line;
    nested.lineBase = this.lineBase;
    const saved = this.session.lastExitCode;
    let status: number;
    try {
      status = this.inSubshell(() => nested.runList(body, { stdin: io.stdin, out: capture, tty: false, columns: io.columns }));
    } finally {
      this.session.lastExitCode = saved;
    }
    this.io = io;
    this.substitutionStatus = status;
    const captured: string[] = [];
    forward(capture, io.out, this.session, started, (stream) => (stream === 'stdout' ? { kind: 'buffer', chunks: captured } : DEFAULT_STDERR));
    return captured.join('');
  }

  homeOf(user: string): string | undefined {
    if (user === '') return Object.hasOwn(this.session.env, 'HOME') || this.session.vars?.HOME !== undefined ? this.lookup('HOME') : this.session.home;
    if (user === this.session.user) return this.session.home;
    if (user === 'root') return '/root';
    return undefined;
  }

  glob(pattern: string): string[] {
    const fs = this.session.fs;
    const absolute = pattern.startsWith('/');
    const segments = pattern.split('/').filter((segment, index) => segment !== '' || index === 0);
    let matches: string[] = [absolute ? '/' : ''];
    const startIndex = absolute ? 1 : 0;
    for (let i = startIndex; i < segments.length; i++) {
      const segment = segments[i];
      const isLast = i === segments.length - 1;
      const next: string[] = [];
      const hasGlob = /(^|[^\\])[*?[]/.test(segment);
      for (const prefix of matches) {
        const join = (name: string): string => (prefix === '' ? name : prefix === '/' ? `/${name}` : `${prefix}/${name}`);
        if (!hasGlob) {
          const name = segment.replace(/\\(.)/g, '$1');
          const path = join(name);
          if (!isLast || !isFsError(fs.lstat(resolvePath(this.session.cwd, path)))) next.push(path);
          continue;
        }
        const dir = resolvePath(this.session.cwd, prefix === '' ? '.' : prefix);
        const names = fs.readdir(dir);
        if (isFsError(names)) continue;
        const compiled = compileGlob(segment, true);
        for (const name of names) {
          if (!matchGlob(compiled, name)) continue;
          if (!isLast) {
            const stat = fs.stat(resolvePath(this.session.cwd, join(name)));
            if (isFsError(stat) || stat.type !== 'dir') continue;
          }
          next.push(join(name));
        }
      }
      matches = next;
      if (matches.length === 0) return [];
    }
    if (pattern.endsWith('/')) matches = matches.map((match) => `${match}/`);
    return matches.sort();
  }
}

/** Moves what a capturing Output collected onto its destinations, keeping the virtual time it took. */
function forward(capture: Output, parent: Output, session: ShellSession, started: number, route: (stream: Stream) => Target): void {
  const state = session.state;
  const ended = state.clock;
  state.clock = started;
  for (const chunk of capture.chunks) {
    parent.wait(chunk.delay);
    deliver(route(chunk.stream), chunk.text, parent, session);
  }
  if (state.clock < ended) parent.wait(ended - state.clock);
}

function deliver(target: Target, text: string, parent: Output, session: ShellSession): void {
  switch (target.kind) {
    case 'out':
      parent.write(target.stream, text);
      break;
    case 'buffer':
      target.chunks.push(text);
      break;
    case 'file':
      session.fs.appendFile(target.path, text);
      break;
    case 'null':
      break;
  }
}

function outputSize(out: Output): number {
  let size = 0;
  for (const chunk of out.chunks) size += chunk.text.length;
  return size;
}

function replaceContents(target: Record<string, string>, source: Record<string, string>): void {
  for (const key of Object.keys(target)) if (!Object.hasOwn(source, key)) delete target[key];
  Object.assign(target, source);
}

function isDupTarget(word: Word): boolean {
  const text = literalText(word);
  return /^([0-9]+|-)$/.test(text) && word.parts.every((part) => part.type === 'literal');
}

/** A word's text without expansion (heredoc bodies from quoted delimiters, fd numbers). */
function literalText(word: Word): string {
  let text = '';
  for (const part of word.parts) if (part.type === 'literal' || part.type === 'quoted') text += part.text;
  return text;
}

/** The word roughly as typed, for messages like `$X: ambiguous redirect`. */
export function wordSource(word: Word): string {
  return word.parts.map(partSource).join('');
}

function partSource(part: WordPart): string {
  switch (part.type) {
    case 'literal':
      return part.text;
    case 'quoted':
      return part.text;
    case 'double':
      return `"${part.parts.map(partSource).join('')}"`;
    case 'tilde':
      return `~${part.user}`;
    case 'param':
      return part.op ? `\${${part.name}${part.op === 'length' ? '' : part.op}${part.arg ? wordSource(part.arg) : ''}}` : `$${part.name}`;
    case 'command':
      return `$(${part.source})`;
    case 'arith':
      return `$((${wordSource(part.expression)}))`;
  }
}
