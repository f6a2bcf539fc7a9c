// `docker network inspect`: display detailed information on one or more networks.

import type { CommandDef } from '../../cli/command.ts';

export const inspectCommand: CommandDef = {
  path: ['network', 'inspect'],
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', shorthand: 'v', kind: 'bool', type: '', usage: 'Verbose output for diagnostics' },
  ],
};
