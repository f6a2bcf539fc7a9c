// `docker compose ps`: list containers (declared as docker/compose v2.36 cmd/compose/ps.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposePs } from '../../compose/run/ps.ts';

export const psCommand: CommandDef = {
  path: ['compose', 'ps'],
  use: 'ps [OPTIONS] [SERVICE...]',
  short: 'List containers',
  long: 'Lists containers for a Compose project, with current status and exposed ports.',
  flags: composeFlags([
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Show all stopped containers (including those created by the run command)' },
    { name: 'filter', kind: 'string', type: 'string', usage: 'Filter services by a property (supported filters: status)' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates", defaultText: '"table"', defaultValue: "table" },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
    { name: 'orphans', kind: 'bool', type: '', usage: 'Include orphaned services (not declared by project)', defaultText: 'true', defaultValue: true },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display IDs' },
    { name: 'services', kind: 'bool', type: '', usage: 'Display services' },
    { name: 'status', kind: 'list', type: 'stringArray', usage: 'Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]' },
  ]),
  supportedFlags: ['all', 'no-trunc', 'quiet', 'services', 'status'],
  run: runComposePs,
};
