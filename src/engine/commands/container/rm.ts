// `docker container rm` (`docker rm`): remove one or more containers.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers, removeContainer } from '../../daemon/containers.ts';
import { eachContainer } from './each-container.ts';

export const rmCommand: CommandDef = {
  path: ['container', 'rm'],
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container rm', 'docker container remove', 'docker rm'],
  short: 'Remove one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', shorthand: 'l', kind: 'bool', type: '', usage: 'Remove the specified link' },
    { name: 'volumes', shorthand: 'v', kind: 'bool', type: '', usage: 'Remove anonymous volumes associated with the container' },
  ],
  supportedFlags: ['force', 'volumes'],
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const force = invocation.flags.force === true;
    const volumes = invocation.flags.volumes === true;
    return eachContainer(
      ctx,
      invocation.args,
      (_container, reference) => {
        const removed = removeContainer(ctx.state, reference, { force, volumes, out: ctx.out });
        return removed.ok ? { ok: true } : { ok: false, message: removed.message, notFound: removed.kind === 'notFound' };
      },
      { forgiveNotFound: force, trimSlashes: true },
    );
  },
};
