// The interpreters' prompts in a container (`docker run -it python:3.9-slim`, `docker run -it node`): Python's `>>>` and Node's `>`.

import { imageOf } from '../daemon/container-fs.ts';
import type { ContainerRecord, ContainerShellRecord, MachineState } from '../state/machine-state.ts';
import { PyError, PyExit, pyRepr, runPythonLine, type PyScope, type PyValue } from './mini-python.ts';
import { jsInspect, splitArguments, toEvaluatorSyntax } from './node.ts';
import type { ProcessSink } from './container-process.ts';

export type ReplKind = 'python' | 'node';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function imageEnv(state: MachineState, container: ContainerRecord, name: string): string | undefined {
  const entry = [...container.config.env, ...(imageOf(state, container)?.config.env ?? [])].find((item) => item.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}

/** The interpreter `argv` starts with nothing to run, so it reads from its terminal: `python3`, `node`. */
export function replKindOf(state: MachineState, container: ContainerRecord, argv: string[]): ReplKind | undefined {
  const program = imageOf(state, container)?.config.program;
  const [command, ...args] = argv;
  // Only options that keep the prompt (`python -i`, `python -u`); anything else runs something and exits.
  if (!args.every((arg) => ['-i', '-u', '-q', '-B', '--interactive'].includes(arg))) return undefined;
  const name = baseName(command);
  if (program === 'python' && /^python(3(\.\d+)?)?$/.test(name)) return 'python';
  if (program === 'node' && name === 'node') return 'node';
  return undefined;
}

/** A prompt record for the session stack: the learner now types Python or JavaScript. */
export function replRecord(
  container: ContainerRecord,
  kind: ReplKind,
  options: { kind: 'main' | 'exec'; argv0: string; tty: boolean; pid: number; user: string; cwd: string; env: Record<string, string> },
): ContainerShellRecord {
  return { containerId: container.id, shell: kind, vars: {}, history: [], lastExitCode: 0, lineNumber: 0, ...options };
}

/** What the interpreter prints when it starts on a terminal. */
export function replBanner(state: MachineState, container: ContainerRecord, kind: ReplKind): string {
  if (kind === 'python') {
    return `Python ${imageEnv(state, container, 'PYTHON_VERSION') ?? '3.9.23'} (main, Jun  4 2025, 01:32:17) \n[GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`;
  }
  return `Welcome to Node.js v${imageEnv(state, container, 'NODE_VERSION') ?? '22.16.0'}.\nType ".help" for more information.\n`;
}

export function replPrompt(kind: ReplKind): string {
  return kind === 'python' ? '>>> ' : '> ';
}

export function isRepl(record: ContainerShellRecord): record is ContainerShellRecord & { shell: ReplKind } {
  return record.shell === 'python' || record.shell === 'node';
}

/** Python's scope after the lines typed so far: the REPL keeps only its history, so a reload loses nothing. */
function pythonScope(record: ContainerShellRecord, print: (text: string) => void): PyScope {
  const scope: PyScope = { vars: { __name__: '__main__' }, canImport: () => true, print: () => {}, version: '' };
  for (const line of record.history.slice(0, -1)) {
    try {
      runPythonLine(line, scope);
    } catch {
      // A line that failed then changed nothing.
    }
  }
  scope.print = print;
  return scope;
}

function runPythonRepl(record: ContainerShellRecord, source: string, sink: ProcessSink): { exitCode: number; exited: boolean } {
  const scope = pythonScope(record, (text) => sink.write('stdout', text));
  try {
    const { value } = runPythonLine(source, scope);
    if (value !== undefined && value !== null) sink.write('stdout', `${pyRepr(value)}\n`);
    return { exitCode: 0, exited: false };
  } catch (error) {
    if (error instanceof PyExit) return { exitCode: error.status, exited: true };
    if (error instanceof PyError) {
      sink.write('stderr', error.type === 'SyntaxError' ? `  File "<stdin>", line 1\n    ${source.trim()}\n    ^\nSyntaxError: ${error.message}\n` : `Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n${error.type}: ${error.message}\n`);
      return { exitCode: 1, exited: false };
    }
    throw error;
  }
}

function nodeScope(record: ContainerShellRecord): PyScope {
  const scope: PyScope = { vars: {}, canImport: () => true, print: () => {}, version: '' };
  for (const line of record.history.slice(0, -1)) {
    try {
      evaluateNode(line, scope, () => {});
    } catch {
      // As in Python: a failed line left nothing behind.
    }
  }
  return scope;
}

type NodeAnswer = { value: PyValue | undefined } | { exit: number };

/** One line at Node's prompt: a declaration, console.log, process.exit, or an expression whose value it echoes. */
function evaluateNode(line: string, scope: PyScope, print: (text: string) => void): NodeAnswer {
  const trimmed = line.trim().replace(/;$/, '');
  if (trimmed === '.exit') return { exit: 0 };
  const exit = /^process\.exit\((\d*)\)$/.exec(trimmed);
  if (exit) return { exit: Number(exit[1] || 0) };
  const declaration = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(.+)$/.exec(trimmed);
  if (declaration) {
    scope.vars[declaration[1]] = runPythonLine(toEvaluatorSyntax(declaration[2]), scope).value ?? null;
    return { value: undefined };
  }
  const log = /^console\.(?:log|error|info)\((.*)\)$/.exec(trimmed);
  if (log) {
    const values = splitArguments(log[1]).map((argument) => runPythonLine(toEvaluatorSyntax(argument.trim()), scope).value ?? null);
    print(`${values.map((value) => (typeof value === 'string' ? value : jsInspect(value))).join(' ')}\n`);
    return { value: undefined };
  }
  if (trimmed === '') return { value: undefined };
  return { value: runPythonLine(toEvaluatorSyntax(trimmed), scope).value ?? null };
}

function runNodeRepl(record: ContainerShellRecord, source: string, sink: ProcessSink): { exitCode: number; exited: boolean } {
  const scope = nodeScope(record);
  try {
    const answer = evaluateNode(source, scope, (text) => sink.write('stdout', text));
    if ('exit' in answer) return { exitCode: answer.exit, exited: true };
    if (source.trim() !== '') sink.write('stdout', `${answer.value === undefined ? 'undefined' : jsInspect(answer.value)}\n`);
    return { exitCode: 0, exited: false };
  } catch (error) {
    if (!(error instanceof PyError)) throw error;
    const name = error.type === 'NameError' ? 'ReferenceError' : error.type === 'SyntaxError' ? 'SyntaxError' : 'TypeError';
    const message = error.type === 'NameError' ? error.message.replace(/^name '(.*)' is not defined$/, '$1 is not defined') : error.message;
    sink.write('stderr', `Uncaught ${name}: ${message}\n`);
    return { exitCode: 1, exited: false };
  }
}

/** Runs a typed line at the interpreter's prompt; `exit()` or `.exit` leaves it. */
export function runReplLine(record: ContainerShellRecord, source: string, sink: ProcessSink): { exitCode: number; exited: boolean } {
  const line = source.replace(/\n+$/, '');
  record.history.push(line);
  const result = record.shell === 'python' ? runPythonRepl(record, line, sink) : runNodeRepl(record, line, sink);
  record.lastExitCode = result.exited ? result.exitCode : record.lastExitCode;
  return result;
}
