// `docker image prune`: remove unused images.

import type { CommandDef } from '../../cli/command.ts';

export const pruneCommand: CommandDef = {
  path: ['image', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Remove all unused images, not just dangling ones' },
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
};
