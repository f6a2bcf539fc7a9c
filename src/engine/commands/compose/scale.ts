// `docker compose scale`: scale services (declared as docker/compose v2.36 cmd/compose/scale.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const scaleCommand: CommandDef = {
  path: ['compose', 'scale'],
  use: 'scale [SERVICE=REPLICAS...]',
  short: 'Scale services ',
  flags: composeFlags([
    { name: 'no-deps', kind: 'bool', type: '', usage: "Don't start linked services" },
  ]),
};
