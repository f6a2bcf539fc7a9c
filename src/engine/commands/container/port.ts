// `docker container port` (`docker port`): list port mappings or a specific mapping for the container.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { naturalLess } from '../../format/natural-order.ts';
import { findContainer } from './each-container.ts';

function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export const portCommand: CommandDef = {
  path: ['container', 'port'],
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  aliases: ['docker container port', 'docker port'],
  short: 'List port mappings or a specific mapping for the container',
  args: { min: 1, max: 2 },
  flags: [],
  supportedFlags: [],
  run(ctx, { args }) {
    reconcileContainers(ctx.state);
    const found = findContainer(ctx, args[0]);
    if (!found.ok) {
      ctx.out.stderr(`${found.text}\n`);
      return 1;
    }
    const { container } = found;
    const running = container.status === 'running' || container.status === 'paused';
    const bound = running ? (container.ports ?? []) : [];
    const lines: string[] = [];
    if (args.length > 1) {
      const [port, proto = 'tcp'] = args[1].split('/');
      if (!/^\d+$/.test(port) || Number(port) > 65535) {
        const reason = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
        ctx.out.stderr(`Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: ${reason}\n`);
        return 1;
      }
      const frontends = bound.filter((binding) => binding.containerPort === Number(port) && binding.protocol === proto);
      if (frontends.length === 0) {
        ctx.out.stderr(`Error: No public port '${args[1]}' published for ${args[0]}\n`);
        return 1;
      }
      for (const frontend of frontends) lines.push(joinHostPort(frontend.hostIp, frontend.hostPort));
    } else {
      for (const binding of bound) lines.push(`${binding.containerPort}/${binding.protocol} -> ${joinHostPort(binding.hostIp, binding.hostPort)}`);
    }
    lines.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
    if (lines.length > 0) ctx.out.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
