// `docker container ls` (`docker ps`): the container table, its filters and its quiet/latest forms.

import type { CommandDef } from '../../cli/command.ts';
import { containerStatusText, timeAgo } from '../../format/units.ts';
import { displayPorts } from '../../format/ports.ts';
import { renderTable } from '../../format/table.ts';
import { ellipsis, quoteGo } from '../../format/text.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';

export function displayCommand(container: ContainerRecord, truncate: boolean): string {
  const command = [container.path, ...container.args].join(' ');
  return quoteGo(truncate ? ellipsis(command, 20) : command);
}

export const lsCommand: CommandDef = {
  path: ['container', 'ls'],
  use: 'ls [OPTIONS]',
  aliases: ['docker container ls', 'docker container list', 'docker container ps', 'docker ps'],
  short: 'List containers',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Show all containers (default shows just running)' },
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Filter output based on conditions provided', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'last', shorthand: 'n', kind: 'int', type: 'int', usage: 'Show n last created containers (includes all states)', defaultText: '-1', defaultValue: -1 },
    { name: 'latest', shorthand: 'l', kind: 'bool', type: '', usage: 'Show the latest created container (includes all states)' },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display container IDs' },
    { name: 'size', shorthand: 's', kind: 'bool', type: '', usage: 'Display total file sizes' },
  ],
  supportedFlags: ['all', 'last', 'latest', 'no-trunc', 'quiet'],
  run(ctx, { flags }) {
    const { state } = ctx;
    const noTrunc = flags['no-trunc'] === true;
    let last = typeof flags.last === 'number' ? flags.last : -1;
    if (flags.latest === true) last = 1;
    let containers = [...state.containers].sort((a, b) => b.created - a.created || b.seq - a.seq);
    if (flags.all !== true && last === -1) containers = containers.filter((c) => c.status === 'running' || c.status === 'paused' || c.status === 'restarting');
    if (last >= 0) containers = containers.slice(0, last);
    if (flags.quiet === true) {
      for (const container of containers) ctx.out.stdout(`${noTrunc ? container.id : container.id.slice(0, 12)}\n`);
      return 0;
    }
    const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
    const rows = containers.map((container) => [
      noTrunc ? container.id : container.id.slice(0, 12),
      container.image,
      displayCommand(container, !noTrunc),
      timeAgo(container.created, state.clock),
      containerStatusText(container, state.clock),
      displayPorts(container),
      container.name,
    ]);
    ctx.out.stdout(renderTable([header, ...rows]));
    return 0;
  },
};
