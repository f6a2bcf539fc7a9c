// `docker image tag` (`docker tag`): create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.

import type { CommandDef } from '../../cli/command.ts';

export const tagCommand: CommandDef = {
  path: ['image', 'tag'],
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  aliases: ['docker image tag', 'docker tag'],
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: { min: 2, max: 2 },
  stopAtFirstArg: true,
  flags: [],
};
