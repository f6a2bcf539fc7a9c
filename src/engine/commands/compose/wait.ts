// `docker compose wait`: block until containers of all (or specified) services stop (declared as docker/compose v2.36 cmd/compose/wait.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const waitCommand: CommandDef = {
  path: ['compose', 'wait'],
  use: 'wait SERVICE [SERVICE...] [OPTIONS]',
  short: 'Block until containers of all (or specified) services stop.',
  args: { min: 1 },
  flags: composeFlags([
    { name: 'down-project', kind: 'bool', type: '', usage: 'Drops project when the first container stops' },
  ]),
};
