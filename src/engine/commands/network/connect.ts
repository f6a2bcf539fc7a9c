// `docker network connect`: connect a container to a network.

import type { CommandDef } from '../../cli/command.ts';

export const connectCommand: CommandDef = {
  path: ['network', 'connect'],
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { min: 2, max: 2 },
  flags: [
    { name: 'alias', kind: 'list', type: 'strings', usage: 'Add network-scoped alias for the container' },
    { name: 'driver-opt', kind: 'list', type: 'strings', usage: 'driver options for the network' },
    { name: 'gw-priority', kind: 'int', type: 'int', usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.' },
    { name: 'ip', kind: 'string', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: 'ip6', kind: 'string', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: 'link', kind: 'list', type: 'list', usage: 'Add link to another container' },
    { name: 'link-local-ip', kind: 'list', type: 'strings', usage: 'Add a link-local address for the container' },
  ],
};
