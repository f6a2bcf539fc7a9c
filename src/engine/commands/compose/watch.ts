// `docker compose watch`: watch build context for service and rebuild/refresh containers when files are updated (declared as docker/compose v2.36 cmd/compose/watch.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const watchCommand: CommandDef = {
  path: ['compose', 'watch'],
  use: 'watch [SERVICE...]',
  short: 'Watch build context for service and rebuild/refresh containers when files are updated',
  flags: composeFlags([
    { name: 'no-up', kind: 'bool', type: '', usage: 'Do not build & start services before watching' },
    { name: 'prune', kind: 'bool', type: '', usage: 'Prune dangling images on rebuild', defaultText: 'true', defaultValue: true },
    { name: 'quiet', kind: 'bool', type: '', usage: 'hide build output' },
  ]),
};
