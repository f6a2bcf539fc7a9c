// `docker container exec` (`docker exec`): execute a command in a running container.

import type { CommandDef } from '../../cli/command.ts';

export const execCommand: CommandDef = {
  path: ['container', 'exec'],
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  aliases: ['docker container exec', 'docker exec'],
  short: 'Execute a command in a running container',
  args: { min: 2 },
  stopAtFirstArg: true,
  flags: [
    { name: 'detach', shorthand: 'd', kind: 'bool', type: '', usage: 'Detached mode: run command in the background' },
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'env', shorthand: 'e', kind: 'list', type: 'list', usage: 'Set environment variables' },
    { name: 'env-file', kind: 'list', type: 'list', usage: 'Read in a file of environment variables' },
    { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', kind: 'bool', type: '', usage: 'Give extended privileges to the command' },
    { name: 'tty', shorthand: 't', kind: 'bool', type: '', usage: 'Allocate a pseudo-TTY' },
    { name: 'user', shorthand: 'u', kind: 'string', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: 'workdir', shorthand: 'w', kind: 'string', type: 'string', usage: 'Working directory inside the container' },
  ],
};
