// `docker compose version`: show the Docker Compose version information (declared as docker/compose v2.36 cmd/compose/version.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeVersion } from '../../compose/run/version.ts';

export const versionCommand: CommandDef = {
  path: ['compose', 'version'],
  use: 'version [OPTIONS]',
  short: 'Show the Docker Compose version information',
  args: { max: 0 },
  flags: composeFlags([
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: 'Format the output. Values: [pretty | json]. (Default: pretty)' },
    { name: 'short', kind: 'bool', type: '', usage: "Shows only Compose's version number" },
  ]),
  supportedFlags: ['format', 'short'],
  run: runComposeVersion,
};
