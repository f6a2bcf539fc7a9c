// `docker container prune`: remove all stopped containers.

import type { CommandDef } from '../../cli/command.ts';

export const pruneCommand: CommandDef = {
  path: ['container', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { max: 0 },
  flags: [
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
};
