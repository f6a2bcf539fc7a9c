// `docker network disconnect`: disconnect a container from a network.

import type { CommandDef } from '../../cli/command.ts';
import { lookupContainer } from '../../daemon/containers.ts';
import { disconnectNetwork } from '../../daemon/networks.ts';
import { daemonFailure } from '../status-error.ts';

export const disconnectCommand: CommandDef = {
  path: ['network', 'disconnect'],
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { min: 2, max: 2 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Force the container to disconnect from a network' },
  ],
  supportedFlags: ['force'],
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
    const disconnected = disconnectNetwork(ctx.state, found.container, networkTerm, flags.force === true);
    if (!disconnected.ok) return daemonFailure(ctx, disconnected.message);
    return 0;
  },
};
