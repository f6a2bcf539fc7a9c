// `docker compose start`: start services (declared as docker/compose v2.36 cmd/compose/start.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeStart } from '../../compose/run/lifecycle.ts';

export const startCommand: CommandDef = {
  path: ['compose', 'start'],
  use: 'start [SERVICE...]',
  short: 'Start services',
  flags: composeFlags([]),
  supportedFlags: [],
  run: runComposeStart,
};
