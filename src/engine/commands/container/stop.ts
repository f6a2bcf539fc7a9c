// `docker container stop` (`docker stop`): stop one or more running containers.

import type { CommandDef } from '../../cli/command.ts';

export const stopCommand: CommandDef = {
  path: ['container', 'stop'],
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container stop', 'docker stop'],
  short: 'Stop one or more running containers',
  args: { min: 1 },
  flags: [
    { name: 'signal', shorthand: 's', kind: 'string', type: 'string', usage: 'Signal to send to the container' },
    { name: 'timeout', shorthand: 't', kind: 'int', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
};
