// `docker container restart` (`docker restart`): restart one or more containers.

import type { CommandDef } from '../../cli/command.ts';

export const restartCommand: CommandDef = {
  path: ['container', 'restart'],
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container restart', 'docker restart'],
  short: 'Restart one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'signal', shorthand: 's', kind: 'string', type: 'string', usage: 'Signal to send to the container' },
    { name: 'timeout', shorthand: 't', kind: 'int', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
};
