// Records the real docker client's help, usage and flag errors into tests/fixtures/docker-cli/ (run: npx node scripts/record-docker-cli.ts).

import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTranscript, type TranscriptEntry } from '../tests/support/transcript.ts';
import { splitWords } from '../tests/support/words.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtureDir = join(root, 'tests', 'fixtures', 'docker-cli');

// A fixed path, recreated for every command, so that no user config leaks in and the defaults
// that mention it (`--config`, `--tlscacert`…) read the same on every machine.
const home = join(tmpdir(), 'dockyard-docker-cli-home');
const workdir = join(tmpdir(), 'dockyard-docker-cli-cwd');

/** Answers that only a daemon could give (or a failed attempt to reach one) are not client-side truth. */
const DAEMON_SIDE = [/Cannot connect to the Docker daemon/, /error during connect/];

function dockerBinary(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}


interface Recorder {
  binary: string;
  /** `unix://…` of the ping-only daemon, for the with-daemon recording. */
  daemonHost?: string;
  /** Install stand-ins for the buildx and compose plugins in HOME before each command. */
  plugins?: boolean;
}

/**
 * The plugins a Docker 28.2.2 install ships, as stand-ins: executables that answer the client's
 * metadata query as the real ones do, and otherwise print a marker, so that what the client itself
 * prints (its help, with the plugins listed) is recorded and what the plugins would print is not.
 */
const PLUGIN_STANDINS: Record<string, string> = {
  buildx: '{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v0.24.0","ShortDescription":"Docker Buildx","URL":"https://github.com/docker/buildx"}',
  compose: '{"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v2.36.2","ShortDescription":"Docker Compose","URL":"https://github.com/docker/compose"}',
};
const PLUGIN_MARKER = 'PLUGIN STAND-IN RAN:';

function installPluginStandins(): void {
  const dir = join(home, '.docker', 'cli-plugins');
  mkdirSync(dir, { recursive: true });
  for (const [name, metadata] of Object.entries(PLUGIN_STANDINS)) {
    const file = join(dir, `docker-${name}`);
    writeFileSync(file, `#!/bin/sh\nif [ "$1" = docker-cli-plugin-metadata ]; then echo '${metadata}'; exit 0; fi\necho "${PLUGIN_MARKER} $*"\n`);
    chmodSync(file, 0o755);
  }
}

function runDocker(recorder: Recorder, line: string): Promise<TranscriptEntry> {
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const argv = splitWords(line);
  if (argv[0] !== 'docker') throw new Error(`not a docker command line: ${line}`);
  if (recorder.plugins) installPluginStandins();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home };
  if (recorder.daemonHost) env.DOCKER_HOST = recorder.daemonHost;
  return new Promise((resolve, reject) => {
    const child = spawn(recorder.binary, argv.slice(1), { cwd: workdir, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => resolve({ command: line, stdout, stderr, exitCode: code ?? 128 }));
  });
}

/**
 * A daemon that answers nothing but `/_ping`, as a Linux 28.2.2 engine with swarm inactive would. The
 * client asks it before showing help, and hides what that daemon cannot do (Windows-only flags,
 * swarm-manager commands, experimental features): this is the help a learner sees on a real machine.
 */
function startPingDaemon(socketPath: string): Promise<{ server: Server; otherRequests: string[] }> {
  const otherRequests: string[] = [];
  const server = createServer((request, response) => {
    if (request.url !== undefined && /^(\/v[\d.]+)?\/_ping$/.test(request.url)) {
      response.setHeader('Api-Version', '1.50');
      response.setHeader('Ostype', 'linux');
      response.setHeader('Docker-Experimental', 'false');
      response.setHeader('Swarm', 'inactive');
      response.setHeader('Server', 'Docker/28.2.2 (linux)');
      response.end('OK');
      return;
    }
    otherRequests.push(`${request.method} ${request.url}`);
    response.statusCode = 501;
    response.setHeader('Content-Type', 'application/json');
    response.end('{"message":"this recording daemon only answers /_ping"}');
  });
  rmSync(socketPath, { force: true });
  return new Promise((resolve) => server.listen(socketPath, () => resolve({ server, otherRequests })));
}

/** A command of the catalog, with the words that name it after `docker`. */
interface Subject {
  words: string;
  /** Record the generic usage and flag error cases (not only help). */
  errors: boolean;
}

const container = [
  'run', 'create', 'start', 'stop', 'restart', 'kill', 'rm', 'ps', 'logs', 'exec', 'attach', 'port', 'top',
  'stats', 'rename', 'cp', 'wait', 'diff', 'pause', 'unpause', 'update', 'commit', 'export',
];
const containerOnly = ['container inspect', 'container prune', 'container ls', 'container list', 'container ps'];
const image = ['pull', 'push', 'images', 'rmi', 'tag', 'history', 'build', 'save', 'load', 'import'];
const imageOnly = ['image ls', 'image list', 'image rm', 'image remove', 'image inspect', 'image prune'];
const registry = ['search', 'login', 'logout'];
const volume = ['volume create', 'volume ls', 'volume list', 'volume inspect', 'volume rm', 'volume remove', 'volume prune', 'volume update'];
const network = [
  'network create', 'network ls', 'network list', 'network inspect', 'network rm', 'network remove', 'network connect',
  'network disconnect', 'network prune',
];
const system = ['version', 'info', 'events', 'inspect', 'system df', 'system prune', 'system info', 'system events'];
const management = ['container', 'image', 'volume', 'network', 'system'];
/** Real Docker commands outside the course: only their overview is recorded, for `docker --help` and friends. */
const otherManagement = [
  'builder', 'checkpoint', 'context', 'manifest', 'plugin', 'trust', 'config', 'node', 'secret', 'service', 'stack', 'swarm',
];

/** The management form of a top-level shortcut: `docker run` is also `docker container run`. */
const managementForm: Record<string, string> = {
  run: 'container run', create: 'container create', start: 'container start', stop: 'container stop',
  restart: 'container restart', kill: 'container kill', rm: 'container rm', ps: 'container ls', logs: 'container logs',
  exec: 'container exec', attach: 'container attach', port: 'container port', top: 'container top',
  stats: 'container stats', rename: 'container rename', cp: 'container cp', wait: 'container wait',
  diff: 'container diff', pause: 'container pause', unpause: 'container unpause', update: 'container update',
  commit: 'container commit', export: 'container export', pull: 'image pull', push: 'image push', images: 'image ls',
  rmi: 'image rm', tag: 'image tag', history: 'image history', build: 'image build', save: 'image save',
  load: 'image load', import: 'image import', info: 'system info', events: 'system events',
};

/** Value-flag lines of a recorded `--help`: `  -n, --last int   …` → name, shorthand, type word. */
function valueFlags(help: string): { name: string; shorthand?: string; type: string }[] {
  const flags: { name: string; shorthand?: string; type: string }[] = [];
  for (const match of help.matchAll(/^ {2}(?:-(\w), | {4})--([\w-]+)(?: ([\w-]+))?/gm)) {
    flags.push({ shorthand: match[1], name: match[2], type: match[3] ?? '' });
  }
  return flags;
}

/** A value that the flag's type rejects, so that Docker's parse error is recorded. */
const BAD_VALUE: Record<string, string> = {
  int: 'abc', int64: 'abc', uint: 'abc', uint16: 'abc', uint64: 'abc', float: 'abc', decimal: 'abc',
  duration: '5x', bytes: '1x', filter: 'bad', 'gpu-request': 'bad', ulimit: 'bad', mount: 'bad',
  'pref': 'bad', 'external-ca': 'bad', 'network': 'a=b=c', 'map': 'bad',
};

async function casesFor(recorder: Recorder, subject: Subject): Promise<string[]> {
  const words = `docker ${subject.words}`;
  const lines = [`${words} --help`, `docker help ${subject.words}`];
  if (!subject.errors) return lines;
  lines.push(words, `${words} a`, `${words} a b c d e f g h i j`, `${words} --foo`, `${words} -Z`);
  const help = (await runDocker(recorder, `${words} --help`)).stdout;
  const flags = valueFlags(help).filter((flag) => flag.name !== 'help');
  const withValue = flags.filter((flag) => flag.type !== '');
  const firstLong = withValue[0];
  if (firstLong) lines.push(`${words} --${firstLong.name}`);
  const firstShort = withValue.find((flag) => flag.shorthand);
  if (firstShort) lines.push(`${words} -${firstShort.shorthand}`);
  const seenTypes = new Set<string>();
  for (const flag of withValue) {
    const bad = BAD_VALUE[flag.type];
    if (bad === undefined || seenTypes.has(flag.type)) continue;
    seenTypes.add(flag.type);
    lines.push(`${words} --${flag.name} ${bad}`);
  }
  const firstBool = flags.find((flag) => flag.type === '');
  if (firstBool) lines.push(`${words} --${firstBool.name}=maybe`);
  return lines;
}

function subjects(list: string[], errors = true): Subject[] {
  return list.map((words) => ({ words, errors }));
}

/** Per topic: the commands whose help and errors are recorded, then hand-picked lines. */
const topics: Record<string, { subjects: Subject[]; lines: string[] }> = {
  docker: {
    subjects: [],
    lines: [
      'docker', 'docker --help', 'docker -h', 'docker help', 'docker --version', 'docker -v', 'docker -v foo',
      'docker --version --help', 'docker foo', 'docker foo --help', 'docker --help foo', 'docker help foo',
      'docker help foo bar', 'docker help container foo', 'docker help container ls x', 'docker help ps x',
      'docker help -- ps', 'docker help help', 'docker help --help', 'docker help -v', 'docker --foo',
      'docker --foo ps', 'docker -Z', 'docker -H', 'docker --host', 'docker --context', 'docker -l', 'docker --config',
      'docker -D', 'docker --tls', 'docker --help=false', 'docker --version=maybe', 'docker -l debug -D --help',
      'docker --log-level bogus ps', 'docker -l bogus', 'docker -c foo -H unix:///x ps', 'docker ---x', 'docker -',
      ...otherManagement.flatMap((name) => [`docker ${name}`, `docker ${name} --help`, `docker help ${name}`]),
      'docker buildx', 'docker compose', 'docker compose up', 'docker swarm foo',
    ],
  },
  container: {
    subjects: [
      ...subjects(['container']),
      ...subjects(container),
      ...subjects(containerOnly),
      ...subjects(container.map((name) => managementForm[name])).map((subject) => ({ ...subject, errors: false })),
    ],
    lines: [
      'docker container foo', 'docker container foo bar', 'docker container --foo ls', 'docker container help',
      'docker container -h', 'docker ps -h', 'docker ps --help x', 'docker ps --help --foo', 'docker ps --help=false x',
      'docker container ls -h', 'docker container run', 'docker container ls x', 'docker container rename a',
      'docker container port', 'docker container --help ls', 'docker container ls --help',
      'docker ps -n abc', 'docker ps -nabc', 'docker ps -n=', 'docker ps -n=3 x', 'docker ps -n', 'docker ps --last',
      'docker ps -aq=x', 'docker ps -aqZ', 'docker ps -q=false x', 'docker ps --rm=maybe', 'docker ps --=x',
      'docker ps ---x', 'docker ps -', 'docker ps -- x', 'docker ps -f bad', 'docker ps --filter=bad', 'docker ps --format',
      'docker ps --format --foo x', 'docker stop -t abc a', 'docker stop -t 1.5 a', 'docker stop -t 99999999999999999999 a',
      'docker stop --timeout=abc a', 'docker run -m 1x nginx', 'docker run -m 1.5GBx nginx', 'docker run -m -1 nginx',
      'docker run --memory-swap abc nginx', 'docker run --shm-size 1q nginx', 'docker run --restart bogus nginx',
      'docker run -p abc nginx', 'docker run -p 8080:abc nginx', 'docker run -p 99999:80 nginx', 'docker run -dp abc nginx',
      'docker run -p8080:abc nginx', 'docker run --rm=maybe nginx', 'docker run --rm=false', 'docker run -itZ',
      'docker run -it', 'docker run -', 'docker run NGINX', 'docker run nginx:', 'docker run a/b/c:d:e',
      'docker run Nginx:latest', 'docker run nginx@sha256:abc', 'docker create NGINX', 'docker run --name 한글 nginx',
      'docker run --name -x nginx', 'docker run --cpus abc x', 'docker run --blkio-weight 70000 x', 'docker run -a foo x',
      'docker run --dns abc x', 'docker run --add-host bad x', 'docker run -e', 'docker run --health-interval 5x x',
      'docker run --health-interval 5 x', 'docker run --health-interval -1s x', 'docker run --stop-timeout abc x',
      'docker run --ulimit bad x', 'docker run --mount bad x', 'docker run --gpus bad x', 'docker run -l',
      'docker run --network a=b=c x', 'docker run --pids-limit 1e3 x', 'docker run -c 0x10 x', 'docker run -c 1_000 x',
      'docker run -c +5 x', 'docker run -c -5 x', 'docker run --oom-score-adj 99999999999 x', 'docker exec',
      'docker exec a', 'docker exec -it', 'docker exec -Z a ls', 'docker logs --tail', 'docker logs -n abc a',
      'docker kill -s', 'docker restart -t abc a', 'docker top', 'docker cp a', 'docker cp a b c', 'docker commit',
      'docker commit a b c', 'docker wait', 'docker stats --no-stream=maybe', 'docker update', 'docker update -m 1x a',
      'docker rm -f=maybe a', 'docker container prune --filter bad', 'docker container prune -f=x',
    ],
  },
  image: {
    subjects: [
      ...subjects(['image']),
      ...subjects(image),
      ...subjects(imageOnly),
      ...subjects(image.map((name) => managementForm[name])).map((subject) => ({ ...subject, errors: false })),
    ],
    lines: [
      'docker image foo', 'docker image --foo', 'docker pull NGINX', 'docker pull nginx:', 'docker pull a/b/c:d:e',
      'docker pull Nginx:latest', 'docker pull nginx@sha256:abc', 'docker pull -', 'docker pull :tag',
      'docker pull nginx:UPPER', 'docker pull nginx:latest:x', 'docker pull --platform', 'docker pull -a=maybe nginx',
      'docker push NGINX', 'docker tag NGINX b', 'docker tag a B', 'docker tag a', 'docker rmi', 'docker images a b',
      'docker images --foo', 'docker images -f bad', 'docker image ls a b', 'docker history', 'docker build',
      'docker build a b', 'docker build --foo .', 'docker build -t', 'docker build -m 1x .', 'docker save',
      'docker import', 'docker image prune -a=maybe',
    ],
  },
  registry: {
    subjects: subjects(registry),
    lines: ['docker login a b', 'docker login -u', 'docker login -p x', 'docker logout a b', 'docker search', 'docker search --limit abc a'],
  },
  volume: {
    subjects: [...subjects(['volume']), ...subjects(volume)],
    lines: [
      'docker volume foo', 'docker volume --foo', 'docker volume create a b', 'docker volume create -o',
      'docker volume ls -f bad', 'docker volume rm', 'docker volume prune --filter bad', 'docker volume inspect',
    ],
  },
  network: {
    subjects: [...subjects(['network']), ...subjects(network)],
    lines: [
      'docker network foo', 'docker network --foo', 'docker network create', 'docker network create a b',
      'docker network create --subnet', 'docker network connect a', 'docker network disconnect a', 'docker network rm',
      'docker network ls -f bad',
    ],
  },
  system: {
    subjects: [...subjects(['system']), ...subjects(system)],
    lines: ['docker system foo', 'docker system --foo', 'docker version x', 'docker info x', 'docker events --since', 'docker system df x'],
  },
};

/** Help as it reads with a daemon reachable: every help page, bare management command and a few checks. */
function withDaemonLines(): string[] {
  const lines = ['docker', 'docker --help', 'docker help'];
  for (const { subjects: list } of Object.values(topics)) {
    for (const subject of list) {
      lines.push(`docker ${subject.words} --help`);
      if (management.includes(subject.words)) lines.push(`docker ${subject.words}`);
    }
  }
  for (const name of otherManagement) lines.push(`docker ${name}`, `docker ${name} --help`);
  lines.push(
    'docker help volume update', 'docker volume update', 'docker volume update --help', 'docker checkpoint ls',
    'docker checkpoint ls --help', 'docker swarm ca', 'docker config ls',
    'docker run --cpu-count 2 nginx', 'docker start --checkpoint x c', 'docker build --squash .',
    'docker volume create --availability pause', 'docker run -p abc nginx', 'docker run NGINX',
  );
  return lines;
}

/** Help as a terminal shows it: util-linux `script` gives docker a pseudo-terminal `columns` wide on stdin and stdout. */
function runOnTerminal(binary: string, line: string, columns: number): TranscriptEntry | undefined {
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const stderrFile = join(tmpdir(), 'dockyard-docker-cli-stderr');
  const quoted = splitWords(line).slice(1).map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const inner = `stty cols ${columns} rows 50; '${binary}' ${quoted} 2>'${stderrFile}'`;
  const result = spawnSync('script', ['-qec', inner, '/dev/null'], {
    cwd: workdir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home },
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.error || result.status === null) return undefined;
  const stderr = readFileSync(stderrFile, 'utf8');
  rmSync(stderrFile, { force: true });
  // The terminal turns each newline into CR LF; the screen shows plain lines.
  return { command: line, stdout: result.stdout.replaceAll('\r\n', '\n'), stderr, exitCode: result.status };
}

/** With the plugins installed: the client's own pages that list or describe them (the plugins' own output is theirs, not the client's). */
const PLUGIN_LINES = [
  'docker', 'docker --help', 'docker help', 'docker help build', 'docker help bake', 'docker help builder',
  'docker help builder build', 'docker help image build', 'docker image --help', 'docker image', 'docker builder build --help',
  'docker foo', 'docker compose', 'docker buildx', 'docker build .', 'docker bake',
];

const TERMINAL_LINES = ['docker --help', 'docker', 'docker run --help', 'docker ps --help', 'docker network create --help', 'docker volume create --help'];
const TERMINAL_WIDTHS = [60, 120];

async function recordTopic(recorder: Recorder, lines: string[], check: (entry: TranscriptEntry) => boolean, verbose: boolean) {
  const entries: TranscriptEntry[] = [];
  let dropped = 0;
  for (const line of [...new Set(lines)]) {
    const entry = await runDocker(recorder, line);
    if (!check(entry) || DAEMON_SIDE.some((pattern) => pattern.test(entry.stdout + entry.stderr))) {
      dropped++;
      if (verbose) console.log(`  dropped: ${line}`);
      continue;
    }
    entries.push(entry);
  }
  return { entries, dropped };
}

async function main(): Promise<number> {
  const verbose = process.argv.includes('--verbose');
  const binary = dockerBinary();
  if (!binary) {
    console.log('record-docker-cli: no docker binary on PATH; nothing recorded.');
    return 0;
  }
  const recorder: Recorder = { binary };
  mkdirSync(workdir, { recursive: true });
  mkdirSync(fixtureDir, { recursive: true });
  const version = (await runDocker(recorder, 'docker --version')).stdout.trim();
  const header = [
    `Recorded from the real client (${version}) by scripts/record-docker-cli.ts; do not edit by hand.`,
    'stdin is not a terminal, no daemon is reachable, and HOME is a fresh directory:',
    `home: ${home}`,
  ];
  let kept = 0;
  let dropped = 0;
  for (const [topic, { subjects: list, lines }] of Object.entries(topics)) {
    const generated: string[] = [];
    for (const subject of list) generated.push(...(await casesFor(recorder, subject)));
    const result = await recordTopic(recorder, [...generated, ...lines], () => true, verbose);
    kept += result.entries.length;
    dropped += result.dropped;
    writeFileSync(join(fixtureDir, `${topic}.txt`), formatTranscript({ header, entries: result.entries }));
    console.log(`${topic}.txt: ${result.entries.length} entries`);
  }

  if (spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0) {
    for (const columns of TERMINAL_WIDTHS) {
      const entries = TERMINAL_LINES.map((line) => runOnTerminal(binary, line, columns)).filter((entry) => entry !== undefined);
      const terminalHeader = [
        `Recorded from the real client (${version}) by scripts/record-docker-cli.ts; do not edit by hand.`,
        `stdin and stdout are a terminal ${columns} columns wide (util-linux script), stderr is not; no daemon.`,
        `home: ${home}`,
        `tty: ${columns}`,
      ];
      writeFileSync(join(fixtureDir, `terminal-${columns}.txt`), formatTranscript({ header: terminalHeader, entries }));
      kept += entries.length;
      console.log(`terminal-${columns}.txt: ${entries.length} entries`);
    }
  } else {
    console.log('record-docker-cli: no util-linux script; terminal-width recordings skipped.');
  }

  const pluginResult = await recordTopic({ binary, plugins: true }, PLUGIN_LINES, (entry) => !`${entry.stdout}${entry.stderr}`.includes(PLUGIN_MARKER), verbose);
  const pluginHeader = [
    `Recorded from the real client (${version}) by scripts/record-docker-cli.ts; do not edit by hand.`,
    'As docker.txt, but with stand-ins for the buildx (v0.24.0) and compose (v2.36.2) plugins installed in',
    'HOME/.docker/cli-plugins; lines the client hands to a plugin are not kept (the stand-in cannot answer them).',
    `home: ${home}`,
    'plugins: buildx compose',
  ];
  writeFileSync(join(fixtureDir, 'plugins.txt'), formatTranscript({ header: pluginHeader, entries: pluginResult.entries }));
  kept += pluginResult.entries.length;
  dropped += pluginResult.dropped;
  console.log(`plugins.txt: ${pluginResult.entries.length} entries`);

  const socketPath = join(tmpdir(), 'dockyard-docker-cli-ping.sock');
  const daemon = await startPingDaemon(socketPath);
  const withDaemon: Recorder = { binary, daemonHost: `unix://${socketPath}` };
  // An entry that needed more than the ping would show the stub's refusal, not Docker's answer.
  const onlyPinged = () => {
    const clean = daemon.otherRequests.length === 0;
    daemon.otherRequests.length = 0;
    return clean;
  };
  const daemonResult = await recordTopic(withDaemon, withDaemonLines(), onlyPinged, verbose);
  daemon.server.close();
  rmSync(socketPath, { force: true });
  kept += daemonResult.entries.length;
  dropped += daemonResult.dropped;
  const daemonHeader = [
    `Recorded from the real client (${version}) by scripts/record-docker-cli.ts; do not edit by hand.`,
    'As above, but DOCKER_HOST points at a stub that answers only /_ping as a Linux 28.2.2 daemon would',
    '(API 1.50, not experimental, swarm inactive): the help a learner sees on a machine with Docker running.',
    `home: ${home}`,
    'daemon: linux',
  ];
  writeFileSync(join(fixtureDir, 'with-daemon.txt'), formatTranscript({ header: daemonHeader, entries: daemonResult.entries }));
  console.log(`with-daemon.txt: ${daemonResult.entries.length} entries`);

  rmSync(home, { recursive: true, force: true });
  console.log(`record-docker-cli: ${kept} entries kept, ${dropped} dropped (daemon-side answers).`);
  return 0;
}

process.exitCode = await main();
