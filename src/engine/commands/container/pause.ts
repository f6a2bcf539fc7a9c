// `docker container pause` (`docker pause`): pause all processes within one or more containers.

import type { CommandDef } from '../../cli/command.ts';

export const pauseCommand: CommandDef = {
  path: ['container', 'pause'],
  use: 'pause CONTAINER [CONTAINER...]',
  aliases: ['docker container pause', 'docker pause'],
  short: 'Pause all processes within one or more containers',
  args: { min: 1 },
  flags: [],
};
