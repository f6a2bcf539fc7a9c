// `docker container create` (`docker create`): create a new container.

import type { CommandDef } from '../../cli/command.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { statusError } from '../status-error.ts';
import { createFromOptions, parseCreateOptions } from './create-flow.ts';
import { runCommand } from './run.ts';

const RUN_ONLY_FLAGS = new Set(['detach', 'detach-keys', 'sig-proxy']);

export const createCommand: CommandDef = {
  path: ['container', 'create'],
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  aliases: ['docker container create', 'docker create'],
  short: 'Create a new container',
  args: { min: 1 },
  stopAtFirstArg: true,
  // docker/cli gives run and create the same container options; run adds the ones about attaching.
  flags: runCommand.flags
    .filter((flag) => !RUN_ONLY_FLAGS.has(flag.name))
    .map((flag) => (flag.name === 'pull' ? { ...flag, usage: 'Pull image before creating ("always", "|missing", "never")' } : flag)),
  supportedFlags: (runCommand.supportedFlags ?? []).filter((name) => !RUN_ONLY_FLAGS.has(name)),
  run(ctx, invocation) {
    reconcileContainers(ctx.state);
    const parsed = parseCreateOptions(ctx, invocation);
    if (!parsed.ok) return statusError(ctx, invocation, parsed.message);
    const created = createFromOptions(ctx, invocation, parsed.options);
    if (!created.ok) {
      // Past the option checks, docker create returns its errors as they are: printed plain, exit 1.
      if (created.source === 'client') return statusError(ctx, invocation, created.message);
      ctx.out.stderr(`${created.source === 'daemon' ? `Error response from daemon: ${created.message}` : created.message}\n`);
      return 1;
    }
    ctx.out.stdout(`${created.container.id}\n`);
    return 0;
  },
};
