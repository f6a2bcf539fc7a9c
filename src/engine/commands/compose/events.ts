// `docker compose events`: receive real time events from containers (declared as docker/compose v2.36 cmd/compose/events.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const eventsCommand: CommandDef = {
  path: ['compose', 'events'],
  use: 'events [OPTIONS] [SERVICE...]',
  short: 'Receive real time events from containers',
  flags: composeFlags([
    { name: 'json', kind: 'bool', type: '', usage: 'Output events as a stream of json objects' },
  ]),
};
