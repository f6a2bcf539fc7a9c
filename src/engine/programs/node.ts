// The node images: `node --version`, `node -e`, scripts of console.log, and an HTTP server (`http.createServer`, Express) that answers text.

import { containerFileSystem } from '../daemon/container-fs.ts';
import type { CommandContext } from '../exec/context.ts';
import type { Program } from '../shell/session.ts';
import { resolvePath, type FileSystem } from '../shell/vfs.ts';
import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { PyError, PyFloat, runPythonLine, type PyScope, type PyValue } from './mini-python.ts';
import type { ContainerProgram, HttpResponse, ProgramRuntime } from './program.ts';
import { replBanner, replRecord } from './repl.ts';
import { enterShell, runMain } from './shell-image.ts';

function nodeVersion(env: Record<string, string>): string {
  return `v${env.NODE_VERSION ?? '22.16.0'}`;
}

/** How console.log shows a value. */
function jsString(value: PyValue, nested = false): string {
  if (value === null) return 'null';
  if (value instanceof PyFloat) return String(value.value);
  if (typeof value === 'string') return nested ? `'${value}'` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[ ${value.map((item) => jsString(item, true)).join(', ')} ]`;
  return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${jsString(item, true)}`).join(', ')} }`;
}

/** How the REPL echoes a value (util.inspect): strings in quotes. */
export function jsInspect(value: PyValue): string {
  return jsString(value, true);
}

/** JavaScript expressions the small evaluator understands, rewritten into its syntax (template literals, true/false/null). */
export function toEvaluatorSyntax(expression: string): string {
  return expression
    .replace(/`([^`]*)`/g, (_match, body: string) => `f"${body.replace(/"/g, '\\"').replace(/\$\{([^}]*)\}/g, '{$1}')}"`)
    .replace(/\btrue\b/g, 'True')
    .replace(/\bfalse\b/g, 'False')
    .replace(/\b(null|undefined)\b/g, 'None')
    .replace(/===/g, '==')
    .replace(/!==/g, '!=');
}

export function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

interface JsRun {
  exitCode: number;
  output: string;
  error?: string;
}

/** Runs a script's top-level `const x = …` and `console.log(…)` lines. */
function runJs(source: string, file: string, version: string): JsRun {
  const scope: PyScope = { vars: {}, canImport: () => true, print: () => {}, version: '' };
  let output = '';
  const lines = source.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim().replace(/;$/, '');
    try {
      const declaration = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(.+)$/.exec(line);
      if (declaration && !/require\(|=>|function|\.listen\(|express\(|createServer/.test(declaration[2])) {
        scope.vars[declaration[1]] = runPythonLine(toEvaluatorSyntax(declaration[2]), scope).value ?? null;
        continue;
      }
      const log = /^console\.(log|error|info)\((.*)\)$/.exec(line);
      if (log) {
        const values = splitArguments(log[2]).map((argument) => runPythonLine(toEvaluatorSyntax(argument.trim()), scope).value ?? null);
        output += `${values.map((value) => jsString(value)).join(' ')}\n`;
      }
    } catch (error) {
      if (!(error instanceof PyError)) throw error;
      const name = error.type === 'NameError' ? 'ReferenceError' : error.type === 'SyntaxError' ? 'SyntaxError' : 'TypeError';
      const message = error.type === 'NameError' ? error.message.replace(/^name '(.*)' is not defined$/, '$1 is not defined') : error.message;
      return {
        exitCode: 1,
        output,
        error: `${file}:${index + 1}\n${lines[index]}\n${' '.repeat(Math.max(0, lines[index].search(/\S/)))}^\n\n${name}: ${message}\n    at Object.<anonymous> (${file}:${index + 1}:1)\n\nNode.js ${version}\n`,
      };
    }
  }
  return { exitCode: 0, output };
}

interface NodeServer {
  port: number;
  body: string;
}

/** A script that starts an HTTP server: the port it listens on and the text it answers with. */
export function parseNodeServer(source: string, env: Record<string, string>): NodeServer | undefined {
  const listen = /\.listen\(\s*([A-Za-z_$][\w$.]*|\d+)/.exec(source);
  if (!listen) return undefined;
  let port = Number(listen[1]);
  if (Number.isNaN(port)) {
    const fallback = /process\.env\.PORT\s*(?:\|\||\?\?)\s*(\d+)/.exec(source);
    const constant = new RegExp(`(?:const|let|var)\\s+${listen[1].replace(/[.$]/g, '\\$&')}\\s*=\\s*(?:process\\.env\\.PORT\\s*(?:\\|\\||\\?\\?)\\s*)?(\\d+)`).exec(source);
    port = env.PORT ? Number(env.PORT) : Number(constant?.[1] ?? fallback?.[1] ?? 3000);
  }
  const answer = /res\.(?:end|send)\(\s*(['"`])([\s\S]*?)\1/.exec(source);
  return { port, body: answer ? answer[2].replace(/\\n/g, '\n') : '' };
}

function scriptOf(argv: string[]): string | undefined {
  const [command, ...args] = argv;
  if (!/(^|\/)node$/.test(command)) return undefined;
  if (args.some((arg) => arg === '-e' || arg === '-p' || arg === '--eval' || arg === '--print')) return undefined;
  return args.find((arg) => !arg.startsWith('-'));
}

function servedBy(run: ProgramRuntime): { server: NodeServer } | undefined {
  const argv = run.argv[0]?.endsWith('docker-entrypoint.sh') ? run.argv.slice(1) : run.argv;
  const script = scriptOf(argv[0] === 'node' || argv[0]?.endsWith('/node') ? argv : ['node', ...argv]);
  if (!script) return undefined;
  const fs = containerFileSystem(run.state, run.container);
  const source = fs.readFile(resolvePath(run.container.config.workingDir || '/', script));
  if (typeof source !== 'string') return undefined;
  const server = parseNodeServer(source, run.env);
  return server ? { server } : undefined;
}

export const nodeProgram: ContainerProgram = {
  start(run) {
    const served = servedBy(run);
    if (served) {
      const argv = run.argv[0]?.endsWith('docker-entrypoint.sh') ? run.argv.slice(1) : run.argv;
      const script = scriptOf(argv[0] === 'node' || argv[0]?.endsWith('/node') ? argv : ['node', ...argv]) ?? '';
      const fs = containerFileSystem(run.state, run.container);
      const path = resolvePath(run.container.config.workingDir || '/', script);
      const source = fs.readFile(path) as string;
      run.wait(180);
      const result = runJs(source, path, nodeVersion(run.env));
      if (result.output) run.emit('stdout', result.output);
      if (result.error) {
        run.emit('stderr', result.error);
        return { exited: 1 };
      }
      return { running: true };
    }
    return runMain(run);
  },
  stop(run, signal) {
    // Node installs no handler for SIGTERM, and as PID 1 the default action does not apply.
    void run;
    return signal === 'SIGINT' ? 130 : -1;
  },
  listens(run) {
    const served = servedBy(run);
    return served ? [served.server.port] : [];
  },
  http(run, port, request): HttpResponse | null {
    const served = servedBy(run);
    if (!served || served.server.port !== port) return null;
    const body = served.server.body;
    return {
      status: 200,
      statusText: 'OK',
      headers: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', String(new TextEncoder().encode(body).length)],
        ['Date', new Date(run.state.clock).toUTCString()],
        ['Connection', 'keep-alive'],
        ['Keep-Alive', 'timeout=5'],
      ],
      body: request.method === 'HEAD' ? '' : body,
    };
  },
};

export function nodeCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx: CommandContext, argv: string[]) => {
    const args = argv.slice(1);
    const version = nodeVersion(ctx.env);
    if (args[0] === '--version' || args[0] === '-v') {
      ctx.out.stdout(`${version}\n`);
      return 0;
    }
    if (args[0] === '-e' || args[0] === '--eval' || args[0] === '-p' || args[0] === '--print') {
      const code = args[1] ?? '';
      const source = args[0].includes('p') ? `console.log(${code})` : code.replace(/;\s*/g, '\n');
      const result = runJs(source, '[eval]', version);
      ctx.out.stdout(result.output);
      if (result.error) ctx.out.stderr(result.error.replace(/^\[eval\]:\d+\n.*\n.*\n\n/, '[eval]:1\n'));
      return result.exitCode;
    }
    const script = args.find((arg) => !arg.startsWith('-'));
    const fs: FileSystem = ctx.fs ?? containerFileSystem(state, container);
    if (script === undefined) {
      if (!ctx.tty) return 0;
      ctx.out.stdout(replBanner(state, container, 'node'));
      enterShell(state, replRecord(container, 'node', { kind: 'exec', argv0: argv[0], tty: true, pid: (ctx as { session?: { pid?: number } }).session?.pid ?? 1, user: '', cwd: ctx.cwd, env: { ...ctx.env } }));
      return 0;
    }
    const path = resolvePath(ctx.cwd, script);
    const source = fs.readFile(path);
    if (typeof source !== 'string') {
      ctx.out.stderr(
        `node:internal/modules/cjs/loader:1404\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1401:15)\n    at defaultResolveImpl (node:internal/modules/cjs/loader:1057:19)\n    at resolveForCJSWithHooks (node:internal/modules/cjs/loader:1062:22)\n    at Function._load (node:internal/modules/cjs/loader:1211:37)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:235:24)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:171:5)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js ${version}\n`,
      );
      return 1;
    }
    const result = runJs(source, path, version);
    ctx.out.stdout(result.output);
    if (result.error) {
      ctx.out.stderr(result.error);
      return 1;
    }
    if (parseNodeServer(source, ctx.env)) (ctx as { follow?: CommandContext['follow'] }).follow?.(() => 130);
    return 0;
  };
}
