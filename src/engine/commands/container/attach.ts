// `docker container attach` (`docker attach`): attach local standard input, output, and error streams to a running container.

import type { CommandDef } from '../../cli/command.ts';

export const attachCommand: CommandDef = {
  path: ['container', 'attach'],
  use: 'attach [OPTIONS] CONTAINER',
  aliases: ['docker container attach', 'docker attach'],
  short: 'Attach local standard input, output, and error streams to a running container',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', kind: 'bool', type: '', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', kind: 'bool', type: '', usage: 'Proxy all received signals to the process', defaultText: 'true', defaultValue: true },
  ],
};
