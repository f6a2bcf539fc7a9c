// `docker network disconnect`: disconnect a container from a network.

import type { CommandDef } from '../../cli/command.ts';

export const disconnectCommand: CommandDef = {
  path: ['network', 'disconnect'],
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { min: 2, max: 2 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Force the container to disconnect from a network' },
  ],
};
