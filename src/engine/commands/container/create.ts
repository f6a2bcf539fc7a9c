// `docker container create` (`docker create`): create a new container.

import type { CommandDef } from '../../cli/command.ts';
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
};
