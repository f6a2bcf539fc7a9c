// `docker volume update`: update a volume (cluster volumes only).

import type { CommandDef } from '../../cli/command.ts';

export const updateCommand: CommandDef = {
  path: ['volume', 'update'],
  use: 'update [OPTIONS] [VOLUME]',
  short: 'Update a volume (cluster volumes only)',
  args: { min: 1, max: 1 },
  requires: { swarm: 'manager' },
  flags: [
    { name: 'availability', kind: 'string', type: 'string', usage: 'Cluster Volume availability ("active", "pause", "drain")', defaultText: '"active"', defaultValue: 'active', requires: { swarm: 'manager' } },
  ],
};
