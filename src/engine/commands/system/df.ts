// `docker system df`: show docker disk usage.

import type { CommandDef } from '../../cli/command.ts';

export const dfCommand: CommandDef = {
  path: ['system', 'df'],
  use: 'df [OPTIONS]',
  short: 'Show docker disk usage',
  args: { max: 0 },
  flags: [
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', shorthand: 'v', kind: 'bool', type: '', usage: 'Show detailed information on space usage' },
  ],
};
