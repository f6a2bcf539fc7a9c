// `docker compose run`: run a one-off command on a service (declared as docker/compose v2.36 cmd/compose/run.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeRun } from '../../compose/run/run.ts';

export const runCommand: CommandDef = {
  path: ['compose', 'run'],
  use: 'run [OPTIONS] SERVICE [COMMAND] [ARGS...]',
  short: 'Run a one-off command on a service',
  args: { min: 1 },
  stopAtFirstArg: true,
  flags: composeFlags([
    { name: 'build', kind: 'bool', type: '', usage: 'Build image before starting container' },
    { name: 'cap-add', kind: 'list', type: 'list', usage: 'Add Linux capabilities' },
    { name: 'cap-drop', kind: 'list', type: 'list', usage: 'Drop Linux capabilities' },
    { name: 'detach', shorthand: 'd', kind: 'bool', type: '', usage: 'Run container in background and print container ID' },
    { name: 'entrypoint', kind: 'string', type: 'string', usage: 'Override the entrypoint of the image' },
    { name: 'env', shorthand: 'e', kind: 'list', type: 'stringArray', usage: 'Set environment variables' },
    { name: 'env-from-file', kind: 'list', type: 'stringArray', usage: 'Set environment variables from file' },
    { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: 'Keep STDIN open even if not attached', defaultText: 'true', defaultValue: true },
    { name: 'label', shorthand: 'l', kind: 'list', type: 'stringArray', usage: 'Add or override a label' },
    { name: 'name', kind: 'string', type: 'string', usage: 'Assign a name to the container' },
    { name: 'no-TTY', shorthand: 'T', kind: 'bool', type: '', usage: 'Disable pseudo-TTY allocation (default: auto-detected)', trueWhenPiped: true },
    { name: 'no-deps', kind: 'bool', type: '', usage: "Don't start linked services" },
    { name: 'publish', shorthand: 'p', kind: 'list', type: 'stringArray', usage: "Publish a container's port(s) to the host" },
    { name: 'pull', kind: 'string', type: 'string', usage: 'Pull image before running ("always"|"missing"|"never")', defaultText: '"policy"', defaultValue: "policy" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: "Don't print anything to STDOUT" },
    { name: 'quiet-pull', kind: 'bool', type: '', usage: 'Pull without printing progress information' },
    { name: 'remove-orphans', kind: 'bool', type: '', usage: 'Remove containers for services not defined in the Compose file' },
    { name: 'rm', kind: 'bool', type: '', usage: 'Automatically remove the container when it exits' },
    { name: 'service-ports', shorthand: 'P', kind: 'bool', type: '', usage: "Run command with all service's ports enabled and mapped to the host" },
    { name: 'use-aliases', kind: 'bool', type: '', usage: "Use the service's network useAliases in the network(s) the container connects to" },
    { name: 'user', shorthand: 'u', kind: 'string', type: 'string', usage: 'Run as specified username or uid' },
    { name: 'volume', shorthand: 'v', kind: 'list', type: 'stringArray', usage: 'Bind mount a volume' },
    { name: 'workdir', shorthand: 'w', kind: 'string', type: 'string', usage: 'Working directory inside the container' },
    { name: 'tty', shorthand: 't', kind: 'bool', type: '', usage: 'Allocate a pseudo-TTY', defaultText: 'true', defaultValue: true, hidden: true },
  ]),
  supportedFlags: ['build', 'detach', 'entrypoint', 'env', 'name', 'no-deps', 'no-TTY', 'rm', 'service-ports', 'user', 'workdir', 'interactive', 'tty'],
  run: runComposeRun,
};
