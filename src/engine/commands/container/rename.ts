// `docker container rename` (`docker rename`): rename a container.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers, renameContainer } from '../../daemon/containers.ts';
import { EMPTY_REFERENCE } from './each-container.ts';

export const renameCommand: CommandDef = {
  path: ['container', 'rename'],
  use: 'rename CONTAINER NEW_NAME',
  aliases: ['docker container rename', 'docker rename'],
  short: 'Rename a container',
  args: { min: 2, max: 2 },
  flags: [],
  supportedFlags: [],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const oldName = invocation.args[0].trim();
    const newName = invocation.args[1].trim();
    if (oldName === '' || newName === '') {
      ctx.out.stderr('Error: Neither old nor new names may be empty\n');
      return 1;
    }
    const renamed = renameContainer(ctx.state, oldName, newName);
    if (!renamed.ok) {
      ctx.out.stderr(`${renamed.message === EMPTY_REFERENCE ? renamed.message : `Error response from daemon: ${renamed.message}`}\n`);
      ctx.out.stderr(`Error: failed to rename container named ${oldName}\n`);
      return 1;
    }
    return 0;
  },
};
