// `docker container stop` (`docker stop`): stop one or more running containers.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers, stopContainerGracefully } from '../../daemon/containers.ts';
import { eachContainer } from './each-container.ts';

export const stopCommand: CommandDef = {
  path: ['container', 'stop'],
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container stop', 'docker stop'],
  short: 'Stop one or more running containers',
  args: { min: 1 },
  flags: [
    { name: 'signal', shorthand: 's', kind: 'string', type: 'string', usage: 'Signal to send to the container' },
    { name: 'timeout', shorthand: 't', kind: 'int', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  supportedFlags: ['signal', 'timeout'],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const { flags, given } = invocation;
    const signal = typeof flags.signal === 'string' && flags.signal !== '' ? flags.signal : undefined;
    const timeout = given.has('timeout') && typeof flags.timeout === 'number' ? flags.timeout : undefined;
    return eachContainer(ctx, invocation.args, (container, reference) => {
      const stopped = stopContainerGracefully(ctx.state, container, { signal, timeout, out: ctx.out });
      return stopped.ok ? { ok: true } : { ok: false, message: `cannot stop container: ${reference}: ${stopped.message}` };
    });
  },
};
