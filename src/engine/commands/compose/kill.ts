// `docker compose kill`: force stop service containers (declared as docker/compose v2.36 cmd/compose/kill.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const killCommand: CommandDef = {
  path: ['compose', 'kill'],
  use: 'kill [OPTIONS] [SERVICE...]',
  short: 'Force stop service containers',
  flags: composeFlags([
    { name: 'remove-orphans', kind: 'bool', type: '', usage: 'Remove containers for services not defined in the Compose file' },
    { name: 'signal', shorthand: 's', kind: 'string', type: 'string', usage: 'SIGNAL to send to the container', defaultText: '"SIGKILL"', defaultValue: "SIGKILL" },
  ]),
};
