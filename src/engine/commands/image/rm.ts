// `docker image rm` (`docker rmi`): remove one or more images.

import type { CommandDef } from '../../cli/command.ts';

export const rmCommand: CommandDef = {
  path: ['image', 'rm'],
  use: 'rm [OPTIONS] IMAGE [IMAGE...]',
  aliases: ['docker image rm', 'docker image remove', 'docker rmi'],
  short: 'Remove one or more images',
  args: { min: 1 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Force removal of the image' },
    { name: 'no-prune', kind: 'bool', type: '', usage: 'Do not delete untagged parents' },
    { name: 'platform', kind: 'list', type: 'strings', usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
  ],
};
