// `docker network connect`: connect a container to a network.

import type { CommandDef } from '../../cli/command.ts';
import { lookupContainer } from '../../daemon/containers.ts';
import { connectNetwork } from '../../daemon/networks.ts';
import { listFlag } from '../container/run-options.ts';
import { daemonFailure } from '../status-error.ts';

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
  supportedFlags: ['alias', 'ip'],
  run(ctx, { flags, args }) {
    const [networkTerm, containerTerm] = args;
    // The client refuses an empty name before it sends anything (docker/cli's trimID), the network's first.
    const empty = networkTerm === '' ? 'network' : containerTerm === '' ? 'container' : undefined;
    if (empty !== undefined) {
      ctx.out.stderr(`invalid ${empty} name or ID: value is empty\n`);
      return 1;
    }
    const found = lookupContainer(ctx.state, containerTerm);
    if (!found.ok) return daemonFailure(ctx, found.message);
    const ip = typeof flags.ip === 'string' && flags.ip !== '' ? flags.ip : undefined;
    const connected = connectNetwork(ctx.state, found.container, networkTerm, { aliases: listFlag(flags.alias), ip });
    if (!connected.ok) return daemonFailure(ctx, connected.message);
    return 0;
  },
};
