// `docker volume rm`: remove one or more volumes.

import type { CommandDef } from '../../cli/command.ts';

export const rmCommand: CommandDef = {
  path: ['volume', 'rm'],
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  aliases: ['docker volume rm', 'docker volume remove'],
  short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  args: { min: 1 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Force the removal of one or more volumes' },
  ],
};
