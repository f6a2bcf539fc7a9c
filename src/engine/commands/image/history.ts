// `docker image history` (`docker history`): show the history of an image.

import type { CommandDef } from '../../cli/command.ts';

export const historyCommand: CommandDef = {
  path: ['image', 'history'],
  use: 'history [OPTIONS] IMAGE',
  aliases: ['docker image history', 'docker history'],
  short: 'Show the history of an image',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'human', shorthand: 'H', kind: 'bool', type: '', usage: 'Print sizes and dates in human readable format', defaultText: 'true', defaultValue: true },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only show image IDs' },
  ],
};
