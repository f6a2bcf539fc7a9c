// `docker network create`: create a network.

import type { CommandDef } from '../../cli/command.ts';
import { createNetwork } from '../../daemon/networks.ts';
import { listFlag } from '../container/run-options.ts';
import { daemonFailure } from '../status-error.ts';
import { keyValueMap } from '../volume/volume-view.ts';
import { checkIpamFlags } from './network-view.ts';

export const createCommand: CommandDef = {
  path: ['network', 'create'],
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'attachable', kind: 'bool', type: '', usage: 'Enable manual container attachment' },
    { name: 'aux-address', kind: 'list', type: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', defaultText: 'map[]' },
    { name: 'config-from', kind: 'string', type: 'string', usage: 'The network from which to copy the configuration' },
    { name: 'config-only', kind: 'bool', type: '', usage: 'Create a configuration only network' },
    { name: 'driver', shorthand: 'd', kind: 'string', type: 'string', usage: 'Driver to manage the Network', defaultText: '"bridge"', defaultValue: 'bridge' },
    { name: 'gateway', kind: 'list', type: 'strings', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    { name: 'ingress', kind: 'bool', type: '', usage: 'Create swarm routing-mesh network' },
    { name: 'internal', kind: 'bool', type: '', usage: 'Restrict external access to the network' },
    { name: 'ip-range', kind: 'list', type: 'strings', usage: 'Allocate container ip from a sub-range' },
    { name: 'ipam-driver', kind: 'string', type: 'string', usage: 'IP Address Management Driver', defaultText: '"default"', defaultValue: 'default' },
    { name: 'ipam-opt', kind: 'list', type: 'map', usage: 'Set IPAM driver specific options', defaultText: 'map[]' },
    { name: 'ipv4', kind: 'bool', type: '', usage: 'Enable or disable IPv4 address assignment', defaultText: 'true', defaultValue: true },
    { name: 'ipv6', kind: 'bool', type: '', usage: 'Enable or disable IPv6 address assignment' },
    { name: 'label', kind: 'list', type: 'list', usage: 'Set metadata on a network' },
    { name: 'opt', shorthand: 'o', kind: 'list', type: 'map', usage: 'Set driver specific options', defaultText: 'map[]' },
    { name: 'scope', kind: 'string', type: 'string', usage: "Control the network's scope" },
    { name: 'subnet', kind: 'list', type: 'strings', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
  supportedFlags: ['attachable', 'driver', 'gateway', 'internal', 'label', 'opt', 'subnet'],
  run(ctx, { flags, args }) {
    const subnets = listFlag(flags.subnet);
    const gateways = listFlag(flags.gateway);
    const problem = checkIpamFlags(subnets, gateways);
    if (problem) {
      ctx.out.stderr(`${problem}\n`);
      return 1;
    }
    const created = createNetwork(ctx.state, {
      name: args[0],
      driver: typeof flags.driver === 'string' ? flags.driver : undefined,
      subnets,
      gateways,
      internal: flags.internal === true,
      attachable: flags.attachable === true,
      labels: keyValueMap(listFlag(flags.label)),
      options: keyValueMap(listFlag(flags.opt)),
    });
    if (!created.ok) return daemonFailure(ctx, created.message);
    ctx.out.stdout(`${created.network.id}\n`);
    return 0;
  },
};
