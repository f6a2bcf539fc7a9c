// `docker compose exec`: execute a command in a running container (declared as docker/compose v2.36 cmd/compose/exec.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeExec } from '../../compose/run/exec.ts';

export const execCommand: CommandDef = {
  path: ['compose', 'exec'],
  use: 'exec [OPTIONS] SERVICE COMMAND [ARGS...]',
  short: 'Execute a command in a running container',
  args: { min: 2 },
  stopAtFirstArg: true,
  flags: composeFlags([
    { name: 'detach', shorthand: 'd', kind: 'bool', type: '', usage: 'Detached mode: Run command in the background' },
    { name: 'env', shorthand: 'e', kind: 'list', type: 'stringArray', usage: 'Set environment variables' },
    { name: 'index', kind: 'int', type: 'int', usage: 'Index of the container if service has multiple replicas' },
    { name: 'no-TTY', shorthand: 'T', kind: 'bool', type: '', usage: 'Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY.', trueWhenPiped: true },
    { name: 'privileged', kind: 'bool', type: '', usage: 'Give extended privileges to the process' },
    { name: 'user', shorthand: 'u', kind: 'string', type: 'string', usage: 'Run the command as this user' },
    { name: 'workdir', shorthand: 'w', kind: 'string', type: 'string', usage: 'Path to workdir directory for this command' },
    { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: 'Keep STDIN open even if not attached', defaultText: 'true', defaultValue: true, hidden: true },
    { name: 'tty', shorthand: 't', kind: 'bool', type: '', usage: 'Allocate a pseudo-TTY', defaultText: 'true', defaultValue: true, hidden: true },
  ]),
  supportedFlags: ['detach', 'env', 'index', 'no-TTY', 'user', 'workdir', 'interactive', 'tty'],
  run: runComposeExec,
};
