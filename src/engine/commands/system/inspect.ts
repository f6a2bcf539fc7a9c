// `docker inspect`: return low-level information on Docker objects.

import type { CommandDef } from '../../cli/command.ts';

export const inspectCommand: CommandDef = {
  path: ['inspect'],
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'size', shorthand: 's', kind: 'bool', type: '', usage: 'Display total file sizes if the type is container' },
    { name: 'type', kind: 'string', type: 'string', usage: 'Only inspect objects of the given type' },
  ],
};
