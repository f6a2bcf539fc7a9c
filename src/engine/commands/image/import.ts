// `docker image import` (`docker import`): import the contents from a tarball to create a filesystem image.

import type { CommandDef } from '../../cli/command.ts';

export const importCommand: CommandDef = {
  path: ['image', 'import'],
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  aliases: ['docker image import', 'docker import'],
  short: 'Import the contents from a tarball to create a filesystem image',
  args: { min: 1 },
  flags: [
    { name: 'change', shorthand: 'c', kind: 'list', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', shorthand: 'm', kind: 'string', type: 'string', usage: 'Set commit message for imported image' },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Set platform if server is multi-platform capable' },
  ],
};
