// `docker container unpause` (`docker unpause`): unpause all processes within one or more containers.

import type { CommandDef } from '../../cli/command.ts';

export const unpauseCommand: CommandDef = {
  path: ['container', 'unpause'],
  use: 'unpause CONTAINER [CONTAINER...]',
  aliases: ['docker container unpause', 'docker unpause'],
  short: 'Unpause all processes within one or more containers',
  args: { min: 1 },
  flags: [],
};
