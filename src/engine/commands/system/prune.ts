// `docker system prune`: remove unused data.

import type { CommandDef } from '../../cli/command.ts';

export const pruneCommand: CommandDef = {
  path: ['system', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Remove all unused images not just dangling ones' },
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
    { name: 'volumes', kind: 'bool', type: '', usage: 'Prune anonymous volumes' },
  ],
};
