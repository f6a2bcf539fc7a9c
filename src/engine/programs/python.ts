// The python images: `python --version`, `python -c`, scripts, pip, and a Flask app served by Werkzeug's development server.

import { containerFileSystem } from '../daemon/container-fs.ts';
import type { CommandContext } from '../exec/context.ts';
import { runPip } from '../builder/package-managers.ts';
import type { Program } from '../shell/session.ts';
import { isFsError, resolvePath, type FileSystem } from '../shell/vfs.ts';
import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { PyError, PyExit, PyFloat, pyStr, pythonLines, runPythonLine, type PyScope, type PyValue } from './mini-python.ts';
import { connect, primaryAddress, resolveHost } from './network.ts';
import type { ContainerProgram, HttpResponse, ProgramRuntime } from './program.ts';
import { runMain } from './shell-image.ts';
import { replBanner, replRecord } from './repl.ts';
import { enterShell } from './shell-image.ts';
import { replayTimedLines } from './timed-lines.ts';

function pythonVersion(env: Record<string, string>): string {
  return env.PYTHON_VERSION ?? '3.9.23';
}

function sitePackages(env: Record<string, string>): string {
  const [major, minor] = pythonVersion(env).split('.');
  return `/usr/local/lib/python${major}.${minor}/site-packages`;
}

const STANDARD_MODULES = new Set([
  'sys', 'os', 'time', 'json', 'math', 'random', 're', 'datetime', 'collections', 'itertools', 'functools', 'pathlib',
  'subprocess', 'socket', 'http', 'urllib', 'logging', 'typing', 'dataclasses', 'string', 'argparse', 'csv', 'sqlite3', 'hashlib',
  'uuid', 'threading', 'asyncio', 'shutil', 'tempfile', 'io', 'copy', 'pprint', 'platform', 'signal', 'textwrap', 'enum',
]);

/** Modules whose distribution on PyPI has another name (`import psycopg2` comes from psycopg2-binary). */
const DISTRIBUTIONS: Record<string, string[]> = {
  psycopg2: ['psycopg2', 'psycopg2_binary'],
  yaml: ['pyyaml'],
  bs4: ['beautifulsoup4'],
  dotenv: ['python_dotenv'],
  PIL: ['pillow'],
  sklearn: ['scikit_learn'],
  jwt: ['pyjwt'],
  dateutil: ['python_dateutil'],
};

/** Whether pip put `module` in site-packages (its `.dist-info` directory). */
function installed(fs: FileSystem, env: Record<string, string>, module: string): boolean {
  const names = fs.readdir(sitePackages(env));
  if (isFsError(names)) return false;
  const wanted = DISTRIBUTIONS[module] ?? [module.toLowerCase().replace(/-/g, '_')];
  return names.some((name) => name.endsWith('.dist-info') && wanted.some((dist) => name.toLowerCase().startsWith(`${dist}-`)));
}

function scopeFor(fs: FileSystem, env: Record<string, string>, print: (text: string) => void): PyScope {
  return {
    vars: { __name__: '__main__' },
    canImport: (module) => STANDARD_MODULES.has(module) || installed(fs, env, module === 'flask' ? 'flask' : module),
    print,
    version: `${pythonVersion(env)} (main, Jun  4 2025, 01:32:17) \n[GCC 12.2.0]`,
  };
}

function traceback(file: string, line: number, source: string | undefined, error: PyError): string {
  if (error.type === 'SyntaxError') {
    return `  File "${file}", line ${line}\n${source !== undefined ? `    ${source.trim()}\n    ^\n` : ''}SyntaxError: ${error.message}\n`;
  }
  const where = `  File "${file}", line ${line}, in <module>\n${source !== undefined ? `    ${source.trim()}\n` : ''}`;
  return `Traceback (most recent call last):\n${where}${error.type}: ${error.message}\n`;
}

interface RunResult {
  exitCode: number;
}

/** Runs a script's top-level statements; a Flask app is left to `serveFlask`. */
function runScript(source: string, file: string, fs: FileSystem, env: Record<string, string>, write: (stream: 'stdout' | 'stderr', text: string) => void): RunResult {
  const scope = scopeFor(fs, env, (text) => write('stdout', text));
  const sourceLines = source.split('\n');
  for (const { line, text } of pythonLines(source)) {
    if (/^\s*app\.run\s*\(/.test(text) || /^if __name__/.test(text)) continue;
    try {
      runPythonLine(text, scope);
    } catch (error) {
      if (error instanceof PyExit) return { exitCode: error.status };
      if (error instanceof PyError) {
        write('stderr', traceback(file, line, file === '<string>' ? undefined : sourceLines[line - 1], error));
        return { exitCode: 1 };
      }
      throw error;
    }
  }
  return { exitCode: 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Flask

interface FlaskRoute {
  path: string;
  methods: string[];
  /** The function's last `return`: what it answers when all goes well. */
  answer: string;
  /** The function reaches the database (psycopg2.connect, directly or through a helper). */
  usesDatabase: boolean;
  /** `except psycopg2.OperationalError as error: return …`: the answer when the database cannot be reached. */
  failure?: { name: string; answer: string };
}

interface FlaskApp {
  routes: FlaskRoute[];
  host: string;
  port: number;
  debug: boolean;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The indented body under the line at `index` (a `def`). */
function bodyOf(lines: string[], index: number): string[] {
  const base = indentOf(lines[index]);
  const body: string[] = [];
  for (let next = index + 1; next < lines.length; next++) {
    if (lines[next].trim() === '') continue;
    if (indentOf(lines[next]) <= base) break;
    body.push(lines[next]);
  }
  return body;
}

/**
 * Reads a Flask app: `@app.route('/x')` over a function, answered by its last `return` (a string,
 * an f-string, a dict or `jsonify(...)`), and whether it needs the database; and `app.run(host, port)`.
 */
export function parseFlaskApp(source: string): FlaskApp | undefined {
  if (!/\bFlask\s*\(/.test(source)) return undefined;
  const lines = source.split('\n');
  const app: FlaskApp = { routes: [], host: '127.0.0.1', port: 5000, debug: false };
  const databaseHelpers = new Set<string>();
  lines.forEach((line, index) => {
    const def = /^def\s+(\w+)\s*\(/.exec(line);
    if (def && bodyOf(lines, index).some((body) => /psycopg2\.connect\(/.test(body))) databaseHelpers.add(def[1]);
  });
  for (let index = 0; index < lines.length; index++) {
    const route = /^\s*@\w+\.(route|get|post)\(\s*(['"])(.*?)\2(.*)\)\s*$/.exec(lines[index]);
    if (route) {
      const methods = route[1] === 'route' ? (/methods\s*=\s*\[([^\]]*)\]/.exec(route[4])?.[1].match(/[A-Z]+/g) ?? ['GET']) : [route[1].toUpperCase()];
      let def = index + 1;
      while (def < lines.length && !/^\s*def\s/.test(lines[def])) def++;
      const body = bodyOf(lines, def);
      const returns = body.filter((line) => /^\s+return\b/.test(line));
      const answer = /^\s+return\s+(.*?)\s*$/.exec(returns.at(-1) ?? '')?.[1] ?? "''";
      const usesDatabase = body.some((line) => /psycopg2\.connect\(/.test(line) || [...databaseHelpers].some((name) => new RegExp(`\\b${name}\\s*\\(`).test(line)));
      let failure: FlaskRoute['failure'];
      const except = body.findIndex((line) => /^\s*except\b.*\bas\s+\w+\s*:/.test(line));
      if (except >= 0) {
        const name = /\bas\s+(\w+)\s*:/.exec(body[except])?.[1] ?? 'error';
        const returned = body.slice(except + 1).find((line) => /^\s+return\b/.test(line));
        if (returned) failure = { name, answer: /^\s+return\s+(.*?)\s*$/.exec(returned)?.[1] ?? "''" };
      }
      app.routes.push({ path: route[3], methods, answer, usesDatabase, failure });
      index = def;
    }
    const run = /\bapp\.run\s*\((.*)\)/.exec(lines[index]);
    if (run) {
      const host = /host\s*=\s*(['"])(.*?)\1/.exec(run[1]);
      const port = /port\s*=\s*(\d+)/.exec(run[1]);
      if (host) app.host = host[2];
      if (port) app.port = Number(port[1]);
      app.debug = /debug\s*=\s*True/.test(run[1]);
    }
  }
  return app;
}

/** What psycopg2 says when it cannot reach the database the app's environment names; undefined when it can. */
function databaseProblem(run: ProgramRuntime): string | undefined {
  const host = run.env.DB_HOST ?? run.env.POSTGRES_HOST ?? 'localhost';
  const port = Number(run.env.DB_PORT ?? run.env.POSTGRES_PORT ?? 5432);
  const address = resolveHost(run.state, run.container, host);
  if (address === null) return `could not translate host name "${host}" to address: Name or service not known\n`;
  const connection = connect(run.state, run.container, address, port);
  if (connection.kind === 'open') return undefined;
  const shown = host === address ? `"${host}"` : `"${host}" (${address})`;
  if (connection.kind === 'timeout') return `connection to server at ${shown}, port ${port} failed: Connection timed out\n\tIs the server running on that host and accepting TCP/IP connections?\n`;
  return `connection to server at ${shown}, port ${port} failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`;
}

/** A route's answer: its body and status (`return "text", 500`). */
function answerOf(expression: string, vars: Record<string, PyValue>): { body: PyValue; status: number; json: boolean } {
  const scope: PyScope = { vars: { ...vars }, canImport: () => true, print: () => {}, version: '' };
  const tuple = /^(.*),\s*(\d{3})\s*$/.exec(expression);
  const text = tuple ? tuple[1] : expression;
  const json = /^jsonify\(/.test(text.trim()) || /^[[{]/.test(text.trim());
  try {
    return { body: runPythonLine(text, scope).value ?? '', status: tuple ? Number(tuple[2]) : 200, json };
  } catch {
    return { body: '', status: tuple ? Number(tuple[2]) : 200, json };
  }
}

/** Flask's JSON (`jsonify`): compact, keys in order, a newline at the end. */
function flaskJson(value: PyValue): string {
  const encode = (item: PyValue): string => {
    if (item === null) return 'null';
    if (typeof item === 'boolean' || typeof item === 'number') return String(item);
    if (typeof item === 'string') return JSON.stringify(item);
    if (Array.isArray(item)) return `[${item.map(encode).join(',')}]`;
    if (item instanceof PyFloat) return pyStr(item);
    return `{${Object.entries(item).map(([key, entry]) => `${JSON.stringify(key)}:${encode(entry)}`).join(',')}}`;
  };
  return `${encode(value)}\n`;
}

const WERKZEUG_VERSION = '3.0.3';
const NOT_FOUND_BODY = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const METHOD_NOT_ALLOWED_BODY = '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n';

function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

function werkzeugTime(epochMs: number): string {
  const date = new Date(epochMs);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'CREATED', 204: 'NO CONTENT', 400: 'BAD REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT FOUND', 500: 'INTERNAL SERVER ERROR', 503: 'SERVICE UNAVAILABLE' };

function flaskResponse(run: ProgramRuntime, app: FlaskApp, method: string, path: string): HttpResponse {
  const route = app.routes.find((candidate) => candidate.path === path);
  let status = 200;
  let body: string;
  let type = 'text/html; charset=utf-8';
  if (!route) {
    status = 404;
    body = NOT_FOUND_BODY;
  } else if (!route.methods.includes(method === 'HEAD' ? 'GET' : method)) {
    status = 405;
    body = METHOD_NOT_ALLOWED_BODY;
  } else {
    const problem = route.usesDatabase ? databaseProblem(run) : undefined;
    const answer = problem !== undefined && route.failure ? answerOf(route.failure.answer, { [route.failure.name]: problem }) : answerOf(route.answer, {});
    status = answer.status;
    const dict = answer.body !== null && typeof answer.body === 'object' && !Array.isArray(answer.body) && !(answer.body instanceof PyFloat);
    if (answer.json || dict) {
      body = flaskJson(answer.body);
      type = 'application/json';
    } else body = pyStr(answer.body);
  }
  const statusText = STATUS_TEXT[status] ?? 'UNKNOWN';
  const headers: [string, string][] = [
    ['Server', `Werkzeug/${WERKZEUG_VERSION} Python/${pythonVersion(run.env)}`],
    ['Date', httpDate(run.state.clock)],
    ['Content-Type', type],
    ['Content-Length', String(new TextEncoder().encode(body).length)],
  ];
  if (status === 405 && route) headers.push(['Allow', [...route.methods, 'HEAD', 'OPTIONS'].sort().join(', ')]);
  headers.push(['Connection', 'close']);
  return { status, statusText, headers, body };
}

/** The Flask app the main process serves, read from its script each time (the learner may have edited it). */
function servedApp(run: ProgramRuntime): { app: FlaskApp } | undefined {
  const script = scriptOf(run.argv);
  if (!script) return undefined;
  const fs = containerFileSystem(run.state, run.container);
  const source = fs.readFile(resolvePath(run.container.config.workingDir || '/', script));
  if (typeof source !== 'string') return undefined;
  const app = parseFlaskApp(source);
  return app && installed(fs, run.env, 'flask') ? { app } : undefined;
}

function scriptOf(argv: string[]): string | undefined {
  const [command, ...args] = argv;
  if (!/^(\/usr\/local\/bin\/)?python(3(\.\d+)?)?$/.test(command)) return undefined;
  const script = args.find((arg) => !arg.startsWith('-'));
  return args.some((arg) => arg === '-c' || arg === '-m') ? undefined : script;
}

function flaskBanner(app: FlaskApp, file: string, address: string, unbuffered: boolean): { stdout: string; stderr: string } {
  const name = file.replace(/\.py$/, '').replace(/^.*\//, '');
  const stdout = unbuffered ? ` * Serving Flask app '${name}'\n * Debug mode: ${app.debug ? 'on' : 'off'}\n` : '';
  let stderr = 'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n';
  if (app.host === '0.0.0.0') stderr += ` * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:${app.port}\n * Running on http://${address}:${app.port}\n`;
  else stderr += ` * Running on http://${app.host}:${app.port}\n`;
  stderr += 'Press CTRL+C to quit\n';
  if (app.debug) stderr += ' * Restarting with stat\n * Debugger is active!\n * Debugger PIN: 128-640-592\n';
  return { stdout, stderr };
}

export const pythonProgram: ContainerProgram = {
  start(run) {
    const script = scriptOf(run.argv);
    if (script !== undefined) {
      const fs = containerFileSystem(run.state, run.container);
      const cwd = run.container.config.workingDir || '/';
      const source = fs.readFile(resolvePath(cwd, script));
      if (typeof source === 'string') {
        const app = parseFlaskApp(source);
        if (app) {
          run.wait(400);
          const result = runScript(source, resolvePath(cwd, script), fs, run.env, (stream, text) => run.emit(stream, text));
          if (result.exitCode !== 0) return { exited: result.exitCode };
          // Python buffers stdout when it is not a terminal: Flask's first lines stay in the buffer.
          const banner = flaskBanner(app, script, primaryAddress(run.container), run.container.config.tty || run.env.PYTHONUNBUFFERED !== undefined);
          if (banner.stdout) run.emit('stdout', banner.stdout);
          run.emit('stderr', banner.stderr);
          return { running: true };
        }
      }
    }
    return runMain(run);
  },
  stop(run, signal) {
    // Werkzeug handles SIGINT (KeyboardInterrupt); as PID 1, Python ignores SIGTERM.
    if (servedApp(run)) return signal === 'SIGINT' ? 0 : -1;
    return signal === 'SIGINT' ? 130 : -1;
  },
  listens(run) {
    const served = servedApp(run);
    return served && served.app.host === '0.0.0.0' ? [served.app.port] : [];
  },
  http(run, port, request) {
    const served = servedApp(run);
    if (!served || served.app.port !== port) return null;
    const response = flaskResponse(run, served.app, request.method, request.path.replace(/\?.*$/, ''));
    run.emit('stderr', `${request.remoteAddress} - - [${werkzeugTime(run.state.clock)}] "${request.method} ${request.path} HTTP/1.1" ${response.status} -\n`);
    if (request.method === 'HEAD') return { ...response, body: '' };
    return response;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The commands on the PATH

export function pythonCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const env = ctx.env;
    const fs = ctx.fs ?? containerFileSystem(state, container);
    const args = argv.slice(1);
    const write = (stream: 'stdout' | 'stderr', text: string) => ctx.out.write(stream, text);
    if (args[0] === '--version' || args[0] === '-V') {
      ctx.out.stdout(`Python ${pythonVersion(env)}\n`);
      return 0;
    }
    if (args[0] === '-c') {
      if (args[1] === undefined) {
        ctx.out.stderr('Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h\' for more information.\n');
        return 2;
      }
      return runScript(args[1], '<string>', fs, env, write).exitCode;
    }
    if (args[0] === '-m' && args[1] === 'pip') return pipCommand(state, container)(ctx, ['pip', ...args.slice(2)]);
    const script = args.find((arg) => !arg.startsWith('-'));
    if (script === undefined) {
      if (ctx.stdin !== undefined) return runScript(ctx.stdin, '<stdin>', fs, env, write).exitCode;
      // No terminal: the interpreter reads end-of-file and exits. On one, its prompt takes over the terminal.
      if (!ctx.tty) return 0;
      ctx.out.stdout(replBanner(state, container, 'python'));
      enterShell(state, replRecord(container, 'python', { kind: 'exec', argv0: argv[0], tty: true, pid: (ctx as { session?: { pid?: number } }).session?.pid ?? 1, user: '', cwd: ctx.cwd, env: { ...env } }));
      return 0;
    }
    const path = resolvePath(ctx.cwd, script);
    const source = fs.readFile(path);
    if (typeof source !== 'string') {
      ctx.out.stderr(`${argv[0]}: can't open file '${path}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    const app = parseFlaskApp(source);
    const result = runScript(source, path, fs, env, write);
    if (result.exitCode !== 0 || !app) return result.exitCode;
    const banner = flaskBanner(app, script, primaryAddress(container), ctx.tty);
    ctx.out.stdout(banner.stdout);
    ctx.out.stderr(banner.stderr);
    const follow = (ctx as { follow?: CommandContext['follow'] }).follow;
    follow?.(() => 0);
    return 0;
  };
}

export function pipCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const fs = containerFileSystem(state, container);
    const result = runPip({
      args: argv.slice(1),
      env: ctx.env,
      workdir: ctx.cwd,
      files: { tree: fs.tree, now: state.clock },
      readFile: (path) => {
        const content = fs.readFile(path);
        return typeof content === 'string' ? content : undefined;
      },
    });
    return replayTimedLines(ctx, result);
  };
}
