// `docker compose images`: list images used by the created containers (declared as docker/compose v2.36 cmd/compose/images.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeImages } from '../../compose/run/images.ts';

export const imagesCommand: CommandDef = {
  path: ['compose', 'images'],
  use: 'images [OPTIONS] [SERVICE...]',
  short: 'List images used by the created containers',
  flags: composeFlags([
    { name: 'format', kind: 'string', type: 'string', usage: 'Format the output. Values: [table | json]', defaultText: '"table"', defaultValue: "table" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display IDs' },
  ]),
  supportedFlags: ['quiet'],
  run: runComposeImages,
};
