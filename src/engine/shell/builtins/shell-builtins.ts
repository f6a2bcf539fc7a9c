// Commands built into the shell itself: cd, echo, export, exit, history, help, type, test and friends.

import { ExitSignal, LineAborted, LoopSignal } from '../signals.ts';
import { isFsError, resolvePath } from '../vfs.ts';
import { appletError, errnoText } from './common.ts';
import { decodeEchoEscapes, formatPrintf } from './printf.ts';
import { commandPath, SHELL_KEYWORDS, UTILITIES, type Builtin, type BuiltinContext } from './registry.ts';
import { runTest } from './test-command.ts';

/** Writes a builtin's error as the shell words it: `bash: cd: nope: No such file or directory`, `sh: 1: cd: can't cd to nope`. */
function builtinError(ctx: BuiltinContext, builtin: string, text: string): void {
  ctx.out.stderr(ctx.shell.message(text, builtin));
}

/**
 * An error in one of dash's or ash's special builtins (export, exit, shift, unset, `.`): it abandons the rest
 * of the line, and a shell that is not interactive, with status 2.
 */
function specialError(ctx: BuiltinContext, builtin: string, text: string): never {
  builtinError(ctx, builtin, text);
  throw new LineAborted(2);
}

/** dash's and ash's answer to an option their special builtin does not take: `sh: 1: unset: Illegal option -q`. */
function illegalOption(ctx: BuiltinContext, builtin: string, option: string): never {
  return specialError(ctx, builtin, `${ctx.session.flavor === 'dash' ? 'Illegal' : 'illegal'} option ${option}`);
}

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const cd: Builtin = (ctx, argv) => {
  const session = ctx.session;
  const args = argv.slice(1).filter((arg, index) => !(index === 0 && (arg === '-L' || arg === '-P' || arg === '--')));
  // dash and ash take the first operand and ignore the rest.
  if (args.length > 1 && session.flavor === 'bash') {
    builtinError(ctx, 'cd', 'too many arguments');
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined) {
    target = ctx.shell.lookup('HOME');
    if (target === undefined) {
      builtinError(ctx, 'cd', 'HOME not set');
      return 1;
    }
  } else if (target === '-') {
    target = ctx.shell.lookup('OLDPWD');
    if (target === undefined) {
      builtinError(ctx, 'cd', 'OLDPWD not set');
      return 1;
    }
    print = true;
  }
  if (target === '') return 0;
  const path = resolvePath(session.cwd, target);
  const stat = ctx.fs.stat(path);
  const failure = isFsError(stat) ? errnoText(stat) : stat.type !== 'dir' ? 'Not a directory' : undefined;
  if (failure) {
    switch (session.flavor) {
      case 'dash':
        builtinError(ctx, 'cd', `can't cd to ${target}`);
        return 2;
      case 'busybox':
        builtinError(ctx, 'cd', `can't cd to ${target}: ${failure}`);
        return 2;
      case 'bash':
        builtinError(ctx, 'cd', `${target}: ${failure}`);
        return 1;
    }
  }
  session.env.OLDPWD = session.cwd;
  session.cwd = path;
  session.env.PWD = path;
  if (session.vars) {
    delete session.vars.PWD;
    delete session.vars.OLDPWD;
  }
  if (print) ctx.out.stdout(`${path}\n`);
  return 0;
};

const pwd: Builtin = (ctx) => {
  ctx.out.stdout(`${ctx.session.cwd}\n`);
  return 0;
};

/** `echo` as bash has it: `-n`, `-e`, `-E` (combinable) before the first other word. */
const echo: Builtin = (ctx, argv) => {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (!/^-[neE]+$/.test(arg)) break;
    for (const letter of arg.slice(1)) {
      if (letter === 'n') newline = false;
      else if (letter === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const [decoded, stopped] = decodeEchoEscapes(text);
    text = decoded;
    if (stopped) newline = false;
  }
  ctx.out.stdout(newline ? `${text}\n` : text);
  return 0;
};

const printf: Builtin = (ctx, argv) => {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  const flavor = ctx.session.flavor;
  if (args.length === 0) {
    if (flavor === 'dash') builtinError(ctx, 'printf', 'usage: printf format [arg ...]');
    else if (flavor === 'busybox') appletError(ctx, 'usage: printf FORMAT [ARGUMENT...]');
    else ctx.out.stderr('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const result = formatPrintf(args[0], args.slice(1));
  ctx.out.stdout(result.text);
  for (const bad of result.invalidNumbers) {
    if (flavor === 'dash') builtinError(ctx, 'printf', `${bad}: expected numeric value`);
    else if (flavor === 'busybox') appletError(ctx, `invalid number '${bad}'`);
    else builtinError(ctx, 'printf', `${bad}: invalid number`);
  }
  return result.invalidNumbers.length > 0 ? 1 : 0;
};

/** A value quoted as `declare -x` prints it. */
function declareQuote(value: string): string {
  return `"${value.replace(/["\\$`]/g, '\\$&')}"`;
}

const exportBuiltin: Builtin = (ctx, argv) => {
  const session = ctx.session;
  let args = argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const option = args.shift() as string;
    if (option === '--') break;
    if (option === '-n' && session.flavor === 'bash') unexport = true;
    else if (option !== '-p') {
      if (session.flavor !== 'bash') return illegalOption(ctx, 'export', option);
      builtinError(ctx, 'export', `${option}: invalid option`);
      ctx.out.stderr('export: usage: export [-fn] [name[=value] ...] or export -p\n');
      return 2;
    }
  }
  if (args.length === 0) {
    const names = Object.keys(session.env).sort();
    let text = '';
    for (const name of names) {
      text += session.flavor !== 'bash' ? `export ${name}='${session.env[name].replace(/'/g, `'"'"'`)}'\n` : `declare -x ${name}=${declareQuote(session.env[name])}\n`;
    }
    ctx.out.stdout(text);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!VALID_NAME.test(name)) {
      if (session.flavor !== 'bash') specialError(ctx, 'export', `${name}: bad variable name`);
      builtinError(ctx, 'export', `\`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (unexport) {
      if (Object.hasOwn(session.env, name)) {
        if (!session.vars) session.vars = {};
        session.vars[name] = session.env[name];
        delete session.env[name];
      }
      continue;
    }
    const value = eq < 0 ? ctx.shell.lookup(name) : arg.slice(eq + 1);
    if (value === undefined) continue;
    session.env[name] = value;
    if (session.vars) delete session.vars[name];
  }
  return status;
};

const unset: Builtin = (ctx, argv) => {
  for (const name of argv.slice(1)) {
    if (name === '-v' || name === '-f') continue;
    if (name.startsWith('-') && name.length > 1 && ctx.session.flavor !== 'bash') return illegalOption(ctx, 'unset', name);
    delete ctx.session.env[name];
    if (ctx.session.vars) delete ctx.session.vars[name];
  }
  return 0;
};

const exit: Builtin = (ctx, argv) => {
  const shell = ctx.shell;
  if (shell.interactiveTop && ctx.session.flavor === 'bash') ctx.out.stderr('exit\n');
  let status = ctx.session.lastExitCode;
  const bash = ctx.session.flavor === 'bash';
  if (argv[1] !== undefined) {
    if (!(bash ? /^\s*[+-]?[0-9]+\s*$/ : /^[0-9]+$/).test(argv[1])) {
      // dash and ash refuse the number and stay at the prompt; bash leaves all the same.
      if (!bash) specialError(ctx, 'exit', `Illegal number: ${argv[1]}`);
      builtinError(ctx, 'exit', `${argv[1]}: numeric argument required`);
      status = 2;
    } else if (argv.length > 2 && bash) {
      builtinError(ctx, 'exit', 'too many arguments');
      return 1;
    } else status = Number(BigInt.asUintN(8, BigInt(argv[1].trim())));
  }
  if (shell.interactiveTop) ctx.session.exited = true;
  throw new ExitSignal(status);
};

const history: Builtin = (ctx, argv) => {
  const session = ctx.session;
  const entries = session.history;
  const args = argv.slice(1);
  if (args[0] === '-c') {
    entries.length = 0;
    session.historyBase = 0;
    return 0;
  }
  if (args.length > 1) {
    builtinError(ctx, 'history', 'too many arguments');
    return 1;
  }
  let start = 0;
  if (args.length === 1) {
    if (!/^[0-9]+$/.test(args[0])) {
      builtinError(ctx, 'history', `${args[0]}: numeric argument required`);
      return 1;
    }
    start = Math.max(0, entries.length - Number(args[0]));
  }
  // Entries keep the numbers they were given when older ones were dropped.
  const base = session.historyBase ?? 0;
  const lines: string[] = [];
  for (let i = start; i < entries.length; i++) lines.push(`${String(base + i + 1).padStart(5)}  ${entries[i]}\n`);
  ctx.out.stdout(lines.join(''));
  return 0;
};

/** Lays words out in columns of equal width, as `help` lists commands. */
function columns(words: string[], width: number): string {
  const cell = Math.max(...words.map((word) => word.length)) + 2;
  const perLine = Math.max(1, Math.floor((width - 2) / cell));
  let text = '';
  for (let i = 0; i < words.length; i += perLine) {
    text += `  ${words
      .slice(i, i + perLine)
      .map((word) => word.padEnd(cell))
      .join('')
      .trimEnd()}\n`;
  }
  return text;
}

const help: Builtin = (ctx) => {
  const width = ctx.tty ? Math.min(ctx.columns, 80) : 80;
  const programs = ctx.session.describePrograms?.() ?? [];
  let text = 'This terminal runs a small simulated shell. Commands it understands:\n\n';
  if (programs.length > 0) {
    const nameWidth = Math.max(...programs.map((program) => program.name.length)) + 2;
    for (const program of programs) text += `  ${program.name.padEnd(nameWidth)}${program.summary}\n`;
    text += '\n';
  }
  text += 'Shell builtins:\n';
  text += columns(Object.keys(SHELL_BUILTINS).filter((name) => name !== '.' && name !== ':'), width);
  text += '\nUtilities:\n';
  text += columns(Object.keys(UTILITIES).sort(), width);
  text += '\nAlso: pipes (|), redirects (> >> < 2>&1), && || ;, $VARS, $(...), quotes, heredocs (<<EOF),\n';
  text += 'if/for/while. Type `docker --help` for Docker\'s own help.\n';
  ctx.out.stdout(text);
  return 0;
};

const trueBuiltin: Builtin = () => 0;
const falseBuiltin: Builtin = () => 1;

const type: Builtin = (ctx, argv) => {
  let status = 0;
  let text = '';
  for (const name of argv.slice(1)) {
    if (SHELL_KEYWORDS.has(name)) text += `${name} is a shell keyword\n`;
    else if (Object.hasOwn(SHELL_BUILTINS, name)) text += `${name} is a shell builtin\n`;
    else {
      const path = commandPath(ctx.session, name);
      if (path) text += `${name} is ${path}\n`;
      else if (ctx.session.flavor !== 'bash') {
        // dash and ash answer on standard output.
        text += `${name}: not found\n`;
        status = 127;
      } else {
        ctx.out.stdout(text);
        text = '';
        builtinError(ctx, 'type', `${name}: not found`);
        status = 1;
      }
    }
  }
  ctx.out.stdout(text);
  return status;
};

const command: Builtin = (ctx, argv) => {
  const args = argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V') {
    const verbose = args[0] === '-V';
    let status = 0;
    for (const name of args.slice(1)) {
      const path = Object.hasOwn(SHELL_BUILTINS, name) ? undefined : commandPath(ctx.session, name);
      if (Object.hasOwn(SHELL_BUILTINS, name) || SHELL_KEYWORDS.has(name)) {
        ctx.out.stdout(verbose ? `${name} is a shell ${SHELL_KEYWORDS.has(name) ? 'keyword' : 'builtin'}\n` : `${name}\n`);
      } else if (path) ctx.out.stdout(verbose ? `${name} is ${path}\n` : `${path}\n`);
      else {
        if (verbose) builtinError(ctx, 'command', `${name}: not found`);
        status = 1;
      }
    }
    return status;
  }
  if (args.length === 0) return 0;
  return ctx.shell.invoke(args, {}, ctx.io);
};

const test: Builtin = (ctx, argv) => runTest(ctx, argv, 'test');
const bracket: Builtin = (ctx, argv) => runTest(ctx, argv, '[');

const evalBuiltin: Builtin = (ctx, argv) => {
  const source = argv.slice(1).join(' ');
  if (source.trim() === '') return 0;
  return ctx.shell.runNested(source, ctx.io, 'eval');
};

const source: Builtin = (ctx, argv) => {
  const name = argv[0];
  const file = argv[1];
  const flavor = ctx.session.flavor;
  if (file === undefined) {
    // dash reads nothing and succeeds; ash fails without a word.
    if (flavor === 'dash') return 0;
    if (flavor === 'busybox') throw new LineAborted(2);
    builtinError(ctx, name, 'filename argument required');
    ctx.out.stderr(`${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const content = ctx.fs.readFile(resolvePath(ctx.session.cwd, file));
  if (isFsError(content)) {
    if (flavor === 'dash') specialError(ctx, name, `cannot open ${file}: ${content.errno === 'ENOENT' ? 'No such file' : errnoText(content)}`);
    if (flavor === 'busybox') specialError(ctx, name, `can't open '${file}': ${errnoText(content)}`);
    ctx.out.stderr(ctx.shell.message(`${file}: ${errnoText(content)}`));
    return 1;
  }
  return ctx.shell.runNested(content, ctx.io, 'source');
};

const set: Builtin = (ctx, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    const all = { ...ctx.session.env, ...(ctx.session.vars ?? {}) };
    let text = '';
    for (const name of Object.keys(all).sort()) text += `${name}=${shellQuote(all[name])}\n`;
    ctx.out.stdout(text);
    return 0;
  }
  const dashDash = args.indexOf('--');
  if (dashDash >= 0) ctx.shell.positionalParams = args.slice(dashDash + 1);
  else {
    const firstOperand = args.findIndex((arg) => !/^[-+][a-zA-Z]+$/.test(arg) && arg !== '-o' && arg !== '+o');
    if (firstOperand >= 0 && args[firstOperand - 1] !== '-o' && args[firstOperand - 1] !== '+o') {
      ctx.shell.positionalParams = args.slice(firstOperand);
    }
  }
  return 0;
};

/** Quotes a value the way `set` prints it: bare when safe, in single quotes otherwise. */
function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]*$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const shift: Builtin = (ctx, argv) => {
  const count = argv[1] === undefined ? 1 : Number(argv[1]);
  const flavor = ctx.session.flavor;
  if (!Number.isInteger(count) || count < 0) {
    if (flavor !== 'bash') specialError(ctx, 'shift', `Illegal number: ${argv[1]}`);
    builtinError(ctx, 'shift', `${argv[1]}: numeric argument required`);
    return 1;
  }
  if (count > ctx.shell.positionalParams.length) {
    if (flavor === 'dash') specialError(ctx, 'shift', "can't shift that many");
    return 1;
  }
  ctx.shell.positionalParams = ctx.shell.positionalParams.slice(count);
  return 0;
};

const read: Builtin = (ctx, argv) => {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-r') raw = true;
    else if (arg === '-p') {
      i++;
    } else if (arg.startsWith('-') && names.length === 0) continue;
    else names.push(arg);
  }
  for (const name of names) {
    if (!VALID_NAME.test(name)) {
      switch (ctx.session.flavor) {
        case 'dash':
          builtinError(ctx, 'read', `${name}: bad variable name`);
          return 2;
        case 'busybox':
          appletError(ctx, `read: '${name}': bad variable name`);
          return 1;
        case 'bash':
          builtinError(ctx, 'read', `\`${name}': not a valid identifier`);
          return 1;
      }
    }
  }
  const input = ctx.io.stdin;
  if (!input || input.offset >= input.text.length) return 1;
  let end = input.text.indexOf('\n', input.offset);
  const hadNewline = end >= 0;
  if (end < 0) end = input.text.length;
  let line = input.text.slice(input.offset, end);
  input.offset = end + 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const targets = names.length > 0 ? names : ['REPLY'];
  if (names.length === 0) ctx.shell.setVariable('REPLY', line);
  else {
    const fields = line.trim().split(/[ \t]+/);
    targets.forEach((name, index) => {
      const value = index === targets.length - 1 ? fields.slice(index).join(' ') : (fields[index] ?? '');
      ctx.shell.setVariable(name, value);
    });
  }
  return hadNewline ? 0 : 1;
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (ctx, argv) => {
    if (!ctx.shell.insideLoop) {
      if (ctx.session.flavor === 'bash') builtinError(ctx, kind, `only meaningful in a \`for', \`while', or \`until' loop`);
      return 0;
    }
    const levels = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(levels) || levels < 1) {
      builtinError(ctx, kind, `${argv[1]}: loop count out of range`);
      return 1;
    }
    throw new LoopSignal(kind, levels);
  };
}

const noop: Builtin = () => 0;

export const SHELL_BUILTINS: Record<string, Builtin> = {
  cd,
  pwd,
  echo,
  printf,
  export: exportBuiltin,
  unset,
  exit,
  history,
  help,
  type,
  command,
  true: trueBuiltin,
  false: falseBuiltin,
  test,
  '[': bracket,
  eval: evalBuiltin,
  source,
  '.': source,
  set,
  shift,
  read,
  break: loopControl('break'),
  continue: loopControl('continue'),
  wait: noop,
  ':': noop,
};
