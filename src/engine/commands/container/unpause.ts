// `docker container unpause` (`docker unpause`): unpause all processes within one or more containers.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers, unpauseContainer } from '../../daemon/containers.ts';
import { eachContainer } from './each-container.ts';

export const unpauseCommand: CommandDef = {
  path: ['container', 'unpause'],
  use: 'unpause CONTAINER [CONTAINER...]',
  aliases: ['docker container unpause', 'docker unpause'],
  short: 'Unpause all processes within one or more containers',
  args: { min: 1 },
  flags: [],
  supportedFlags: [],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    return eachContainer(ctx, invocation.args, (container) => {
      const unpaused = unpauseContainer(ctx.state, container);
      return unpaused.ok ? { ok: true } : { ok: false, message: unpaused.message };
    });
  },
};
