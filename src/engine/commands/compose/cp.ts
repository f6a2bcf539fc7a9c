// `docker compose cp`: copy files/folders between a service container and the local filesystem (declared as docker/compose v2.36 cmd/compose/cp.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const cpCommand: CommandDef = {
  path: ['compose', 'cp'],
  use: 'cp [OPTIONS] SERVICE:SRC_PATH DEST_PATH|-\n\tdocker compose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH',
  short: 'Copy files/folders between a service container and the local filesystem',
  args: { min: 2, max: 2 },
  flags: composeFlags([
    { name: 'all', kind: 'bool', type: '', usage: 'Include containers created by the run command', hidden: true },
    { name: 'archive', shorthand: 'a', kind: 'bool', type: '', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', shorthand: 'L', kind: 'bool', type: '', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'index', kind: 'int', type: 'int', usage: 'Index of the container if service has multiple replicas' },
  ]),
};
