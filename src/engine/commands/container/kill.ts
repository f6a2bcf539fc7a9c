// `docker container kill` (`docker kill`): kill one or more running containers.

import type { CommandDef } from '../../cli/command.ts';
import { killContainer, reconcileContainers } from '../../daemon/containers.ts';
import { eachContainer } from './each-container.ts';

export const killCommand: CommandDef = {
  path: ['container', 'kill'],
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container kill', 'docker kill'],
  short: 'Kill one or more running containers',
  args: { min: 1 },
  flags: [
    { name: 'signal', shorthand: 's', kind: 'string', type: 'string', usage: 'Signal to send to the container' },
  ],
  supportedFlags: ['signal'],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const signal = typeof invocation.flags.signal === 'string' && invocation.flags.signal !== '' ? invocation.flags.signal : 'SIGKILL';
    return eachContainer(ctx, invocation.args, (container, reference) => {
      const killed = killContainer(ctx.state, container, signal, ctx.out);
      return killed.ok ? { ok: true } : { ok: false, message: `cannot kill container: ${reference}: ${killed.message}` };
    });
  },
};
