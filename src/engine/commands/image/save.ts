// `docker image save` (`docker save`): save one or more images to a tar archive (streamed to STDOUT by default).

import type { CommandDef } from '../../cli/command.ts';

export const saveCommand: CommandDef = {
  path: ['image', 'save'],
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  aliases: ['docker image save', 'docker save'],
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  args: { min: 1 },
  flags: [
    { name: 'output', shorthand: 'o', kind: 'string', type: 'string', usage: 'Write to a file, instead of STDOUT' },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
  ],
};
