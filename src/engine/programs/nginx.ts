// nginx as the official image runs it: entrypoint lines on stdout, notices on stderr, the files of /usr/share/nginx/html on port 80, an access line per request.

import { containerFileSystem } from '../daemon/container-fs.ts';
import { isFsError } from '../shell/vfs.ts';
import type { ContainerProgram, HttpResponse, ProgramRuntime, StopSignal } from './program.ts';
import { runMain } from './shell-image.ts';
import { KERNEL_RELEASE } from '../state/host-kernel.ts';

const WORKERS = [29, 30];
const DOCUMENT_ROOT = '/usr/share/nginx/html';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** nginx's error-log time: `2026/01/05 09:00:03`. */
function errorLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The access log's `05/Jan/2026:09:00:03 +0000`. */
function accessLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function version(run: ProgramRuntime): string {
  return run.env.NGINX_VERSION ?? '1.27.5';
}

function isAlpine(run: ProgramRuntime): boolean {
  return run.env.PKG_RELEASE !== undefined && !run.env.PKG_RELEASE.includes('bookworm');
}

/** The image's command: nginx in the foreground (after the entrypoint); `nginx -v` or `sh` are other programs. */
function isNginxServer(argv: string[]): boolean {
  const args = argv[0]?.endsWith('docker-entrypoint.sh') ? argv.slice(1) : argv;
  return (args[0] === 'nginx' || args[0] === 'nginx-debug') && args.includes('daemon off;');
}

function notice(run: ProgramRuntime, message: string, pid = 1): void {
  run.emit('stderr', `${errorLogTime(run.state.clock)} [notice] ${pid}#${pid}: ${message}\n`);
}

/** nginx's own error pages, with CRLF line ends as it sends them. */
function errorPage(status: number, text: string, run: ProgramRuntime): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/${version(run)}</center>\r\n</body>\r\n</html>\r\n`;
}

const MIME_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  xml: 'text/xml',
};

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** How many requests the server has answered so far (nginx numbers connections `*1`, `*2`…). */
function connectionNumber(run: ProgramRuntime): number {
  return run.container.logs.filter((entry) => entry.stream === 'stdout' && / HTTP\/1\.1" \d{3} /.test(entry.text) && entry.time >= run.container.startedAt).length + 1;
}

export const nginxProgram: ContainerProgram = {
  start(run) {
    if (!isNginxServer(run.argv)) return runMain(run);
    const entry = '/docker-entrypoint.sh';
    const lines = [
      `${entry}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
      `${entry}: Looking for shell scripts in /docker-entrypoint.d/`,
      `${entry}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      `${entry}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
      `${entry}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
      `${entry}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
      `${entry}: Configuration complete; ready for start up`,
    ];
    run.emit('stdout', `${lines.join('\n')}\n`);
    run.wait(60);
    notice(run, 'using the "epoll" event method');
    notice(run, `nginx/${version(run)}`);
    notice(run, isAlpine(run) ? 'built by gcc 14.2.0 (Alpine 14.2.0) ' : 'built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ');
    notice(run, `OS: Linux ${KERNEL_RELEASE}`);
    notice(run, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
    notice(run, 'start worker processes');
    for (const worker of WORKERS) notice(run, `start worker process ${worker}`);
    return { running: true };
  },
  stop(run, signal: StopSignal) {
    if (!isNginxServer(run.argv)) return -1;
    if (signal === 'SIGKILL') return 137;
    // SIGQUIT is nginx's graceful shutdown (the image's STOPSIGNAL); SIGTERM and SIGINT are its fast one. Both exit 0.
    const number = { SIGINT: 2, SIGTERM: 15, SIGQUIT: 3 }[signal];
    if (signal === 'SIGQUIT') {
      notice(run, `signal ${number} (${signal}) received, shutting down`);
      for (const worker of WORKERS) {
        notice(run, 'gracefully shutting down', worker);
        notice(run, 'exiting', worker);
        notice(run, 'exit', worker);
      }
    } else {
      notice(run, `signal ${number} (${signal}) received, exiting`);
      for (const worker of WORKERS) notice(run, 'exiting', worker);
      for (const worker of WORKERS) notice(run, 'exit', worker);
    }
    for (const worker of [...WORKERS].reverse()) {
      notice(run, `signal 17 (SIGCHLD) received from ${worker}`);
      notice(run, `worker process ${worker} exited with code 0`);
    }
    notice(run, 'exit');
    return 0;
  },
  listens(run) {
    return isNginxServer(run.argv) ? [80] : [];
  },
  http(run, port, request): HttpResponse | null {
    if (port !== 80 || !isNginxServer(run.argv)) return null;
    const fs = containerFileSystem(run.state, run.container);
    const path = decodeURIComponent(request.path.replace(/[?#].*$/, '')) || '/';
    let file = `${DOCUMENT_ROOT}${path}`;
    let status = 200;
    let statusText = 'OK';
    let body: string;
    let type = 'text/html';
    let modified: number | undefined;
    const stat = fs.stat(file);
    if (!isFsError(stat) && stat.type === 'dir') {
      if (!path.endsWith('/')) {
        status = 301;
        statusText = 'Moved Permanently';
      } else file = `${file}index.html`;
    }
    const content = status === 301 ? '' : fs.readFile(file);
    if (status === 301) body = errorPage(301, 'Moved Permanently', run);
    else if (typeof content === 'string') {
      body = content;
      type = MIME_TYPES[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
      const found = fs.stat(file);
      modified = isFsError(found) ? run.container.created : found.mtime;
    } else {
      const forbidden = !isFsError(stat) && stat.type === 'dir';
      status = forbidden ? 403 : 404;
      statusText = forbidden ? 'Forbidden' : 'Not Found';
      body = errorPage(status, statusText, run);
      const host = request.headers.host ?? 'localhost';
      const problem = forbidden ? `directory index of "${DOCUMENT_ROOT}${path}" is forbidden` : `open() "${file}" failed (2: No such file or directory)`;
      run.emit('stderr', `${errorLogTime(run.state.clock)} [error] ${WORKERS[0]}#${WORKERS[0]}: *${connectionNumber(run)} ${problem}, client: ${request.remoteAddress}, server: localhost, request: "${request.method} ${request.path} HTTP/1.1", host: "${host}"\n`);
    }
    const length = byteLength(body);
    const head = request.method === 'HEAD';
    const agent = request.headers['user-agent'] ?? '-';
    run.emit('stdout', `${request.remoteAddress} - - [${accessLogTime(run.state.clock)}] "${request.method} ${request.path} HTTP/1.1" ${status} ${head ? 0 : length} "-" "${agent}" "-"\n`);
    const headers: [string, string][] = [
      ['Server', `nginx/${version(run)}`],
      ['Date', new Date(run.state.clock).toUTCString()],
      ['Content-Type', type],
      ['Content-Length', String(length)],
    ];
    if (modified !== undefined) headers.push(['Last-Modified', new Date(modified).toUTCString()]);
    if (status === 301) headers.push(['Location', `http://${request.headers.host ?? 'localhost'}${path}/`]);
    headers.push(['Connection', 'keep-alive']);
    if (modified !== undefined) {
      headers.push(['ETag', `"${Math.floor(modified / 1000).toString(16)}-${length.toString(16)}"`]);
      headers.push(['Accept-Ranges', 'bytes']);
    }
    return { status, statusText, headers, body: head ? '' : body };
  },
  processes(run) {
    if (!isNginxServer(run.argv)) return undefined;
    const started = run.container.startedAt;
    return [
      { pid: 1, ppid: 0, user: 'root', comm: 'nginx', args: 'nginx: master process nginx -g daemon off;', tty: '?', vsz: 11_404, rss: 7_424, stat: 'Ss', started },
      ...WORKERS.map((pid) => ({ pid, ppid: 1, user: 'nginx', comm: 'nginx', args: 'nginx: worker process', tty: '?', vsz: 11_868, rss: 2_896, stat: 'S', started })),
    ];
  },
};
