// `docker compose down`: stop and remove containers, networks (declared as docker/compose v2.36 cmd/compose/down.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeDown } from '../../compose/run/down.ts';

export const downCommand: CommandDef = {
  path: ['compose', 'down'],
  use: 'down [OPTIONS] [SERVICES]',
  short: 'Stop and remove containers, networks',
  flags: composeFlags([
    { name: 'remove-orphans', kind: 'bool', type: '', usage: 'Remove containers for services not defined in the Compose file' },
    { name: 'rmi', kind: 'string', type: 'string', usage: "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")" },
    { name: 'timeout', shorthand: 't', kind: 'int', type: 'int', usage: 'Specify a shutdown timeout in seconds' },
    { name: 'volumes', shorthand: 'v', kind: 'bool', type: '', usage: 'Remove named volumes declared in the "volumes" section of the Compose file and anonymous volumes attached to containers' },
  ]),
  supportedFlags: ['volumes', 'rmi', 'remove-orphans', 'timeout'],
  run: runComposeDown,
};
