// `docker container start` (`docker start`): start one or more stopped containers.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { isRunning, reconcileContainers, startContainer, stopContainer, waitForScheduledExit } from '../../daemon/containers.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';
import { eachContainer, findContainer } from './each-container.ts';

/** `docker start -a`: the output streams until the process ends; Ctrl+C is forwarded to it. */
function startAttached(ctx: CommandContext, container: ContainerRecord): number {
  const tty = container.config.tty;
  if (!isRunning(container)) {
    const started = startContainer(ctx.state, container, { attachment: { out: ctx.out, tty } });
    if (!started.ok) {
      ctx.out.stderr(`Error response from daemon: ${started.message}\n`);
      return 1;
    }
    if (!isRunning(container)) return container.exitCode;
  }
  if (waitForScheduledExit(ctx.state, container, ctx.out)) return container.exitCode;
  ctx.follow?.((out) => {
    stopContainer(ctx.state, container, 'SIGINT', { out, tty });
    return isRunning(container) ? 130 : container.exitCode;
  });
  return 0;
}

export const startCommand: CommandDef = {
  path: ['container', 'start'],
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container start', 'docker start'],
  short: 'Start one or more stopped containers',
  args: { min: 1 },
  flags: [
    { name: 'attach', shorthand: 'a', kind: 'bool', type: '', usage: 'Attach STDOUT/STDERR and forward signals' },
    { name: 'checkpoint', kind: 'string', type: 'string', usage: 'Restore from this checkpoint', requires: { experimental: true } },
    { name: 'checkpoint-dir', kind: 'string', type: 'string', usage: 'Use a custom checkpoint storage directory', requires: { experimental: true } },
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: "Attach container's STDIN" },
  ],
  supportedFlags: ['attach', 'interactive'],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    if (invocation.flags.attach === true || invocation.flags.interactive === true) {
      if (invocation.args.length > 1) {
        ctx.out.stderr('you cannot start and attach multiple containers at once\n');
        return 1;
      }
      const found = findContainer(ctx, invocation.args[0]);
      if (!found.ok) {
        ctx.out.stderr(`${found.text}\n`);
        return 1;
      }
      return startAttached(ctx, found.container);
    }
    return eachContainer(
      ctx,
      invocation.args,
      (container) => {
        const started = startContainer(ctx.state, container, { out: ctx.out });
        return started.ok ? { ok: true } : { ok: false, message: started.message };
      },
      { inline: true, summary: (failed) => `Error: failed to start containers: ${failed.join(', ')}` },
    );
  },
};
