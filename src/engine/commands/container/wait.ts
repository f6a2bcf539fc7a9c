// `docker container wait` (`docker wait`): block until one or more containers stop, then print their exit codes.

import type { CommandDef } from '../../cli/command.ts';

export const waitCommand: CommandDef = {
  path: ['container', 'wait'],
  use: 'wait CONTAINER [CONTAINER...]',
  aliases: ['docker container wait', 'docker wait'],
  short: 'Block until one or more containers stop, then print their exit codes',
  args: { min: 1 },
  flags: [],
};
