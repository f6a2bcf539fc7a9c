// `docker compose unpause`: unpause services (declared as docker/compose v2.36 cmd/compose/pause.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const unpauseCommand: CommandDef = {
  path: ['compose', 'unpause'],
  use: 'unpause [SERVICE...]',
  short: 'Unpause services',
  flags: composeFlags([]),
};
