// `docker compose alpha`: Compose's experimental commands, hidden from its help (cmd/compose/alpha.go).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const alphaCommand: CommandDef = {
  path: ['compose', 'alpha'],
  use: 'alpha [COMMAND]',
  short: 'Experimental commands',
  hidden: true,
  flags: composeFlags([]),
  subcommands: [
    { path: ['compose', 'alpha', 'generate'], use: 'generate [OPTIONS] [CONTAINERS...]', short: 'EXPERIMENTAL - Generate a Compose file from existing containers', flags: composeFlags([]), outline: true },
    { path: ['compose', 'alpha', 'viz'], use: 'viz [OPTIONS]', short: 'EXPERIMENTAL - Generate a graphviz graph from your compose file', flags: composeFlags([]), outline: true },
  ],
};
