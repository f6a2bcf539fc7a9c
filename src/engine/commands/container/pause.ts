// `docker container pause` (`docker pause`): pause all processes within one or more containers.

import type { CommandDef } from '../../cli/command.ts';
import { pauseContainer, reconcileContainers } from '../../daemon/containers.ts';
import { eachContainer } from './each-container.ts';

export const pauseCommand: CommandDef = {
  path: ['container', 'pause'],
  use: 'pause CONTAINER [CONTAINER...]',
  aliases: ['docker container pause', 'docker pause'],
  short: 'Pause all processes within one or more containers',
  args: { min: 1 },
  flags: [],
  supportedFlags: [],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    return eachContainer(ctx, invocation.args, (container) => {
      const paused = pauseContainer(ctx.state, container);
      return paused.ok ? { ok: true } : { ok: false, message: paused.message };
    });
  },
};
