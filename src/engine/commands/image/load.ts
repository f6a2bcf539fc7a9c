// `docker image load` (`docker load`): load an image from a tar archive or STDIN.

import type { CommandDef } from '../../cli/command.ts';

export const loadCommand: CommandDef = {
  path: ['image', 'load'],
  use: 'load [OPTIONS]',
  aliases: ['docker image load', 'docker load'],
  short: 'Load an image from a tar archive or STDIN',
  args: { max: 0 },
  flags: [
    { name: 'input', shorthand: 'i', kind: 'string', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress the load output' },
  ],
};
