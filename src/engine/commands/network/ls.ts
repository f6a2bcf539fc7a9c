// `docker network ls`: list networks.

import type { CommandDef } from '../../cli/command.ts';

export const lsCommand: CommandDef = {
  path: ['network', 'ls'],
  use: 'ls [OPTIONS]',
  aliases: ['docker network ls', 'docker network list'],
  short: 'List networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'no-trunc', kind: 'bool', type: '', usage: 'Do not truncate the output' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display network IDs' },
  ],
};
