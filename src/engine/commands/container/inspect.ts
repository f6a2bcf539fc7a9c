// `docker container inspect`: display detailed information on one or more containers.

import type { CommandDef } from '../../cli/command.ts';

export const inspectCommand: CommandDef = {
  path: ['container', 'inspect'],
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'size', shorthand: 's', kind: 'bool', type: '', usage: 'Display total file sizes' },
  ],
};
