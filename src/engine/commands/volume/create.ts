// `docker volume create`: create a volume.

import type { CommandDef } from '../../cli/command.ts';
import { createVolume } from '../../daemon/volumes.ts';
import { listFlag } from '../container/run-options.ts';
import { daemonFailure } from '../status-error.ts';
import { keyValueMap } from './volume-view.ts';

export const createCommand: CommandDef = {
  path: ['volume', 'create'],
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: { max: 1 },
  flags: [
    { name: 'availability', kind: 'string', type: 'string', usage: 'Cluster Volume availability ("active", "pause", "drain")', defaultText: '"active"', defaultValue: 'active', requires: { swarm: 'manager' } },
    { name: 'driver', shorthand: 'd', kind: 'string', type: 'string', usage: 'Specify volume driver name', defaultText: '"local"', defaultValue: 'local' },
    { name: 'group', kind: 'string', type: 'string', usage: 'Cluster Volume group (cluster volumes)', requires: { swarm: 'manager' } },
    { name: 'label', kind: 'list', type: 'list', usage: 'Set metadata for a volume' },
    { name: 'limit-bytes', kind: 'bytes', type: 'bytes', usage: 'Minimum size of the Cluster Volume in bytes', requires: { swarm: 'manager' } },
    { name: 'opt', shorthand: 'o', kind: 'list', type: 'map', usage: 'Set driver specific options', defaultText: 'map[]' },
    { name: 'required-bytes', kind: 'bytes', type: 'bytes', usage: 'Maximum size of the Cluster Volume in bytes', requires: { swarm: 'manager' } },
    { name: 'scope', kind: 'string', type: 'string', usage: 'Cluster Volume access scope ("single", "multi")', defaultText: '"single"', defaultValue: 'single', requires: { swarm: 'manager' } },
    { name: 'secret', kind: 'list', type: 'map', usage: 'Cluster Volume secrets', defaultText: 'map[]', requires: { swarm: 'manager' } },
    { name: 'sharing', kind: 'string', type: 'string', usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")', defaultText: '"none"', defaultValue: 'none', requires: { swarm: 'manager' } },
    { name: 'topology-preferred', kind: 'list', type: 'list', usage: 'A topology that the Cluster Volume would be preferred in', requires: { swarm: 'manager' } },
    { name: 'topology-required', kind: 'list', type: 'list', usage: 'A topology that the Cluster Volume must be accessible from', requires: { swarm: 'manager' } },
    { name: 'type', kind: 'string', type: 'string', usage: 'Cluster Volume access type ("mount", "block")', defaultText: '"block"', defaultValue: 'block', requires: { swarm: 'manager' } },
  ],
  supportedFlags: ['driver', 'label', 'opt'],
  run(ctx, { flags, args }) {
    const created = createVolume(ctx.state, {
      name: args[0],
      driver: typeof flags.driver === 'string' ? flags.driver : undefined,
      labels: keyValueMap(listFlag(flags.label)),
      options: keyValueMap(listFlag(flags.opt)),
    });
    if (!created.ok) return daemonFailure(ctx, created.message);
    ctx.out.stdout(`${created.volume.name}\n`);
    return 0;
  },
};
