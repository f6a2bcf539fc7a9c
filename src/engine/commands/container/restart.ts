// `docker container restart` (`docker restart`): restart one or more containers.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers, restartContainer } from '../../daemon/containers.ts';
import { eachContainer } from './each-container.ts';

export const restartCommand: CommandDef = {
  path: ['container', 'restart'],
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container restart', 'docker restart'],
  short: 'Restart one or more containers',
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
      const restarted = restartContainer(ctx.state, container, { signal, timeout, out: ctx.out });
      return restarted.ok ? { ok: true } : { ok: false, message: `Cannot restart container ${reference}: ${restarted.message}` };
    });
  },
};
