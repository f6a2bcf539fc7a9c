// `docker container wait` (`docker wait`): block until one or more containers stop, then print their exit codes.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { isRunning, reconcileContainers } from '../../daemon/containers.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';
import { findContainer } from './each-container.ts';

/** Lets virtual time pass until the container's process has ended for good; false if it never will. */
function waitUntilStopped(ctx: CommandContext, container: ContainerRecord): boolean {
  for (let guard = 0; guard < 10_000 && isRunning(container); guard++) {
    const next = container.status === 'running' ? container.scheduledExit?.at : container.status === 'restarting' ? container.pendingRestart?.at : undefined;
    if (next === undefined) return false;
    ctx.out.wait(Math.max(0, next - ctx.state.clock));
    reconcileContainers(ctx.state);
  }
  return !isRunning(container);
}

export const waitCommand: CommandDef = {
  path: ['container', 'wait'],
  use: 'wait CONTAINER [CONTAINER...]',
  aliases: ['docker container wait', 'docker wait'],
  short: 'Block until one or more containers stop, then print their exit codes',
  args: { min: 1 },
  flags: [],
  supportedFlags: [],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const errors: string[] = [];
    for (const reference of invocation.args) {
      const found = findContainer(ctx, reference);
      if (!found.ok) {
        errors.push(found.text);
        continue;
      }
      if (!waitUntilStopped(ctx, found.container)) {
        // It runs until something stops it: docker wait blocks until Ctrl+C.
        ctx.follow?.(() => 130);
        if (errors.length > 0) ctx.out.stderr(`${errors.join('\n')}\n`);
        return 0;
      }
      ctx.out.stdout(`${found.container.exitCode}\n`);
    }
    if (errors.length === 0) return 0;
    ctx.out.stderr(`${errors.join('\n')}\n`);
    return 1;
  },
};
