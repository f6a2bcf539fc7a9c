// The redis image (7.4): the server's start-up and shutdown log lines, and the snapshot it leaves in /data.

import { containerFileSystem } from '../daemon/container-fs.ts';
import { isFsError } from '../shell/vfs.ts';
import type { ContainerProgram, ProgramRuntime } from './program.ts';
import { runMain } from './shell-image.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Redis's log time: `05 Jan 2026 09:00:00.412`. */
function logTime(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}

function serverArgs(argv: string[]): string[] | undefined {
  const args = argv[0]?.endsWith('docker-entrypoint.sh') ? argv.slice(1) : argv;
  const [command, ...rest] = args;
  const server = command === 'redis-server' || command?.endsWith('/redis-server') || command?.startsWith('-') || command?.endsWith('.conf');
  if (!server || rest.includes('--version') || rest.includes('-v')) return undefined;
  return command === 'redis-server' || command?.endsWith('/redis-server') ? rest : args;
}

function version(run: ProgramRuntime): string {
  return run.env.REDIS_VERSION ?? '7.4.4';
}

function line(run: ProgramRuntime, role: 'C' | 'M', level: '*' | '#', message: string): void {
  run.emit('stdout', `1:${role} ${logTime(run.state.clock)} ${level} ${message}\n`);
}

function dataDir(run: ProgramRuntime): string {
  return run.container.config.workingDir || '/data';
}

export const redisProgram: ContainerProgram = {
  start(run) {
    const args = serverArgs(run.argv);
    if (!args) return runMain(run);
    run.wait(35);
    line(run, 'C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    line(run, 'C', '*', `Redis version=${version(run)}, bits=64, commit=00000000, modified=0, pid=1, just started`);
    if (args.length === 0) line(run, 'C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
    else line(run, 'C', '*', 'Configuration loaded');
    run.wait(1);
    line(run, 'M', '*', 'monotonic clock: POSIX clock_gettime');
    line(run, 'M', '*', 'Running mode=standalone, port=6379.');
    run.wait(1);
    line(run, 'M', '*', 'Server initialized');
    const fs = containerFileSystem(run.state, run.container);
    const dump = `${dataDir(run)}/dump.rdb`;
    const snapshot = fs.stat(dump);
    if (!isFsError(snapshot)) {
      const age = Math.max(0, Math.floor((run.state.clock - snapshot.mtime) / 1000));
      line(run, 'M', '*', `Loading RDB produced by version ${version(run)}`);
      line(run, 'M', '*', `RDB age ${age} seconds`);
      line(run, 'M', '*', 'RDB memory usage when created 0.90 Mb');
      line(run, 'M', '*', 'Done loading RDB, keys loaded: 0, keys expired: 0.');
      line(run, 'M', '*', 'DB loaded from disk: 0.000 seconds');
    }
    if (args.includes('--appendonly') && args[args.indexOf('--appendonly') + 1] === 'yes' && isFsError(fs.stat(`${dataDir(run)}/appendonlydir`))) {
      fs.mkdir(`${dataDir(run)}/appendonlydir`, { parents: true });
      line(run, 'M', '*', 'Creating AOF base file appendonly.aof.1.base.rdb on server start');
      line(run, 'M', '*', 'Creating AOF incr file appendonly.aof.1.incr.aof on server start');
    }
    line(run, 'M', '*', 'Ready to accept connections tcp');
    return { running: true };
  },
  stop(run, signal) {
    if (!serverArgs(run.argv)) return signal === 'SIGINT' ? 130 : -1;
    if (signal === 'SIGQUIT') return 131;
    run.emit('stdout', `1:signal-handler (${Math.floor(run.state.clock / 1000)}) Received ${signal} scheduling shutdown...\n`);
    run.wait(90);
    line(run, 'M', '*', 'User requested shutdown...');
    line(run, 'M', '*', 'Saving the final RDB snapshot before exiting.');
    const fs = containerFileSystem(run.state, run.container);
    fs.mkdir(dataDir(run), { parents: true });
    fs.writeFile(`${dataDir(run)}/dump.rdb`, `REDIS0012\u00fa\tredis-ver\u0005${version(run)}\u00fa\nredis-bits\u00c0@\u00ff`, 0o644);
    run.wait(4);
    line(run, 'M', '*', 'DB saved on disk');
    line(run, 'M', '#', 'Redis is now ready to exit, bye bye...');
    return 0;
  },
  listens(run) {
    return serverArgs(run.argv) ? [6379] : [];
  },
  http(run, port) {
    if (port !== 6379 || !serverArgs(run.argv)) return null;
    // Redis reads `GET / HTTP/1.1` as a command, answers in its own protocol and drops the connection.
    return { status: 0, statusText: '', headers: [], body: "-ERR wrong number of arguments for 'get' command\r\n" };
  },
  processes(run) {
    if (!serverArgs(run.argv)) return undefined;
    return [{ pid: 1, ppid: 0, user: 'redis', comm: 'redis-server', args: 'redis-server *:6379', tty: '?', vsz: 139_000, rss: 11_000, stat: 'Ssl', started: run.container.startedAt }];
  },
};
