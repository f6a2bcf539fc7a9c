// The process a RUN step starts: `/bin/sh -c …` (dash or busybox ash) over the build's files, with scripted programs.

import type { FsTree, ImageRecord } from '../state/machine-state.ts';
import { KERNEL_BUILD, KERNEL_RELEASE } from '../state/host-kernel.ts';
import {
  ensureDir,
  parentOf,
  programsFromAptInstalls,
  runAptGet,
  runNpm,
  runPip,
  writeBuildFile,
  type BuildFiles,
  type ProgramResult,
  type TimedLine,
} from './package-managers.ts';

/** What the base image brings: its shell's flavour and its language toolchains. */
export interface ImagePlatform {
  /** dash prints `/bin/sh: 1: foo: not found`; busybox ash prints `/bin/sh: foo: not found`. */
  shell: 'dash' | 'ash' | 'none';
  packageManager: 'apt' | 'apk' | 'none';
  python: boolean;
  node: boolean;
}

export interface RunRequest {
  /** The process argv: `['/bin/sh', '-c', script]` for shell form. */
  argv: string[];
  env: Record<string, string>;
  workdir: string;
  /** The step's root file system additions (changed in place). */
  files: FsTree;
  platform: ImagePlatform;
  /** Epoch ms, for file times and log names. */
  clock: number;
}

export interface RunResult {
  exitCode: number;
  /** Output lines (stdout and stderr interleaved, as BuildKit shows them), timed from the process start. */
  lines: TimedLine[];
  duration: number;
  addedBytes: number;
  /** For `exec form` programs that could not start: the runtime's error instead of an exit code. */
  startError?: string;
}

const SHELLS = new Set(['/bin/sh', 'sh', '/bin/bash', 'bash', '/bin/ash', 'ash', '/bin/dash', 'dash']);

/** Programs every image with a shell has (coreutils or busybox). */
const CORE_PROGRAMS = new Set([
  'echo', 'printf', 'mkdir', 'touch', 'cp', 'mv', 'rm', 'ln', 'chmod', 'chown', 'cat', 'ls', 'true', 'false', 'sleep',
  'test', '[', 'which', 'pwd', 'env', 'id', 'whoami', 'useradd', 'groupadd', 'adduser', 'addgroup', 'uname', 'date',
  'grep', 'sed', 'tar', 'gzip', 'head', 'tail', 'wc', 'sort', 'find', 'xargs', 'usermod',
]);

type Word = string;

interface SimpleCommand {
  words: Word[];
  redirects: { op: '>' | '>>' | '<' | '2>' | '2>>' | '&>' | '2>&1'; target: string }[];
  line: number;
}

interface Pipeline {
  commands: SimpleCommand[];
  negate: boolean;
}

interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** Splits a script into and-or lists, words expanded with the environment (enough shell for Dockerfiles). */
function parseScript(script: string, env: Record<string, string>): AndOr[] | { syntaxError: string; line: number } {
  const lists: AndOr[] = [];
  let current: AndOr | undefined;
  let pipeline: Pipeline = { commands: [], negate: false };
  let command: SimpleCommand = { words: [], redirects: [], line: 1 };
  let line = 1;
  let pendingOp: '&&' | '||' | undefined;
  let i = 0;
  const endCommand = (): void => {
    if (command.words.length > 0 || command.redirects.length > 0) pipeline.commands.push(command);
    command = { words: [], redirects: [], line };
  };
  const endPipeline = (): boolean => {
    endCommand();
    if (pipeline.commands.length === 0) return false;
    if (!current) current = { first: pipeline, rest: [] };
    else current.rest.push({ op: pendingOp ?? '&&', pipeline });
    pipeline = { commands: [], negate: false };
    return true;
  };
  const endList = (): void => {
    endPipeline();
    if (current) lists.push(current);
    current = undefined;
    pendingOp = undefined;
  };
  const readWord = (): string => {
    let word = '';
    while (i < script.length) {
      const ch = script[i];
      if (/[\s;&|<>]/.test(ch) && ch !== '\n') {
        if (ch === ' ' || ch === '\t' || ch === ';' || ch === '&' || ch === '|' || ch === '<' || ch === '>') break;
      }
      if (ch === '\n') break;
      if (ch === '\\') {
        if (script[i + 1] === '\n') {
          i += 2;
          line++;
          continue;
        }
        word += script[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (ch === "'") {
        const close = script.indexOf("'", i + 1);
        const end = close === -1 ? script.length : close;
        word += script.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        i++;
        while (i < script.length && script[i] !== '"') {
          if (script[i] === '\\' && /["$`\\\n]/.test(script[i + 1] ?? '')) {
            word += script[i + 1];
            i += 2;
          } else if (script[i] === '$') word += expandAt();
          else word += script[i++];
        }
        i++;
        continue;
      }
      if (ch === '$') {
        word += expandAt();
        continue;
      }
      word += ch;
      i++;
    }
    return word;
  };
  const expandAt = (): string => {
    const next = script[i + 1];
    if (next === '{') {
      const close = script.indexOf('}', i);
      const inner = script.slice(i + 2, close === -1 ? script.length : close);
      i = close === -1 ? script.length : close + 1;
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+=?])?(.*)$/.exec(inner);
      if (!match) return '';
      const value = env[match[1]];
      const unset = value === undefined || (match[2]?.startsWith(':') && value === '');
      if (match[2]?.endsWith('-') || match[2]?.endsWith('=')) return unset ? match[3] : (value ?? '');
      if (match[2]?.endsWith('+')) return unset ? '' : match[3];
      return value ?? '';
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i + 1))?.[0];
    if (name) {
      i += 1 + name.length;
      return env[name] ?? '';
    }
    if (next === '?' || next === '$' || next === '!' || next === '#') {
      i += 2;
      return next === '#' ? '0' : '0';
    }
    i++;
    return '$';
  };
  while (i < script.length) {
    const ch = script[i];
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '\\' && script[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (ch === '\n' || ch === ';') {
      if (ch === '\n') line++;
      i++;
      if (pendingOp && pipeline.commands.length === 0 && command.words.length === 0 && ch === '\n') continue;
      endList();
      continue;
    }
    if (ch === '#' && command.words.length === 0) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (script.startsWith('&&', i) || script.startsWith('||', i)) {
      const op = script.slice(i, i + 2) as '&&' | '||';
      if (!endPipeline()) return { syntaxError: `Syntax error: "${op}" unexpected`, line };
      pendingOp = op;
      i += 2;
      continue;
    }
    if (ch === '|') {
      endCommand();
      i++;
      continue;
    }
    if (ch === '&') {
      i++;
      continue;
    }
    if (script.startsWith('2>&1', i)) {
      command.redirects.push({ op: '2>&1', target: '' });
      i += 4;
      continue;
    }
    const redirect = /^(2>>|2>|&>|>>|>|<)/.exec(script.slice(i));
    if (redirect) {
      i += redirect[0].length;
      while (script[i] === ' ') i++;
      command.redirects.push({ op: redirect[0] as SimpleCommand['redirects'][number]['op'], target: readWord() });
      continue;
    }
    if (command.words.length === 0 && pipeline.commands.length === 0 && ch === '!' && script[i + 1] === ' ') {
      pipeline.negate = true;
      i++;
      continue;
    }
    command.line = command.words.length === 0 ? line : command.line;
    const word = readWord();
    // `VAR=value cmd` assignments only matter to the command; `export` handles the persistent ones.
    command.words.push(word);
  }
  if (pendingOp && pipeline.commands.length === 0 && command.words.length === 0) {
    return { syntaxError: 'Syntax error: end of file unexpected', line };
  }
  endList();
  return lists;
}

function resolve(workdir: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${workdir === '/' ? '' : workdir}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

interface ShellState {
  env: Record<string, string>;
  workdir: string;
  files: BuildFiles;
  platform: ImagePlatform;
  clock: number;
  errexit: boolean;
  xtrace: boolean;
  lines: TimedLine[];
  now: number;
  addedBytes: number;
  exited?: number;
}

function programAvailable(state: ShellState, name: string): boolean {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (name.includes('/') && state.files.tree[name]?.type === 'file') return true;
  if (CORE_PROGRAMS.has(base)) return state.platform.shell !== 'none';
  if (['pip', 'pip3', 'python', 'python3'].includes(base)) return state.platform.python;
  if (['npm', 'node', 'npx', 'yarn'].includes(base)) return state.platform.node && base !== 'yarn';
  if (['apt-get', 'apt', 'dpkg'].includes(base)) return state.platform.packageManager === 'apt';
  if (base === 'apk') return state.platform.packageManager === 'apk';
  if (base === 'cd' || base === 'export' || base === 'set' || base === 'exit' || base === ':' || base === 'unset' || base === 'source' || base === '.') return true;
  return programsFromAptInstalls(state.files.tree).has(base) || state.files.tree[`/usr/bin/${base}`]?.type === 'file' || state.files.tree[`/usr/local/bin/${base}`]?.type === 'file';
}

function notFound(state: ShellState, name: string, line: number): string {
  return state.platform.shell === 'ash' ? `/bin/sh: ${name}: not found` : `/bin/sh: ${line}: ${name}: not found`;
}

function readFile(state: ShellState, path: string): string | undefined {
  const node = state.files.tree[path];
  return node?.type === 'file' ? node.content : undefined;
}

function emit(state: ShellState, text: string): void {
  for (const piece of text.replace(/\n$/, '').split('\n')) state.lines.push({ at: state.now, text: piece });
}

function absorb(state: ShellState, result: ProgramResult): number {
  for (const line of result.lines) state.lines.push({ at: state.now + line.at, text: line.text });
  state.now += result.duration;
  state.addedBytes += result.addedBytes;
  return result.exitCode;
}

function echoText(args: string[]): { text: string; newline: boolean } {
  let newline = true;
  let rest = args;
  if (rest[0] === '-n') {
    newline = false;
    rest = rest.slice(1);
  } else if (rest[0] === '-e') rest = rest.slice(1);
  // dash's echo always interprets backslash escapes.
  const text = rest.join(' ').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  return { text, newline };
}

function runCommand(state: ShellState, command: SimpleCommand): number {
  const words = [...command.words];
  const assignments: Record<string, string> = {};
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
    const word = words.shift()!;
    const equals = word.indexOf('=');
    assignments[word.slice(0, equals)] = word.slice(equals + 1);
  }
  if (words.length === 0) {
    Object.assign(state.env, assignments);
    return 0;
  }
  const [name, ...args] = words;
  if (state.xtrace) emit(state, `+ ${words.join(' ')}`);
  let output = '';
  const stdoutRedirect = command.redirects.find((redirect) => redirect.op === '>' || redirect.op === '>>' || redirect.op === '&>');
  const quiet = command.redirects.some((redirect) => (redirect.op === '>' || redirect.op === '&>') && redirect.target === '/dev/null');
  const write = (text: string): void => {
    output += text;
  };
  state.now += 3;
  let status = 0;
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (!programAvailable(state, name)) {
    emit(state, notFound(state, name, command.line));
    return 127;
  }
  const env = { ...state.env, ...assignments };
  switch (base) {
    case ':':
    case 'true':
    case 'chown':
    case 'set':
    case 'source':
    case '.':
      if (base === 'set') {
        for (const arg of args) {
          if (/^-[a-z]*e/.test(arg)) state.errexit = true;
          if (/^-[a-z]*x/.test(arg)) state.xtrace = true;
          if (arg === '-o' || arg === 'pipefail') continue;
        }
      }
      break;
    case 'false':
      status = 1;
      break;
    case 'exit':
      state.exited = Number(args[0] ?? 0) & 255;
      return state.exited;
    case 'cd': {
      const target = resolve(state.workdir, args[0] ?? '/root');
      if (state.files.tree[target]?.type !== 'dir' && !['/', '/root', '/tmp', '/usr', '/etc', '/var', '/opt', '/home', '/usr/src', '/usr/local'].includes(target)) {
        emit(state, state.platform.shell === 'ash' ? `/bin/sh: cd: line ${command.line}: can't cd to ${args[0]}: No such file or directory` : `/bin/sh: ${command.line}: cd: can't cd to ${args[0]}`);
        return 2;
      }
      state.workdir = target;
      break;
    }
    case 'export':
      for (const arg of args) {
        const equals = arg.indexOf('=');
        if (equals > 0) state.env[arg.slice(0, equals)] = arg.slice(equals + 1);
      }
      break;
    case 'unset':
      for (const arg of args) delete state.env[arg];
      break;
    case 'echo': {
      const { text, newline } = echoText(args);
      write(newline ? `${text}\n` : text);
      break;
    }
    case 'printf': {
      const [format = '', ...values] = args;
      let index = 0;
      write(format.replace(/%s/g, () => values[index++] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
      break;
    }
    case 'pwd':
      write(`${state.workdir}\n`);
      break;
    case 'whoami':
      write('root\n');
      break;
    case 'id':
      write('uid=0(root) gid=0(root) groups=0(root)\n');
      break;
    case 'uname':
      write(args.includes('-a') ? `Linux buildkitsandbox ${KERNEL_RELEASE} ${KERNEL_BUILD} x86_64 GNU/Linux\n` : 'Linux\n');
      break;
    case 'env':
      write(`${Object.entries(env).map(([key, value]) => `${key}=${value}`).join('\n')}\n`);
      break;
    case 'sleep':
      state.now += Math.round(Number(args[0] ?? 0) * 1000) || 0;
      break;
    case 'mkdir': {
      const parents = args.some((arg) => /^-[a-z]*p/.test(arg));
      for (const arg of args.filter((value) => !value.startsWith('-'))) {
        const path = resolve(state.workdir, arg);
        if (!parents && state.files.tree[parentOf(path)] === undefined && !['/', '/usr', '/etc', '/var', '/opt', '/tmp', '/root', '/home', '/srv'].includes(parentOf(path))) {
          emit(state, `mkdir: cannot create directory '${arg}': No such file or directory`);
          status = 1;
          continue;
        }
        ensureDir(state.files, path);
      }
      break;
    }
    case 'touch':
      for (const arg of args.filter((value) => !value.startsWith('-'))) {
        const path = resolve(state.workdir, arg);
        if (!state.files.tree[path]) writeBuildFile(state.files, path, '');
      }
      break;
    case 'rm':
      for (const arg of args.filter((value) => !value.startsWith('-'))) {
        const path = resolve(state.workdir, arg.replace(/\/\*$/, ''));
        const keepDir = arg.endsWith('/*');
        for (const key of Object.keys(state.files.tree)) {
          if ((key === path && !keepDir) || key.startsWith(`${path}/`)) delete state.files.tree[key];
        }
      }
      break;
    case 'cp':
    case 'mv': {
      const operands = args.filter((value) => !value.startsWith('-'));
      if (operands.length >= 2) {
        const target = resolve(state.workdir, operands[operands.length - 1]);
        for (const source of operands.slice(0, -1)) {
          const from = resolve(state.workdir, source);
          const intoDir = state.files.tree[target]?.type === 'dir';
          const to = intoDir ? `${target}/${from.slice(from.lastIndexOf('/') + 1)}` : target;
          const entries = Object.entries(state.files.tree).filter(([key]) => key === from || key.startsWith(`${from}/`));
          if (entries.length === 0) {
            emit(state, `${base}: cannot stat '${source}': No such file or directory`);
            status = 1;
            continue;
          }
          for (const [key, node] of entries) {
            const destination = to + key.slice(from.length);
            ensureDir(state.files, parentOf(destination));
            state.files.tree[destination] = { ...node };
            if (base === 'mv') delete state.files.tree[key];
          }
        }
      }
      break;
    }
    case 'ln':
    case 'chmod':
    case 'groupadd':
    case 'addgroup':
    case 'usermod':
      break;
    case 'useradd':
    case 'adduser': {
      // The new account goes into /etc/passwd, where a later USER finds it.
      const name = args.filter((value) => !value.startsWith('-')).at(-1);
      if (name) {
        const passwd = readFile(state, '/etc/passwd') ?? '';
        const uid = 1000 + passwd.split('\n').filter(Boolean).length;
        writeBuildFile(state.files, '/etc/passwd', `${passwd}${name}:x:${uid}:${uid}::/home/${name}:/bin/sh\n`);
      }
      break;
    }
    case 'cat':
      for (const arg of args.filter((value) => !value.startsWith('-'))) {
        const content = readFile(state, resolve(state.workdir, arg));
        if (content === undefined) {
          emit(state, `cat: ${arg}: No such file or directory`);
          status = 1;
        } else write(content);
      }
      break;
    case 'ls': {
      const target = resolve(state.workdir, args.find((value) => !value.startsWith('-')) ?? '.');
      const prefix = target === '/' ? '/' : `${target}/`;
      const names = Object.keys(state.files.tree)
        .filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/') && key !== target)
        .map((key) => key.slice(prefix.length))
        .sort();
      if (names.length > 0) write(`${names.join('\n')}\n`);
      break;
    }
    case 'which':
      for (const arg of args) {
        if (programAvailable(state, arg)) write(`/usr/bin/${arg}\n`);
        else status = 1;
      }
      break;
    case 'test':
    case '[': {
      const operands = base === '[' ? args.slice(0, -1) : args;
      const [flag, operand] = operands;
      const node = operand !== undefined ? state.files.tree[resolve(state.workdir, operand)] : undefined;
      if (flag === '-f') status = node?.type === 'file' ? 0 : 1;
      else if (flag === '-d') status = node?.type === 'dir' ? 0 : 1;
      else if (flag === '-e') status = node ? 0 : 1;
      else if (flag === '-z') status = (operand ?? '') === '' ? 0 : 1;
      else if (flag === '-n') status = (operand ?? '') !== '' ? 0 : 1;
      break;
    }
    case 'pip':
    case 'pip3':
      status = absorb(state, runPip({ args, env, workdir: state.workdir, files: state.files, readFile: (path) => readFile(state, resolve(state.workdir, path)) }));
      break;
    case 'python':
    case 'python3':
      if (args[0] === '-m' && (args[1] === 'pip' || args[1] === 'pip3')) {
        status = absorb(state, runPip({ args: args.slice(2), env, workdir: state.workdir, files: state.files, readFile: (path) => readFile(state, resolve(state.workdir, path)) }));
      } else if (args[0] === '--version' || args[0] === '-V') write(`Python ${env.PYTHON_VERSION ?? '3.9.23'}\n`);
      else if (args[0] === '-c') {
        const printed = /^print\((['"])(.*)\1\)$/.exec((args[1] ?? '').trim());
        if (printed) write(`${printed[2]}\n`);
        state.now += 40;
      } else state.now += 200;
      break;
    case 'apt-get':
    case 'apt':
      if (base === 'apt') emit(state, '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
      status = absorb(state, runAptGet({ args, files: state.files }));
      break;
    case 'npm':
      status = absorb(state, runNpm({ args, workdir: state.workdir, files: state.files, readFile: (path) => readFile(state, path), clock: state.clock }));
      break;
    case 'node':
      if (args[0] === '-v' || args[0] === '--version') write(`v${env.NODE_VERSION ?? '20.19.2'}\n`);
      state.now += 60;
      break;
    case 'apk':
      status = absorb(state, runApk(args, state.files));
      break;
    default:
      state.now += 80;
      break;
  }
  if (output !== '') {
    if (stdoutRedirect && stdoutRedirect.target !== '/dev/null') {
      const path = resolve(state.workdir, stdoutRedirect.target);
      const previous = stdoutRedirect.op === '>>' ? (readFile(state, path) ?? '') : '';
      writeBuildFile(state.files, path, previous + output);
    } else if (!quiet) emit(state, output);
  }
  return status;
}

/** `apk add` on Alpine 3.22, as it prints in a build. */
function runApk(args: string[], files: BuildFiles): ProgramResult {
  const lines: TimedLine[] = [];
  let now = 0;
  const line = (text: string, wait = 0): void => {
    now += wait;
    lines.push({ at: now, text });
  };
  const [action, ...rest] = args;
  const names = rest.filter((arg) => !arg.startsWith('-'));
  if (action === 'update') {
    line('fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', 200);
    line('fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz', 300);
    line('v3.22.0-r0 [https://dl-cdn.alpinelinux.org/alpine/v3.22/main]', 400);
    line('v3.22.0-r0 [https://dl-cdn.alpinelinux.org/alpine/v3.22/community]');
    line('OK: 26326 distinct packages available');
    return { exitCode: 0, lines, duration: now + 20, addedBytes: 2_400_000 };
  }
  if (action !== 'add') return { exitCode: 0, lines, duration: 100, addedBytes: 0 };
  const noCache = rest.includes('--no-cache');
  if (noCache) {
    line('fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', 150);
    line('fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz', 250);
  }
  names.forEach((name, index) => {
    line(`(${index + 1}/${names.length}) Installing ${name} (${name === 'curl' ? '8.14.1-r1' : '1.0.0-r0'})`, 120);
    files.tree[`/usr/bin/${name}`] = { type: 'file', content: '', mode: 0o755, mtime: files.now };
  });
  line('Executing busybox-1.37.0-r18.trigger', 60);
  line(`OK: ${12 + names.length * 2} MiB in ${16 + names.length} packages`, 20);
  return { exitCode: 0, lines, duration: now + 30, addedBytes: names.length * 1_800_000 };
}

/** Runs the RUN step's process to completion. */
export function runBuildProcess(request: RunRequest): RunResult {
  const files: BuildFiles = { tree: request.files, now: request.clock };
  const state: ShellState = {
    env: { ...request.env },
    workdir: request.workdir,
    files,
    platform: request.platform,
    clock: request.clock,
    errexit: false,
    xtrace: false,
    lines: [],
    now: 0,
    addedBytes: 0,
  };
  ensureDir(files, request.workdir);
  const [program, ...args] = request.argv;
  let script: string;
  if (SHELLS.has(program) && (args[0] === '-c' || args[0] === '-ec' || args[0] === '-ex')) {
    if (request.platform.shell === 'none') {
      return {
        exitCode: 1,
        lines: [],
        duration: 40,
        addedBytes: 0,
        startError: `runc run failed: unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH`,
      };
    }
    if (args[0] !== '-c') state.errexit = true;
    script = args[1] ?? '';
  } else {
    if (!programAvailable(state, program)) {
      return {
        exitCode: 1,
        lines: [],
        duration: 40,
        addedBytes: 0,
        startError: `runc run failed: unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH`,
      };
    }
    script = request.argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`)).join(' ');
  }
  const parsed = parseScript(script, state.env);
  if (!Array.isArray(parsed)) {
    return { exitCode: 2, lines: [{ at: 5, text: `/bin/sh: ${parsed.line}: ${parsed.syntaxError}` }], duration: 10, addedBytes: 0 };
  }
  let status = 0;
  for (const list of parsed) {
    const runPipeline = (pipeline: Pipeline): number => {
      let last = 0;
      for (const command of pipeline.commands) {
        last = runCommand(state, command);
        if (state.exited !== undefined) return state.exited;
      }
      return pipeline.negate ? (last === 0 ? 1 : 0) : last;
    };
    status = runPipeline(list.first);
    if (state.exited !== undefined) break;
    for (const { op, pipeline } of list.rest) {
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      status = runPipeline(pipeline);
      if (state.exited !== undefined) break;
    }
    if (state.exited !== undefined) break;
    if (state.errexit && status !== 0) break;
  }
  if (state.exited !== undefined) status = state.exited;
  return { exitCode: status, lines: state.lines, duration: state.now + 30, addedBytes: state.addedBytes };
}

/** The platform a base image gives its RUN steps, from its name and environment. */
export function platformOf(reference: string, env: string[]): ImagePlatform {
  const name = reference.toLowerCase();
  const has = (key: string): boolean => env.some((entry) => entry.startsWith(`${key}=`));
  if (name === 'scratch') return { shell: 'none', packageManager: 'none', python: false, node: false };
  const alpine = name.includes('alpine') || name.includes('busybox');
  return {
    shell: alpine ? 'ash' : 'dash',
    packageManager: name.includes('busybox') ? 'none' : alpine ? 'apk' : 'apt',
    python: has('PYTHON_VERSION') || /(^|\/)python[:@]?/.test(name),
    node: has('NODE_VERSION') || /(^|\/)node[:@]?/.test(name),
  };
}

/**
 * The platform of an image in the store, for running its shell outside a build (a container's
 * `/bin/sh -c …` command): its tags and program name say Alpine or Debian, its env which toolchains it has.
 */
export function platformOfImage(image: ImageRecord): ImagePlatform {
  const names = [...image.repoTags, ...image.repoDigests, image.config.program].join(' ');
  return platformOf(names, image.config.env);
}

/** Accounts the course's base images ship (Debian's, plus the service users of node, nginx, postgres, redis). */
const IMAGE_USERS = new Set([
  'root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup',
  'list', 'irc', '_apt', 'nobody', 'node', 'nginx', 'postgres', 'redis', 'guest', 'ftp', 'sshd', 'operator',
]);

/** Whether a USER value names an account the step's root file system has (a numeric uid always works). */
export function userExists(user: string, files: FsTree): boolean {
  const name = user.split(':')[0];
  if (name === '' || /^\d+$/.test(name) || IMAGE_USERS.has(name)) return true;
  const passwd = files['/etc/passwd'];
  return passwd?.type === 'file' && passwd.content.split('\n').some((line) => line.split(':')[0] === name);
}
