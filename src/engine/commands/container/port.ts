// `docker container port` (`docker port`): list port mappings or a specific mapping for the container.

import type { CommandDef } from '../../cli/command.ts';

export const portCommand: CommandDef = {
  path: ['container', 'port'],
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  aliases: ['docker container port', 'docker port'],
  short: 'List port mappings or a specific mapping for the container',
  args: { min: 1, max: 2 },
  flags: [],
};
