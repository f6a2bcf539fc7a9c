// `docker container diff` (`docker diff`): inspect changes to files or directories on a container's filesystem.

import type { CommandDef } from '../../cli/command.ts';

export const diffCommand: CommandDef = {
  path: ['container', 'diff'],
  use: 'diff CONTAINER',
  aliases: ['docker container diff', 'docker diff'],
  short: "Inspect changes to files or directories on a container's filesystem",
  args: { min: 1, max: 1 },
  flags: [],
};
