// `docker compose logs`: view output from containers (declared as docker/compose v2.36 cmd/compose/logs.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeLogs } from '../../compose/run/logs.ts';

export const logsCommand: CommandDef = {
  path: ['compose', 'logs'],
  use: 'logs [OPTIONS] [SERVICE...]',
  short: 'View output from containers',
  flags: composeFlags([
    { name: 'follow', shorthand: 'f', kind: 'bool', type: '', usage: 'Follow log output' },
    { name: 'index', kind: 'int', type: 'int', usage: 'index of the container if service has multiple replicas' },
    { name: 'no-color', kind: 'bool', type: '', usage: 'Produce monochrome output' },
    { name: 'no-log-prefix', kind: 'bool', type: '', usage: "Don't print prefix in logs" },
    { name: 'since', kind: 'string', type: 'string', usage: 'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
    { name: 'tail', shorthand: 'n', kind: 'string', type: 'string', usage: 'Number of lines to show from the end of the logs for each container', defaultText: '"all"', defaultValue: "all" },
    { name: 'timestamps', shorthand: 't', kind: 'bool', type: '', usage: 'Show timestamps' },
    { name: 'until', kind: 'string', type: 'string', usage: 'Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
  ]),
  supportedFlags: ['follow', 'no-color', 'no-log-prefix', 'tail', 'timestamps'],
  run: runComposeLogs,
};
