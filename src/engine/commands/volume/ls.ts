// `docker volume ls`: list volumes.

import type { CommandDef } from '../../cli/command.ts';

export const lsCommand: CommandDef = {
  path: ['volume', 'ls'],
  use: 'ls [OPTIONS]',
  aliases: ['docker volume ls', 'docker volume list'],
  short: 'List volumes',
  args: { max: 0 },
  flags: [
    { name: 'cluster', kind: 'bool', type: '', usage: 'Display only cluster volumes, and use cluster volume list formatting', requires: { swarm: 'manager' } },
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "dangling=true")', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display volume names' },
  ],
};
