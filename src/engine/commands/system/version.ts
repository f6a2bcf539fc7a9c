// `docker version`: show the Docker version information.

import type { CommandDef } from '../../cli/command.ts';

export const versionCommand: CommandDef = {
  path: ['version'],
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  topRank: 11,
  args: { max: 0 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
};
