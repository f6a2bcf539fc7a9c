// `docker compose attach`: attach local standard input, output, and error streams to a service's running container (declared as docker/compose v2.36 cmd/compose/attach.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const attachCommand: CommandDef = {
  path: ['compose', 'attach'],
  use: 'attach [OPTIONS] SERVICE',
  short: "Attach local standard input, output, and error streams to a service's running container",
  args: { min: 1, max: 1 },
  flags: composeFlags([
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching from a container.' },
    { name: 'index', kind: 'int', type: 'int', usage: 'index of the container if service has multiple replicas.' },
    { name: 'no-stdin', kind: 'bool', type: '', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', kind: 'bool', type: '', usage: 'Proxy all received signals to the process', defaultText: 'true', defaultValue: true },
  ]),
};
