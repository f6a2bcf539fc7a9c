// `docker container top` (`docker top`): display the running processes of a container.

import type { CommandDef } from '../../cli/command.ts';

export const topCommand: CommandDef = {
  path: ['container', 'top'],
  use: 'top CONTAINER [ps OPTIONS]',
  aliases: ['docker container top', 'docker top'],
  short: 'Display the running processes of a container',
  args: { min: 1 },
  stopAtFirstArg: true,
  flags: [],
};
