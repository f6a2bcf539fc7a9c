// `docker compose stop`: stop services (declared as docker/compose v2.36 cmd/compose/stop.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeStop } from '../../compose/run/lifecycle.ts';

export const stopCommand: CommandDef = {
  path: ['compose', 'stop'],
  use: 'stop [OPTIONS] [SERVICE...]',
  short: 'Stop services',
  flags: composeFlags([
    { name: 'timeout', shorthand: 't', kind: 'int', type: 'int', usage: 'Specify a shutdown timeout in seconds' },
  ]),
  supportedFlags: ['timeout'],
  run: runComposeStop,
};
