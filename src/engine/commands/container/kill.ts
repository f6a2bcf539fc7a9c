// `docker container kill` (`docker kill`): kill one or more running containers.

import type { CommandDef } from '../../cli/command.ts';

export const killCommand: CommandDef = {
  path: ['container', 'kill'],
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container kill', 'docker kill'],
  short: 'Kill one or more running containers',
  args: { min: 1 },
  flags: [
    { name: 'signal', shorthand: 's', kind: 'string', type: 'string', usage: 'Signal to send to the container' },
  ],
};
