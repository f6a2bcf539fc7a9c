// `docker container export` (`docker export`): export a container's filesystem as a tar archive.

import type { CommandDef } from '../../cli/command.ts';

export const exportCommand: CommandDef = {
  path: ['container', 'export'],
  use: 'export [OPTIONS] CONTAINER',
  aliases: ['docker container export', 'docker export'],
  short: "Export a container's filesystem as a tar archive",
  args: { min: 1, max: 1 },
  flags: [
    { name: 'output', shorthand: 'o', kind: 'string', type: 'string', usage: 'Write to a file, instead of STDOUT' },
  ],
};
