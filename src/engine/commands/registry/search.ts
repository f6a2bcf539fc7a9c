// `docker search`: search Docker Hub for images.

import type { CommandDef } from '../../cli/command.ts';

export const searchCommand: CommandDef = {
  path: ['search'],
  use: 'search [OPTIONS] TERM',
  short: 'Search Docker Hub for images',
  topRank: 10,
  args: { min: 1, max: 1 },
  flags: [
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Filter output based on conditions provided', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', kind: 'int', type: 'int', usage: 'Max number of search results' },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
  ],
};
