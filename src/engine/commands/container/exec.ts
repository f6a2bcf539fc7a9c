// `docker container exec` (`docker exec`): execute a command in a running container.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { isBareShell, processEnvironment, runProcess, shellKindOf, startDirectory } from '../../programs/container-process.ts';
import { runningProcesses } from '../../programs/container-commands.ts';
import { replBanner, replKindOf, replRecord } from '../../programs/repl.ts';
import { enterShell } from '../../programs/shell-image.ts';
import { containerFileSystem } from '../../daemon/container-fs.ts';
import { isFsError, resolvePath } from '../../shell/vfs.ts';
import type { ContainerRecord, MachineState } from '../../state/machine-state.ts';
import { daemonFailure } from '../status-error.ts';
import { findContainer } from './each-container.ts';
import { listFlag, parseEnvFile } from './run-options.ts';

/** docker/cli's `CheckTty`: a terminal was asked for, but the client's stdin is not one (a pipe, the headless sim). */
export function stdinIsNotATty(ctx: CommandContext, attachStdin: boolean, tty: boolean): boolean {
  return attachStdin && tty && (ctx.stdin !== undefined || !ctx.tty);
}

export const NOT_A_TTY = 'the input device is not a TTY\n';

/** The pid the next process in the container gets: after everything already running, as the kernel counts. */
function nextPid(state: MachineState, container: ContainerRecord): number {
  return Math.max(1, ...runningProcesses(state, container).map((process) => process.pid)) + 6;
}

function stringFlag(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** What runc says when an exec'd process cannot start, as the daemon writes it into the exec's output. */
function execFailure(detail: string): { text: string; exitCode: number } {
  const exitCode = /executable file not found|no such file or directory/.test(detail) ? 127 : 126;
  return { text: `OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown\r\n`, exitCode };
}

export const execCommand: CommandDef = {
  path: ['container', 'exec'],
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  aliases: ['docker container exec', 'docker exec'],
  short: 'Execute a command in a running container',
  args: { min: 2 },
  stopAtFirstArg: true,
  flags: [
    { name: 'detach', shorthand: 'd', kind: 'bool', type: '', usage: 'Detached mode: run command in the background' },
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'env', shorthand: 'e', kind: 'list', type: 'list', usage: 'Set environment variables' },
    { name: 'env-file', kind: 'list', type: 'list', usage: 'Read in a file of environment variables' },
    { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', kind: 'bool', type: '', usage: 'Give extended privileges to the command' },
    { name: 'tty', shorthand: 't', kind: 'bool', type: '', usage: 'Allocate a pseudo-TTY' },
    { name: 'user', shorthand: 'u', kind: 'string', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: 'workdir', shorthand: 'w', kind: 'string', type: 'string', usage: 'Working directory inside the container' },
  ],
  // `--privileged` is recorded only: the sandbox has no capabilities to grant.
  supportedFlags: ['detach', 'env', 'env-file', 'interactive', 'privileged', 'tty', 'user', 'workdir'],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const { flags } = invocation;
    const [reference, ...command] = invocation.args;
    const detach = flags.detach === true;
    const interactive = flags.interactive === true;
    const tty = flags.tty === true;
    // Env files first, then -e; `-e NAME` alone takes NAME from the client's environment.
    const extra: string[] = [];
    for (const file of listFlag(flags['env-file'])) {
      const content = ctx.fs?.readFile(resolvePath(ctx.cwd, file, ctx.env.HOME));
      if (content === undefined || isFsError(content)) {
        ctx.out.stderr(content && isFsError(content) && content.errno === 'EISDIR' ? `read ${file}: is a directory\n` : `open ${file}: no such file or directory\n`);
        return 1;
      }
      const parsed = parseEnvFile(content, (name) => ctx.env[name]);
      if (!parsed.ok) {
        ctx.out.stderr(`${parsed.message}\n`);
        return 1;
      }
      extra.push(...parsed.value);
    }
    for (const entry of listFlag(flags.env)) {
      if (entry.includes('=')) extra.push(entry);
      else if (ctx.env[entry] !== undefined) extra.push(`${entry}=${ctx.env[entry]}`);
    }
    const found = findContainer(ctx, reference);
    if (!found.ok) {
      ctx.out.stderr(`${found.text}\n`);
      return 1;
    }
    const { container } = found;
    if (!detach && stdinIsNotATty(ctx, interactive, tty)) {
      ctx.out.stderr(NOT_A_TTY);
      return 1;
    }
    // moby's getActiveContainer: the paused error names the container as the client sent it, the restarting one by id.
    if (container.status === 'paused') return daemonFailure(ctx, `Container ${reference} is paused, unpause the container before exec`);
    if (container.status === 'restarting') return daemonFailure(ctx, `Container ${container.id} is restarting, wait until the container is running`);
    if (container.status !== 'running') return daemonFailure(ctx, `container ${container.id} is not running`);
    const user = stringFlag(flags.user) ?? '';
    const cwd = startDirectory(container, stringFlag(flags.workdir));
    const env = processEnvironment(container, { tty, extra, user });
    const state = ctx.state;
    const where = containerFileSystem(state, container).stat(cwd);
    if (isFsError(where) || where.type !== 'dir') {
      const failure = execFailure(`chdir to cwd ("${cwd}") set in config.json failed: ${isFsError(where) ? 'no such file or directory' : 'not a directory'}`);
      ctx.out.stdout(failure.text);
      return failure.exitCode;
    }
    // With a terminal, both streams arrive on stdout, with CRLF line ends.
    const write = (stream: 'stdout' | 'stderr', text: string) => {
      if (detach) return;
      if (tty) ctx.out.stdout(text.replace(/\r?\n/g, '\r\n'));
      else ctx.out.write(stream, text);
    };
    if (isBareShell(state, container, command) && interactive && ctx.stdin === undefined && !detach) {
      const shell = shellKindOf(state, container, command[0]);
      if (shell) {
        enterShell(state, {
          containerId: container.id,
          kind: 'exec',
          shell,
          argv0: command[0],
          tty,
          pid: nextPid(state, container),
          user,
          cwd,
          env: shell === 'bash' ? { ...env, PWD: cwd, SHLVL: '1' } : { ...env, PWD: cwd },
          vars: {},
          history: [],
          lastExitCode: 0,
          lineNumber: 0,
        });
        return 0;
      }
    }
    const repl = replKindOf(state, container, command);
    if (repl && interactive && ctx.stdin === undefined && !detach) {
      if (tty) write('stdout', replBanner(state, container, repl));
      enterShell(state, replRecord(container, repl, { kind: 'exec', argv0: command[0], tty, pid: nextPid(state, container), user, cwd, env }));
      return 0;
    }
    const result = runProcess(state, container, command, {
      sink: { write, wait: (ms) => ctx.out.wait(ms) },
      tty,
      columns: ctx.columns,
      stdin: interactive ? ctx.stdin : undefined,
      env,
      cwd,
      user,
      follow: detach ? undefined : ctx.follow,
      pid: nextPid(state, container),
    });
    if ('execError' in result) {
      const failure = execFailure(result.execError);
      if (!detach) ctx.out.stdout(failure.text);
      return detach ? 0 : failure.exitCode;
    }
    return detach ? 0 : result.exitCode;
  },
};
