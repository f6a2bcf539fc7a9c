// `docker network rm`: remove one or more networks.

import type { CommandDef } from '../../cli/command.ts';

export const rmCommand: CommandDef = {
  path: ['network', 'rm'],
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['docker network rm', 'docker network remove'],
  short: 'Remove one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not error if the network does not exist' },
  ],
};
