// `docker compose stats`: display a live stream of container(s) resource usage statistics (declared as docker/compose v2.36 cmd/compose/stats.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const statsCommand: CommandDef = {
  path: ['compose', 'stats'],
  use: 'stats [OPTIONS] [SERVICE]',
  short: 'Display a live stream of container(s) resource usage statistics',
  args: { max: 1 },
  flags: composeFlags([
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Show all containers (default shows just running)' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/engine/cli/formatting/ for more information about formatting output with templates" },
    { name: 'no-stream', kind: 'bool', type: '', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', kind: 'bool', type: '', usage: 'Do not truncate output' },
  ]),
};
