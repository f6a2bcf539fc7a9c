// `docker volume prune`: remove unused local volumes.

import type { CommandDef } from '../../cli/command.ts';

export const pruneCommand: CommandDef = {
  path: ['volume', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove unused local volumes',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Remove all unused volumes, not just anonymous ones' },
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "label=<label>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
};
