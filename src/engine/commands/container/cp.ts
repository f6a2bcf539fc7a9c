// `docker container cp` (`docker cp`): copy files/folders between a container and the local filesystem.

import type { CommandDef } from '../../cli/command.ts';

export const cpCommand: CommandDef = {
  path: ['container', 'cp'],
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n	docker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  aliases: ['docker container cp', 'docker cp'],
  short: 'Copy files/folders between a container and the local filesystem',
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  args: { min: 2, max: 2 },
  flags: [
    { name: 'archive', shorthand: 'a', kind: 'bool', type: '', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', shorthand: 'L', kind: 'bool', type: '', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
  ],
};
