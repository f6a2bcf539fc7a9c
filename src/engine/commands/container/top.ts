// `docker container top` (`docker top`): display the running processes of a container.

import type { CommandDef } from '../../cli/command.ts';
import { programRuntime, reconcileContainers } from '../../daemon/containers.ts';
import { tabwrite } from '../../format/table.ts';
import { programFor } from '../../programs/index.ts';
import type { ProcessInfo } from '../../programs/program.ts';
import type { ContainerRecord, MachineState } from '../../state/machine-state.ts';
import { findContainer } from './each-container.ts';

/** The container's processes as the host's `ps -ef` sees them: host PIDs, PID 1's parent the shim. */
function hostProcesses(state: MachineState, container: ContainerRecord): ProcessInfo[] {
  const program = programFor(state, container);
  const listed = program.processes?.(programRuntime(state, container));
  const argv = [container.path, ...container.args];
  const inside: ProcessInfo[] = listed ?? [
    { pid: 1, ppid: 0, user: container.config.user || 'root', comm: argv[0], args: argv.join(' '), tty: container.config.tty ? 'pts/0' : '?', vsz: 0, rss: 0, stat: 'Ss', started: container.startedAt },
  ];
  const host = (pid: number) => (pid === 0 ? container.pid - 23 : container.pid + pid - 1);
  return inside.map((process) => ({ ...process, pid: host(process.pid), ppid: host(process.ppid) }));
}

function clock(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/** `ps -ef` shows a user name the host knows (root) and otherwise the numeric id, as a host without that user does. */
function userColumn(user: string): string {
  if (user === '' || user === 'root' || user === '0') return 'root';
  return /^\d+$/.test(user) ? user : user === 'nginx' ? '101' : user === 'postgres' ? '999' : user === 'redis' ? '999' : user;
}

export const topCommand: CommandDef = {
  path: ['container', 'top'],
  use: 'top CONTAINER [ps OPTIONS]',
  aliases: ['docker container top', 'docker top'],
  short: 'Display the running processes of a container',
  args: { min: 1 },
  stopAtFirstArg: true,
  flags: [],
  supportedFlags: [],
  run(ctx, { args }) {
    reconcileContainers(ctx.state);
    const found = findContainer(ctx, args[0]);
    if (!found.ok) {
      ctx.out.stderr(`${found.text}\n`);
      return 1;
    }
    const { container } = found;
    if (container.status === 'restarting') {
      ctx.out.stderr(`Error response from daemon: Container ${container.id} is restarting, wait until the container is running\n`);
      return 1;
    }
    if (container.status !== 'running' && container.status !== 'paused') {
      ctx.out.stderr(`Error response from daemon: container ${container.id} is not running\n`);
      return 1;
    }
    let text = 'UID\tPID\tPPID\tC\tSTIME\tTTY\tTIME\tCMD\n';
    for (const process of hostProcesses(ctx.state, container)) {
      text += `${userColumn(process.user)}\t${process.pid}\t${process.ppid}\t0\t${clock(process.started)}\t${process.tty}\t00:00:00\t${process.args}\n`;
    }
    // docker/cli's top writes through a tabwriter with cells at least 20 wide.
    ctx.out.stdout(tabwrite(text, { minWidth: 20, padding: 3 }));
    return 0;
  },
};
