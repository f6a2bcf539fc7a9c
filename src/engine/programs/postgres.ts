// The postgres images (13, 16): the docker-library entrypoint's checks and messages, initdb, the server's log, and a data directory that persists in a volume.

import { containerFileSystem, type ContainerFileSystem } from '../daemon/container-fs.ts';
import { isFsError } from '../shell/vfs.ts';
import type { ContainerProgram, ProgramRuntime } from './program.ts';
import { runMain } from './shell-image.ts';

const ENTRYPOINT = '/usr/local/bin/docker-entrypoint.sh';

const MISSING_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

const TRUST_WARNING = `********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
         documentation about "trust":
         https://www.postgresql.org/docs/current/auth-trust.html
         In Docker's default configuration, this is effectively any other
         container on the same system.

         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
         it with "-e POSTGRES_PASSWORD=password" instead to set a password in
         "docker run".
********************************************************************************
`;

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** The server log's time: `2026-01-05 09:00:01.234 UTC`. */
function logTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${String(date.getUTCMilliseconds()).padStart(3, '0')} UTC`;
}

function secondsTime(epochMs: number): string {
  return `${logTime(epochMs).slice(0, 19)} UTC`;
}

interface Settings {
  major: number;
  full: string;
  data: string;
  password: string;
  user: string;
  database: string;
  trust: boolean;
}

function settingsOf(run: ProgramRuntime): Settings {
  const env = run.env;
  const full = env.PG_VERSION ?? '16.9-1.pgdg120+1';
  const user = env.POSTGRES_USER || 'postgres';
  return {
    major: Number(env.PG_MAJOR ?? full.split('.')[0]),
    full,
    data: env.PGDATA || '/var/lib/postgresql/data',
    password: env.POSTGRES_PASSWORD ?? '',
    user,
    database: env.POSTGRES_DB || user,
    trust: env.POSTGRES_HOST_AUTH_METHOD === 'trust',
  };
}

/** The server command: `postgres` (after the entrypoint), not `postgres --version` or another program. */
function isServer(argv: string[]): boolean {
  const args = argv[0]?.endsWith('docker-entrypoint.sh') ? argv.slice(1) : argv;
  if (args[0] !== 'postgres' && !args[0]?.startsWith('-')) return false;
  return !args.some((arg) => ['-?', '--help', '--describe-config', '-V', '--version'].includes(arg));
}

function log(run: ProgramRuntime, pid: number, message: string): void {
  run.wait(2);
  run.emit('stderr', `${logTime(run.state.clock)} [${pid}] LOG:  ${message}\n`);
}

function starting(settings: Settings): string {
  const short = settings.full.split('-')[0];
  return `starting PostgreSQL ${short} (Debian ${settings.full}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
}

function readControl(fs: ContainerFileSystem, settings: Settings): { shutdownAt: number } {
  const text = fs.readFile(`${settings.data}/global/pg_control`);
  const shutdownAt = typeof text === 'string' ? Number(/shutdown=(\d+)/.exec(text)?.[1] ?? 0) : 0;
  return { shutdownAt };
}

function writeControl(fs: ContainerFileSystem, settings: Settings, shutdownAt: number): void {
  fs.mkdir(`${settings.data}/global`, { parents: true });
  fs.writeFile(`${settings.data}/global/pg_control`, `pg_control version ${settings.major >= 16 ? 1300 : 1300}\nshutdown=${shutdownAt}\n`, 0o600);
}

function checkpointLine(wrote: number): string {
  return `checkpoint complete: wrote ${wrote} buffers (${(wrote / 163.84).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.00${wrote % 9} s, sync=0.001 s, total=0.01${wrote % 7} s; sync files=${Math.max(2, Math.floor(wrote / 3))}, longest=0.001 s, average=0.001 s; distance=${wrote * 8} kB, estimate=${wrote * 8} kB; lsn=0/1908A${String(10 + wrote).slice(-2)}, redo lsn=0/1908A${String(10 + wrote).slice(-2)}`;
}

/** initdb and the entrypoint's set-up run of the server, as a first start prints them. */
function initialise(run: ProgramRuntime, fs: ContainerFileSystem, settings: Settings): void {
  const out = (text: string) => run.emit('stdout', text);
  const { data, major } = settings;
  out(`The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory ${data} ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default max_connections ... 100
selecting default shared_buffers ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
`);
  run.wait(420);
  out('running bootstrap script ... ok\n');
  run.wait(610);
  out('performing post-bootstrap initialization ... ok\n');
  run.wait(380);
  out(`syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D ${data} -l logfile start

`);
  run.emit(
    'stderr',
    major >= 15
      ? 'initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n'
      : 'initdb: warning: enabling "trust" authentication for local connections\nYou can change this by editing pg_hba.conf or using the option -A, or\n--auth-local and --auth-host, the next time you run initdb.\n',
  );
  fs.mkdir(`${data}/base/1`, { parents: true });
  fs.mkdir(`${data}/pg_wal`, { parents: true });
  fs.writeFile(`${data}/PG_VERSION`, `${major}\n`, 0o600);
  fs.writeFile(`${data}/pg_hba.conf`, `# TYPE  DATABASE        USER            ADDRESS                 METHOD\nlocal   all             all                                     trust\nhost    all             all             127.0.0.1/32            trust\nhost    all             all             ::1/128                 trust\n\nhost all all all ${settings.trust ? 'trust' : major >= 14 ? 'scram-sha-256' : 'md5'}\n`, 0o600);
  fs.writeFile(`${data}/postgresql.conf`, "listen_addresses = '*'\n", 0o600);
  fs.writeFile(`${data}/pg_ident.conf`, '', 0o600);
  run.wait(90);
  out('waiting for server to start....');
  run.wait(60);
  log(run, 48, starting(settings));
  log(run, 48, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  log(run, 51, `database system was shut down at ${secondsTime(run.state.clock - 1000)}`);
  log(run, 48, 'database system is ready to accept connections');
  run.wait(40);
  out(' done\nserver started\n');
  if (settings.database !== 'postgres') {
    run.wait(120);
    out('CREATE DATABASE\n\n');
  }
  out(`\n${ENTRYPOINT}: ignoring /docker-entrypoint-initdb.d/*\n\n`);
  out('waiting for server to shut down....');
  run.wait(30);
  log(run, 48, 'received fast shutdown request');
  log(run, 48, 'aborting any active transactions');
  log(run, 48, 'background worker "logical replication launcher" (PID 54) exited with exit code 1');
  log(run, 49, 'shutting down');
  if (major >= 15) {
    log(run, 49, 'checkpoint starting: shutdown immediate');
    log(run, 49, checkpointLine(921));
  }
  log(run, 48, 'database system is shut down');
  writeControl(fs, settings, run.state.clock);
  run.wait(100);
  out(' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n');
}

export const postgresProgram: ContainerProgram = {
  start(run) {
    if (!isServer(run.argv)) return runMain(run);
    const settings = settingsOf(run);
    const fs = containerFileSystem(run.state, run.container);
    const version = fs.readFile(`${settings.data}/PG_VERSION`);
    const exists = typeof version === 'string' && version.trim() !== '';
    if (!exists) {
      if (settings.password === '' && !settings.trust) {
        run.emit('stderr', MISSING_PASSWORD);
        return { exited: 1 };
      }
      if (settings.trust) run.emit('stderr', TRUST_WARNING);
      initialise(run, fs, settings);
    } else {
      run.emit('stdout', '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
    }
    const interrupted = !isFsError(fs.stat(`${settings.data}/postmaster.pid`));
    run.wait(80);
    log(run, 1, starting(settings));
    log(run, 1, 'listening on IPv4 address "0.0.0.0", port 5432');
    log(run, 1, 'listening on IPv6 address "::", port 5432');
    log(run, 1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
    run.wait(20);
    const startup = exists ? 29 : 64;
    if (interrupted) {
      const lastUp = readControl(fs, settings).shutdownAt || run.state.clock;
      log(run, startup, `database system was interrupted; last known up at ${secondsTime(lastUp)}`);
      log(run, startup, 'database system was not properly shut down; automatic recovery in progress');
      log(run, startup, 'redo starts at 0/1908A48');
      // PostgreSQL 16 reworded the end-of-WAL message; 14 added the resource usage to "redo done".
      log(run, startup, settings.major >= 16 ? 'invalid record length at 0/1908B30: expected at least 24, got 0' : 'invalid record length at 0/1908B30: wanted 24, got 0');
      log(run, startup, settings.major >= 14 ? 'redo done at 0/1908AF8 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s' : 'redo done at 0/1908AF8');
      if (settings.major >= 15) {
        log(run, startup - 2, 'checkpoint starting: end-of-recovery immediate wait');
        log(run, startup - 2, checkpointLine(3));
      }
    } else {
      log(run, startup, `database system was shut down at ${secondsTime(readControl(fs, settings).shutdownAt || run.state.clock)}`);
    }
    log(run, 1, 'database system is ready to accept connections');
    fs.writeFile(`${settings.data}/postmaster.pid`, `1\n${settings.data}\n${Math.floor(run.state.clock / 1000)}\n5432\n/var/run/postgresql\n*\n`, 0o600);
    writeControl(fs, settings, run.state.clock);
    return { running: true };
  },
  stop(run, signal) {
    if (!isServer(run.argv)) return signal === 'SIGINT' ? 130 : -1;
    const settings = settingsOf(run);
    const fs = containerFileSystem(run.state, run.container);
    const mode = signal === 'SIGTERM' ? 'smart' : signal === 'SIGQUIT' ? 'immediate' : 'fast';
    log(run, 1, `received ${mode} shutdown request`);
    if (mode === 'immediate') {
      log(run, 1, 'database system is shut down');
      return 0;
    }
    const checkpointer = 27 + (run.container.restartCount % 5);
    if (mode === 'fast') log(run, 1, 'aborting any active transactions');
    log(run, 1, `background worker "logical replication launcher" (PID ${checkpointer + 6}) exited with exit code 1`);
    log(run, checkpointer, 'shutting down');
    if (settings.major >= 15) {
      log(run, checkpointer, 'checkpoint starting: shutdown immediate');
      log(run, checkpointer, checkpointLine(3));
    }
    log(run, 1, 'database system is shut down');
    fs.remove(`${settings.data}/postmaster.pid`);
    writeControl(fs, settings, run.state.clock);
    return 0;
  },
  listens(run) {
    return isServer(run.argv) ? [5432] : [];
  },
  processes(run) {
    if (!isServer(run.argv)) return undefined;
    const base = { ppid: 1, user: 'postgres', tty: '?', vsz: 216_000, rss: 28_000, stat: 'Ss', started: run.container.startedAt };
    return [
      { ...base, pid: 1, ppid: 0, comm: 'postgres', args: 'postgres' },
      { ...base, pid: 27, comm: 'postgres', args: 'postgres: checkpointer ' },
      { ...base, pid: 28, comm: 'postgres', args: 'postgres: background writer ' },
      { ...base, pid: 30, comm: 'postgres', args: 'postgres: walwriter ' },
      { ...base, pid: 31, comm: 'postgres', args: 'postgres: autovacuum launcher ' },
      { ...base, pid: 32, comm: 'postgres', args: 'postgres: logical replication launcher ' },
    ];
  },
};
