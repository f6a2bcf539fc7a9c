// `docker container logs` (`docker logs`): fetch the logs of a container.

import type { CommandDef } from '../../cli/command.ts';

export const logsCommand: CommandDef = {
  path: ['container', 'logs'],
  use: 'logs [OPTIONS] CONTAINER',
  aliases: ['docker container logs', 'docker logs'],
  short: 'Fetch the logs of a container',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'details', kind: 'bool', type: '', usage: 'Show extra details provided to logs' },
    { name: 'follow', shorthand: 'f', kind: 'bool', type: '', usage: 'Follow log output' },
    { name: 'since', kind: 'string', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'tail', shorthand: 'n', kind: 'string', type: 'string', usage: 'Number of lines to show from the end of the logs', defaultText: '"all"', defaultValue: 'all' },
    { name: 'timestamps', shorthand: 't', kind: 'bool', type: '', usage: 'Show timestamps' },
    { name: 'until', kind: 'string', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
};
