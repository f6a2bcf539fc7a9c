// `docker container rename` (`docker rename`): rename a container.

import type { CommandDef } from '../../cli/command.ts';

export const renameCommand: CommandDef = {
  path: ['container', 'rename'],
  use: 'rename CONTAINER NEW_NAME',
  aliases: ['docker container rename', 'docker rename'],
  short: 'Rename a container',
  args: { min: 2, max: 2 },
  flags: [],
};
