// `docker compose port`: print the public port for a port binding (declared as docker/compose v2.36 cmd/compose/port.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const portCommand: CommandDef = {
  path: ['compose', 'port'],
  use: 'port [OPTIONS] SERVICE PRIVATE_PORT',
  short: 'Print the public port for a port binding',
  args: { min: 2, max: 2 },
  flags: composeFlags([
    { name: 'index', kind: 'int', type: 'int', usage: 'Index of the container if service has multiple replicas' },
    { name: 'protocol', kind: 'string', type: 'string', usage: 'tcp or udp', defaultText: '"tcp"', defaultValue: "tcp" },
  ]),
};
