// `docker system info` (`docker info`): display system-wide information.

import type { CommandDef } from '../../cli/command.ts';

export const infoCommand: CommandDef = {
  path: ['system', 'info'],
  use: 'info [OPTIONS]',
  aliases: ['docker system info', 'docker info'],
  short: 'Display system-wide information',
  args: { max: 0 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
};
