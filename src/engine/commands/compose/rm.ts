// `docker compose rm`: removes stopped service containers (declared as docker/compose v2.36 cmd/compose/remove.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const rmCommand: CommandDef = {
  path: ['compose', 'rm'],
  use: 'rm [OPTIONS] [SERVICE...]',
  short: 'Removes stopped service containers',
  long: 'Removes stopped service containers\n\nBy default, anonymous volumes attached to containers will not be removed. You\ncan override this with -v. To list all volumes, use \"docker volume ls\".\n\nAny data which is not in a volume will be lost.',
  flags: composeFlags([
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: "Don't ask to confirm removal" },
    { name: 'stop', shorthand: 's', kind: 'bool', type: '', usage: 'Stop the containers, if required, before removing' },
    { name: 'volumes', shorthand: 'v', kind: 'bool', type: '', usage: 'Remove any anonymous volumes attached to containers' },
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Deprecated - no effect', hidden: true },
  ]),
};
