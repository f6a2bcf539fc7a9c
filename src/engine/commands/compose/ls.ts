// `docker compose ls`: list running compose projects (declared as docker/compose v2.36 cmd/compose/list.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeLs } from '../../compose/run/ls.ts';

export const lsCommand: CommandDef = {
  path: ['compose', 'ls'],
  use: 'ls [OPTIONS]',
  short: 'List running compose projects',
  args: { max: 0 },
  flags: composeFlags([
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Show all stopped Compose projects' },
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Filter output based on conditions provided', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: 'Format the output. Values: [table | json]', defaultText: '"table"', defaultValue: "table" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display project names' },
  ]),
  supportedFlags: ['all', 'quiet'],
  run: runComposeLs,
};
