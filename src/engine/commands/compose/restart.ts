// `docker compose restart`: restart service containers (declared as docker/compose v2.36 cmd/compose/restart.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeRestart } from '../../compose/run/lifecycle.ts';

export const restartCommand: CommandDef = {
  path: ['compose', 'restart'],
  use: 'restart [OPTIONS] [SERVICE...]',
  short: 'Restart service containers',
  flags: composeFlags([
    { name: 'no-deps', kind: 'bool', type: '', usage: "Don't restart dependent services" },
    { name: 'timeout', shorthand: 't', kind: 'int', type: 'int', usage: 'Specify a shutdown timeout in seconds' },
  ]),
  supportedFlags: ['timeout'],
  run: runComposeRestart,
};
