// `docker network prune`: remove all unused networks.

import type { CommandDef } from '../../cli/command.ts';

export const pruneCommand: CommandDef = {
  path: ['network', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
};
