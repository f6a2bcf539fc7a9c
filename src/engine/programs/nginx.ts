// nginx as the official image runs it: entrypoint chatter on stdout, notices on stderr, the welcome page on port 80.

import type { ContainerProgram, HttpResponse, ProgramRuntime } from './program.ts';

const WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NOT_FOUND_PAGE = (version: string) => `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${version}</center>
</body>
</html>
`;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** nginx's error-log time: `2026/01/05 09:00:03`. */
function errorLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The access log's `[05/Jan/2026:09:00:03 +0000]`. */
function accessLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function version(run: ProgramRuntime): string {
  return run.env.NGINX_VERSION ?? '1.27.5';
}

function isNginxServer(run: ProgramRuntime): boolean {
  // The image's default command; anything else (`nginx -v`, `sh`) is not the web server.
  return run.argv.includes('nginx') && run.argv.includes('daemon off;');
}

function notice(run: ProgramRuntime, message: string): void {
  run.emit('stderr', `${errorLogTime(run.state.clock)} [notice] 1#1: ${message}\n`);
}

export const nginxProgram: ContainerProgram = {
  start(run) {
    if (!isNginxServer(run)) return { exited: 0 };
    const entry = '/docker-entrypoint.sh';
    for (const line of [
      `${entry}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
      `${entry}: Looking for shell scripts in /docker-entrypoint.d/`,
      `${entry}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      `${entry}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
      `${entry}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
      `${entry}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
      `${entry}: Configuration complete; ready for start up`,
    ]) {
      run.emit('stdout', `${line}\n`);
    }
    run.wait(60);
    notice(run, 'using the "epoll" event method');
    notice(run, `nginx/${version(run)}`);
    notice(run, 'built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ');
    notice(run, 'OS: Linux 6.10.14-linuxkit');
    notice(run, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
    notice(run, 'start worker processes');
    notice(run, 'start worker process 29');
    notice(run, 'start worker process 30');
    return { running: true };
  },
  stop(run, signal) {
    if (signal === 'SIGKILL') return 137;
    // nginx treats SIGTERM and SIGINT as "fast shutdown" and SIGQUIT as graceful; each exits 0.
    const number = { SIGINT: 2, SIGTERM: 15, SIGQUIT: 3 }[signal];
    notice(run, `signal ${number} (${signal}) received, ${signal === 'SIGQUIT' ? 'shutting down' : 'exiting'}`);
    notice(run, 'worker process 29 exited with code 0');
    notice(run, 'worker process 30 exited with code 0');
    notice(run, 'exit');
    return 0;
  },
  listens(run) {
    return isNginxServer(run) ? [80] : [];
  },
  http(run, port, request): HttpResponse | null {
    if (port !== 80) return null;
    const found = request.path === '/' || request.path === '/index.html';
    const body = found ? WELCOME_PAGE : NOT_FOUND_PAGE(version(run));
    const status = found ? 200 : 404;
    const agent = request.headers['user-agent'] ?? '-';
    run.emit('stdout', `${request.remoteAddress} - - [${accessLogTime(run.state.clock)}] "${request.method} ${request.path} HTTP/1.1" ${status} ${found ? body.length : 153} "-" "${agent}" "-"\n`);
    return {
      status,
      statusText: found ? 'OK' : 'Not Found',
      headers: [
        ['Server', `nginx/${version(run)}`],
        ['Date', new Date(run.state.clock).toUTCString()],
        ['Content-Type', 'text/html'],
        ['Content-Length', String(body.length)],
        ['Connection', 'keep-alive'],
        ...(found ? ([['Accept-Ranges', 'bytes']] as [string, string][]) : []),
      ],
      body,
    };
  },
};
