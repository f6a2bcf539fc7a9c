// `docker compose top`: display the running processes (declared as docker/compose v2.36 cmd/compose/top.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const topCommand: CommandDef = {
  path: ['compose', 'top'],
  use: 'top [SERVICES...]',
  short: 'Display the running processes',
  flags: composeFlags([]),
};
