// `docker compose export`: export a service container's filesystem as a tar archive (declared as docker/compose v2.36 cmd/compose/export.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const exportCommand: CommandDef = {
  path: ['compose', 'export'],
  use: 'export [OPTIONS] SERVICE',
  short: "Export a service container's filesystem as a tar archive",
  args: { min: 1, max: 1 },
  flags: composeFlags([
    { name: 'index', kind: 'int', type: 'int', usage: 'index of the container if service has multiple replicas.' },
    { name: 'output', shorthand: 'o', kind: 'string', type: 'string', usage: 'Write to a file, instead of STDOUT' },
  ]),
};
