// The images' own tools on their PATH: python and pip, node and npm, nginx, redis-cli, psql, pg_isready, apt-get.

import { programsFromAptInstalls, runAptGet, runNpm } from '../builder/package-managers.ts';
import { containerFileSystem, imageOf } from '../daemon/container-fs.ts';
import type { Program } from '../shell/session.ts';
import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { connect, resolveHost } from './network.ts';
import { nodeCommand } from './node.ts';
import { pipCommand, pythonCommand } from './python.ts';
import { replayTimedLines } from './timed-lines.ts';

function envVersion(state: MachineState, container: ContainerRecord, name: string, fallback: string): string {
  const image = imageOf(state, container);
  const entry = [...container.config.env, ...(image?.config.env ?? [])].find((item) => item.startsWith(`${name}=`));
  return entry ? entry.slice(name.length + 1) : fallback;
}

function nginxCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const version = envVersion(state, container, 'NGINX_VERSION', '1.27.5');
    const option = argv[1];
    if (option === '-v') {
      ctx.out.stderr(`nginx version: nginx/${version}\n`);
      return 0;
    }
    if (option === '-V') {
      ctx.out.stderr(
        `nginx version: nginx/${version}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) \nbuilt with OpenSSL 3.0.15 3 Sep 2024 (running with OpenSSL 3.0.16 11 Feb 2025)\nTLS SNI support enabled\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock --user=nginx --group=nginx --with-http_ssl_module --with-http_v2_module --with-http_v3_module\n`,
      );
      return 0;
    }
    if (option === '-t') {
      ctx.out.stderr('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
      return 0;
    }
    if (option === '-s') {
      const signal = argv[2];
      if (signal === 'reload' || signal === 'reopen' || signal === 'quit' || signal === 'stop') {
        if (container.status !== 'running' || container.path !== '/docker-entrypoint.sh') {
          ctx.out.stderr(`nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n`);
          return 1;
        }
        if (signal === 'reload') {
          const when = new Date(state.clock);
          const two = (value: number) => String(value).padStart(2, '0');
          const stamp = `${when.getUTCFullYear()}/${two(when.getUTCMonth() + 1)}/${two(when.getUTCDate())} ${two(when.getUTCHours())}:${two(when.getUTCMinutes())}:${two(when.getUTCSeconds())}`;
          ctx.out.stderr(`${stamp} [notice] ${40 + container.restartCount}#${40 + container.restartCount}: signal process started\n`);
          container.logs.push({ stream: 'stderr', text: `${stamp} [notice] 1#1: signal 1 (SIGHUP) received from ${40 + container.restartCount}, reconfiguring\n${stamp} [notice] 1#1: reconfiguring\n`, time: state.clock });
        }
        return 0;
      }
      ctx.out.stderr(`nginx: invalid option: "-s ${signal ?? ''}"\n`);
      return 1;
    }
    ctx.out.stderr(
      `${new Date(state.clock).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/')} [emerg] ${40 + container.restartCount}#${40 + container.restartCount}: bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n`,
    );
    return 1;
  };
}

function redisCliCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const version = envVersion(state, container, 'REDIS_VERSION', '7.4.4');
    const args = argv.slice(1).filter((arg, index, all) => !(arg === '-h' || arg === '-p' || all[index - 1] === '-h' || all[index - 1] === '-p'));
    if (args[0] === '--version' || args[0] === '-v') {
      ctx.out.stdout(`redis-cli ${version}\n`);
      return 0;
    }
    const serving = container.status === 'running' && container.path === 'docker-entrypoint.sh' && container.args[0] === 'redis-server';
    if (!serving) {
      ctx.out.stdout('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
      return 1;
    }
    const [command, ...rest] = args;
    if (command === undefined) {
      ctx.out.stderr('redis-cli: the interactive prompt is not simulated; give the command as arguments (redis-cli ping)\n');
      return 1;
    }
    switch (command.toLowerCase()) {
      case 'ping':
        ctx.out.stdout(rest.length > 0 ? `${rest.join(' ')}\n` : 'PONG\n');
        return 0;
      case 'echo':
        ctx.out.stdout(`${rest.join(' ')}\n`);
        return 0;
      case 'dbsize':
        ctx.out.stdout('(integer) 0\n');
        return 0;
      default:
        ctx.out.stderr(`redis-cli: '${command}' is not simulated in Dockyard\n`);
        return 1;
    }
  };
}

function redisServerCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const version = envVersion(state, container, 'REDIS_VERSION', '7.4.4');
    if (argv[1] === '--version' || argv[1] === '-v') {
      ctx.out.stdout(`Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=3b5a5d3f6d2b8b4e\n`);
      return 0;
    }
    ctx.out.stderr('redis-server: a second server in the same container is not simulated\n');
    return 1;
  };
}

function psqlCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const full = envVersion(state, container, 'PG_VERSION', '16.9-1.pgdg120+1');
    const short = full.split('-')[0];
    if (argv[1] === '--version' || argv[1] === '-V') {
      ctx.out.stdout(`psql (PostgreSQL) ${short} (Debian ${full})\n`);
      return 0;
    }
    ctx.out.stderr('psql: the interactive terminal is not simulated in Dockyard; try psql --version\n');
    return 1;
  };
}

/**
 * pg_isready: whether a PostgreSQL server accepts connections, answered with libpq's PQping. Without `-h` it
 * asks the server behind the container's own socket; `-h NAME` goes over the network. Exit 0 accepting,
 * 2 no response, 3 when the options make no attempt.
 */
function pgIsReadyCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    let host = '';
    let port = '5432';
    let quiet = false;
    const args = argv.slice(1);
    for (let index = 0; index < args.length; index++) {
      const arg = args[index];
      const value = (short: string, long: string): string | undefined => {
        if (arg === short || arg === long) return args[++index] ?? '';
        if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
        if (arg.startsWith(short) && arg.length > short.length) return arg.slice(short.length);
        return undefined;
      };
      if (arg === '--version' || arg === '-V') {
        const full = envVersion(state, container, 'PG_VERSION', '16.9-1.pgdg120+1');
        ctx.out.stdout(`pg_isready (PostgreSQL) ${full.split('-')[0]} (Debian ${full})\n`);
        return 0;
      }
      if (arg === '-q' || arg === '--quiet') {
        quiet = true;
        continue;
      }
      const hostValue = value('-h', '--host');
      if (hostValue !== undefined) {
        host = hostValue;
        continue;
      }
      const portValue = value('-p', '--port');
      if (portValue !== undefined) {
        port = portValue;
        continue;
      }
      // -U, -d and -t change nothing a ping needs; their values are skipped with them.
      if (['-U', '-d', '-t', '--username', '--dbname', '--timeout'].includes(arg)) index++;
    }
    const shown = `${host === '' ? '/var/run/postgresql' : host}:${port}`;
    const report = (text: string, code: number) => {
      if (!quiet) ctx.out.stdout(`${shown} - ${text}\n`);
      return code;
    };
    if (!/^\d+$/.test(port)) return report('no attempt', 3);
    const local = host === '' || host.startsWith('/');
    const address = local ? '127.0.0.1' : resolveHost(state, container, host);
    if (address === null) return report('no response', 2);
    ctx.out.wait(3);
    const reached = connect(state, container, address, Number(port));
    // A server listens only once it has initialised; then it accepts connections.
    return reached.kind === 'open' ? report('accepting connections', 0) : report('no response', 2);
  };
}

function postgresCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const full = envVersion(state, container, 'PG_VERSION', '16.9-1.pgdg120+1');
    if (argv[1] === '--version' || argv[1] === '-V') {
      ctx.out.stdout(`postgres (PostgreSQL) ${full.split('-')[0]} (Debian ${full})\n`);
      return 0;
    }
    ctx.out.stderr('"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n');
    return 1;
  };
}

const APT_PROGRESS_LINES = new Set(['Reading package lists...', 'Building dependency tree...', 'Reading state information...']);

function aptGetCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const fs = containerFileSystem(state, container);
    const result = runAptGet({ args: argv.slice(1), files: { tree: fs.tree, now: state.clock } });
    // What a package installed is on the PATH from now on.
    for (const name of programsFromAptInstalls(fs.tree)) {
      if (!fs.tree[`/usr/bin/${name}`]) fs.tree[`/usr/bin/${name}`] = { type: 'file', content: '', mode: 0o755, mtime: state.clock };
    }
    // apt's CheckIfCalledByScript: `apt` itself (argv[0] of at most 4 characters), writing to no terminal.
    if (!ctx.tty && argv[0] === 'apt') ctx.out.stderr('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    // On a terminal apt's progress lines end with `... Done`; the builder's lines are the piped form.
    if (ctx.tty) result.lines = result.lines.map((line) => (APT_PROGRESS_LINES.has(line.text) ? { ...line, text: `${line.text} Done` } : line));
    return replayTimedLines(ctx, result);
  };
}

function npmCommand(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const fs = containerFileSystem(state, container);
    const result = runNpm({
      args: argv.slice(1),
      workdir: ctx.cwd,
      files: { tree: fs.tree, now: state.clock },
      readFile: (path) => {
        const content = fs.readFile(path);
        return typeof content === 'string' ? content : undefined;
      },
      clock: state.clock,
    });
    return replayTimedLines(ctx, result);
  };
}

/** The image tool `name`, or undefined when it is not one of the simulated tools. */
export function imageToolCommand(state: MachineState, container: ContainerRecord, name: string): Program | undefined {
  if (/^python(3(\.\d+)?)?$/.test(name)) return pythonCommand(state, container);
  if (/^pip(3(\.\d+)?)?$/.test(name)) return pipCommand(state, container);
  switch (name) {
    case 'node':
      return nodeCommand(state, container);
    case 'npm':
      return npmCommand(state, container);
    case 'nginx':
      return nginxCommand(state, container);
    case 'redis-cli':
      return redisCliCommand(state, container);
    case 'redis-server':
      return redisServerCommand(state, container);
    case 'psql':
      return psqlCommand(state, container);
    case 'pg_isready':
      return pgIsReadyCommand(state, container);
    case 'postgres':
      return postgresCommand(state, container);
    case 'apt-get':
    case 'apt':
      return aptGetCommand(state, container);
    default:
      return undefined;
  }
}
