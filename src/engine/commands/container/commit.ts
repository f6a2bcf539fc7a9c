// `docker container commit` (`docker commit`): create a new image from a container's changes.

import type { CommandDef } from '../../cli/command.ts';

export const commitCommand: CommandDef = {
  path: ['container', 'commit'],
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  aliases: ['docker container commit', 'docker commit'],
  short: "Create a new image from a container's changes",
  args: { min: 1, max: 2 },
  stopAtFirstArg: true,
  flags: [
    { name: 'author', shorthand: 'a', kind: 'string', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: 'change', shorthand: 'c', kind: 'list', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', shorthand: 'm', kind: 'string', type: 'string', usage: 'Commit message' },
    { name: 'pause', shorthand: 'p', kind: 'bool', type: '', usage: 'Pause container during commit', defaultText: 'true', defaultValue: true },
  ],
};
