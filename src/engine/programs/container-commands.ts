// The programs a container's PATH offers beyond the shell's own utilities: ps, ping, getent, hostname, curl, wget and the images' own tools.

import { programRuntime } from '../daemon/containers.ts';
import type { CommandContext, Output } from '../exec/context.ts';
import { UTILITIES, type BuiltinContext } from '../shell/builtins/registry.ts';
import type { Program } from '../shell/session.ts';
import { isFsError, resolvePath } from '../shell/vfs.ts';
import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import { imageOf } from '../daemon/container-fs.ts';
import { osProfileFor } from './base-files.ts';
import { sessionProcess } from './container-process.ts';
import { curlProgram } from './curl.ts';
import { programFor } from './index.ts';
import { connect, exchange, primaryAddress, resolveHost } from './network.ts';
import type { ProcessInfo } from './program.ts';
import { imageToolCommand } from './image-tools.ts';

type Follow = ((onInterrupt: (out: Output) => number) => void) | undefined;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

/** The container's main process (and its workers), as the program says or as the command line is. */
function mainProcesses(state: MachineState, container: ContainerRecord): ProcessInfo[] {
  const program = programFor(state, container);
  const runtime = programRuntime(state, container);
  const listed = program.processes?.(runtime);
  if (listed) return listed;
  const argv = [container.path, ...container.args];
  return [
    {
      pid: 1,
      ppid: 0,
      user: 'root',
      comm: baseName(argv[0]).slice(0, 15),
      args: argv.join(' '),
      tty: container.config.tty ? 'pts/0' : '?',
      vsz: 4588,
      rss: 3712,
      stat: container.config.tty ? 'Ss+' : 'Ss',
      started: container.startedAt,
    },
  ];
}

/** The processes running in the container: the main process (and its workers), and the shells `docker exec -it` started. */
export function runningProcesses(state: MachineState, container: ContainerRecord): ProcessInfo[] {
  const processes = mainProcesses(state, container);
  let terminal = 1;
  for (const shell of state.shells ?? []) {
    if (shell.containerId !== container.id || shell.kind !== 'exec') continue;
    processes.push({
      pid: shell.pid,
      ppid: 0,
      user: shell.user === '' ? 'root' : shell.user,
      comm: baseName(shell.argv0),
      args: shell.argv0,
      tty: shell.tty ? `pts/${terminal++}` : '?',
      vsz: 4588,
      rss: 3840,
      // A shell waiting at its prompt is its terminal's foreground process group (`+`).
      stat: shell.tty ? 'Ss+' : 'Ss',
      started: state.clock,
    });
  }
  return processes;
}

/** What `ps` sees: the running processes, the shell that runs it (when it is not one of them), and ps itself. */
export function processTable(state: MachineState, container: ContainerRecord, invoker: { pid: number; direct: boolean; tty: string; comm: string }, args: string[]): ProcessInfo[] {
  const processes = runningProcesses(state, container);
  const command = `ps${args.length > 0 ? ` ${args.join(' ')}` : ''}`;
  const self = { ppid: 0, user: 'root', comm: 'ps', args: command, tty: invoker.tty, vsz: 7888, rss: 3968, stat: invoker.tty === '?' ? 'Rs' : 'R+', started: state.clock };
  if (invoker.direct) {
    // ps is the process itself: the main process (`docker run ubuntu ps`) or an exec'd one.
    const main = processes.find((process) => process.pid === invoker.pid);
    if (main) Object.assign(main, { args: command, stat: self.stat });
    else processes.push({ ...self, pid: invoker.pid });
    return processes;
  }
  const shell = processes.find((process) => process.pid === invoker.pid);
  // The shell that runs ps has handed its terminal to ps: ps is the foreground group now, not the shell.
  if (shell) shell.stat = shell.stat.replace('+', '');
  else processes.push({ pid: invoker.pid, ppid: 0, user: 'root', comm: invoker.comm, args: invoker.comm, tty: invoker.tty, vsz: 2576, rss: 1536, stat: 'Ss', started: state.clock });
  processes.push({ ...self, pid: Math.max(...processes.map((process) => process.pid)) + 8, ppid: invoker.pid });
  return processes;
}

function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

function psProgram(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const builtin = ctx as Partial<BuiltinContext>;
    const session = builtin.session;
    const identity = session ? sessionProcess.get(session) : undefined;
    const record = (state.shells ?? []).find((shell) => shell.containerId === container.id && shell.pid === identity?.pid);
    const tty = record ? (record.tty ? (record.kind === 'main' ? 'pts/0' : 'pts/1') : '?') : ctx.tty ? 'pts/0' : '?';
    const args = argv.slice(1);
    const table = processTable(state, container, { pid: identity?.pid ?? 1, direct: identity?.direct ?? true, tty, comm: identity?.comm ?? 'sh' }, args);
    const image = imageOf(state, container);
    const busybox = image !== undefined && osProfileFor(image).ps === 'busybox';
    if (busybox) {
      let text = 'PID   USER     TIME  COMMAND\n';
      for (const process of table) text += `${String(process.pid).padStart(5)} ${process.user.padEnd(8)} ${'0:00'.padStart(5)} ${process.args}\n`;
      ctx.out.stdout(text);
      return 0;
    }
    const flags = args.join(' ');
    const all = /(^|\s)(-e|-A|-ef|-fe|aux|-aux|ax|-ax)(\s|$)/.test(flags) || args.some((arg) => /^-[a-z]*[eA][a-z]*$/.test(arg)) || args.includes('aux');
    const full = args.some((arg) => /^-[a-zA-Z]*f/.test(arg));
    const bsd = args.some((arg) => /^[a-z]+$/.test(arg) && arg.includes('u'));
    const rows = all || bsd ? table : table.filter((process) => process.tty === tty);
    const command = (process: ProcessInfo) => process.args;
    let text = '';
    if (bsd) {
      text += 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
      for (const process of rows) {
        text += `${process.user.padEnd(8)} ${String(process.pid).padStart(7)}  0.0  0.0 ${String(process.vsz).padStart(6)} ${String(process.rss).padStart(5)} ${process.tty.padEnd(8)} ${process.stat.padEnd(4)} ${clockTime(process.started)}   0:00 ${command(process)}\n`;
      }
    } else if (full) {
      text += 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
      for (const process of rows) {
        text += `${process.user.padEnd(8)} ${String(process.pid).padStart(7)} ${String(process.ppid).padStart(7)}  0 ${clockTime(process.started)} ${process.tty.padEnd(8)} 00:00:00 ${command(process)}\n`;
      }
    } else {
      text += '    PID TTY          TIME CMD\n';
      for (const process of rows) text += `${String(process.pid).padStart(7)} ${process.tty.padEnd(8)} 00:00:00 ${process.comm}\n`;
    }
    ctx.out.stdout(text);
    return 0;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Names and addresses

/** Round-trip times ping shows: small, varied and fixed, so transcripts stay stable. */
const ROUND_TRIPS = [0.087, 0.071, 0.094, 0.079, 0.102, 0.083, 0.069, 0.091];

/** Whether `address` answers pings from inside `container`. */
function reachable(state: MachineState, container: ContainerRecord, address: string): boolean {
  if (address.startsWith('127.')) return true;
  if (Object.values(container.networks).some((entry) => entry.ip === address)) return true;
  for (const [name, entry] of Object.entries(container.networks)) {
    if (entry.ip === '') continue;
    const network = state.networks.find((candidate) => candidate.name === name);
    if (network?.gateway === address) return true;
    if (state.containers.some((other) => other.status === 'running' && other.networks[name]?.ip === address)) return true;
  }
  return false;
}

function pingProgram(state: MachineState, container: ContainerRecord, follow: Follow): Program {
  return (ctx, argv) => {
    let count: number | undefined;
    let quiet = false;
    let host: string | undefined;
    for (let index = 1; index < argv.length; index++) {
      const arg = argv[index];
      if (arg === '-c') count = Number(argv[++index]);
      else if (arg.startsWith('-c')) count = Number(arg.slice(2));
      else if (arg === '-q') quiet = true;
      else if (arg === '-W' || arg === '-w' || arg === '-s' || arg === '-i' || arg === '-t') index++;
      else if (arg.startsWith('-')) continue;
      else host = arg;
    }
    if (host === undefined) {
      ctx.out.stderr('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n');
      return 1;
    }
    if (count !== undefined && (!Number.isInteger(count) || count < 0)) {
      ctx.out.stderr(`ping: invalid number '${argv[argv.indexOf('-c') + 1] ?? ''}'\n`);
      return 1;
    }
    const address = resolveHost(state, container, host);
    if (address === null) {
      ctx.out.stderr(`ping: bad address '${host}'\n`);
      return 1;
    }
    const answers = reachable(state, container, address);
    const shown = host === address ? address : host;
    ctx.out.stdout(`PING ${shown} (${address}): 56 data bytes\n`);
    let sent = 0;
    const times: number[] = [];
    const send = (out: Output) => {
      if (sent > 0) out.wait(1000);
      const time = ROUND_TRIPS[sent % ROUND_TRIPS.length];
      if (answers) {
        times.push(time);
        if (!quiet) out.stdout(`64 bytes from ${address}: seq=${sent} ttl=64 time=${time.toFixed(3)} ms\n`);
      }
      sent++;
    };
    const statistics = (out: Output): number => {
      const received = times.length;
      const loss = sent === 0 ? 0 : Math.round(((sent - received) * 100) / sent);
      let text = `\n--- ${shown} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
      if (received > 0) {
        const average = times.reduce((sum, time) => sum + time, 0) / received;
        text += `round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${average.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`;
      }
      out.stdout(text);
      return received > 0 ? 0 : 1;
    };
    if (count === undefined || count === 0) {
      send(ctx.out);
      const started = state.clock;
      if (!follow) return statistics(ctx.out);
      follow((out) => {
        // One ping a second while the learner watched.
        const seconds = Math.floor((state.clock - started) / 1000);
        for (let extra = 0; extra < seconds; extra++) send(out);
        return statistics(out);
      });
      return 0;
    }
    for (let index = 0; index < count; index++) send(ctx.out);
    if (!answers) ctx.out.wait(10_000);
    return statistics(ctx.out);
  };
}

function getentProgram(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const [database, ...keys] = argv.slice(1);
    if (database === undefined) {
      ctx.out.stderr('Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.\n');
      return 1;
    }
    if (database === 'passwd' || database === 'group') {
      const content = ctx.fs?.readFile(`/etc/${database}`);
      const lines = typeof content === 'string' ? content.split('\n').filter(Boolean) : [];
      const chosen = keys.length === 0 ? lines : lines.filter((line) => keys.includes(line.split(':')[0]) || keys.includes(line.split(':')[2]));
      if (chosen.length > 0) ctx.out.stdout(`${chosen.join('\n')}\n`);
      return keys.length > 0 && chosen.length < keys.length ? 2 : 0;
    }
    if (database !== 'hosts' && database !== 'ahosts' && database !== 'ahostsv4') {
      ctx.out.stderr(`Unknown database: ${database}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
      return 1;
    }
    let status = 0;
    for (const key of keys) {
      if (key === 'localhost' && database === 'hosts') {
        ctx.out.stdout('::1             localhost ip6-localhost ip6-loopback\n');
        continue;
      }
      const address = resolveHost(state, container, key);
      if (address === null) {
        status = 2;
        continue;
      }
      if (database === 'hosts') ctx.out.stdout(`${address.padEnd(15)} ${key}\n`);
      else ctx.out.stdout(`${address.padEnd(15)} STREAM ${key}\n${address.padEnd(15)} DGRAM  \n${address.padEnd(15)} RAW    \n`);
    }
    return status;
  };
}

function hostnameProgram(state: MachineState, container: ContainerRecord): Program {
  return (ctx, argv) => {
    const option = argv[1];
    if (option === '-i' || option === '--ip-address') {
      ctx.out.stdout(`${primaryAddress(container)}\n`);
      return 0;
    }
    if (option === '-I' || option === '--all-ip-addresses') {
      ctx.out.stdout(`${Object.values(container.networks).map((entry) => entry.ip).filter(Boolean).join(' ')} \n`);
      return 0;
    }
    void state;
    ctx.out.stdout(`${container.config.hostname}\n`);
    return 0;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// wget (BusyBox's on Alpine and BusyBox, GNU Wget where buildpack-deps installed it)

function wgetProgram(state: MachineState, container: ContainerRecord): Program {
  return (ctx: CommandContext, argv: string[]) => {
    let output: string | undefined;
    let quiet = false;
    let url: string | undefined;
    for (let index = 1; index < argv.length; index++) {
      const arg = argv[index];
      if (arg === '--quiet') quiet = true;
      else if (arg.startsWith('--output-document=')) output = arg.slice('--output-document='.length);
      else if (arg === '--output-document') output = argv[++index];
      else if (arg.startsWith('--')) continue;
      else if (arg.startsWith('-') && arg.length > 1) {
        // Combined short options: `-qO-`, `-q -O file`.
        for (let at = 1; at < arg.length; at++) {
          if (arg[at] === 'q') quiet = true;
          else if (arg[at] === 'O') {
            output = at + 1 < arg.length ? arg.slice(at + 1) : argv[++index];
            break;
          }
        }
      } else url = arg;
    }
    if (url === undefined) {
      ctx.out.stderr('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
      return 1;
    }
    const match = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
    if (!match) {
      ctx.out.stderr(`wget: bad address '${url}'\n`);
      return 1;
    }
    const [, , host, portText, path = '/'] = match;
    const port = portText ? Number(portText) : 80;
    const address = resolveHost(state, container, host);
    if (address === null) {
      ctx.out.stderr(`wget: bad address '${host}'\n`);
      return 1;
    }
    if (!quiet) ctx.out.stderr(`Connecting to ${host}${portText ? `:${portText}` : ''} (${address}:${port})\n`);
    const connection = connect(state, container, address, port);
    if (connection.kind !== 'open') {
      ctx.out.stderr(`wget: can't connect to remote host (${address}): ${connection.kind === 'timeout' ? 'Connection timed out' : 'Connection refused'}\n`);
      return 1;
    }
    const response = exchange(state, connection, { method: 'GET', path, headers: { host: portText ? `${host}:${portText}` : host, 'user-agent': 'Wget' } });
    if (!response) {
      ctx.out.stderr('wget: error getting response: Connection reset by peer\n');
      return 1;
    }
    if (response.status >= 400) {
      ctx.out.stderr(`wget: server returned error: HTTP/1.1 ${response.status} ${response.statusText}\n`);
      return 1;
    }
    const toStdout = output === '-';
    const file = output ?? (baseName(path.replace(/\?.*$/, '')) || 'index.html');
    const bar = `${(toStdout ? '-' : file).padEnd(20).slice(0, 20)} 100% |********************************|   ${String(response.body.length).padStart(3)}  0:00:00 ETA\n`;
    if (toStdout) {
      if (!quiet) ctx.out.stderr('writing to stdout\n');
      ctx.out.stdout(response.body);
      if (!quiet) ctx.out.stderr(`${bar}written to stdout\n`);
      return 0;
    }
    const target = resolvePath(ctx.cwd, file);
    if (output === undefined && ctx.fs && !isFsError(ctx.fs.stat(target))) {
      ctx.out.stderr(`wget: can't open '${file}': File exists\n`);
      return 1;
    }
    ctx.fs?.writeFile(target, response.body);
    if (!quiet) ctx.out.stderr(`saving to '${file}'\n${bar}'${file}' saved\n`);
    return 0;
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** A program the image really has but the simulator does not play: said plainly, never faked. */
function notSimulated(name: string): Program {
  return (ctx) => {
    ctx.out.stderr(`${name}: this program is in the image, but the Dockyard simulator does not run it\n`);
    return 127;
  };
}

/**
 * The program `name` runs in the container, when the image has it on its PATH. Undefined leaves it to the
 * shell's own utilities (`ls`, `cat`…), which every image with a shell has.
 */
export function containerCommand(state: MachineState, container: ContainerRecord, name: string, follow?: Follow): Program | undefined {
  switch (name) {
    case 'ps':
      return psProgram(state, container);
    case 'ping':
      return pingProgram(state, container, follow);
    case 'getent':
      return getentProgram(state, container);
    case 'hostname':
      return hostnameProgram(state, container);
    case 'curl':
      return curlProgram({ version: '7.88.1', origin: () => container });
    case 'wget':
      return wgetProgram(state, container);
    default: {
      const tool = imageToolCommand(state, container, name);
      if (tool) return tool;
      if (Object.hasOwn(UTILITIES, name)) return undefined;
      return notSimulated(name);
    }
  }
}
