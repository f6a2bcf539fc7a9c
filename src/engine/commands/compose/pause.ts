// `docker compose pause`: pause services (declared as docker/compose v2.36 cmd/compose/pause.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const pauseCommand: CommandDef = {
  path: ['compose', 'pause'],
  use: 'pause [SERVICE...]',
  short: 'Pause services',
  flags: composeFlags([]),
};
