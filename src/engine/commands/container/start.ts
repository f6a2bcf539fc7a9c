// `docker container start` (`docker start`): start one or more stopped containers.

import type { CommandDef } from '../../cli/command.ts';

export const startCommand: CommandDef = {
  path: ['container', 'start'],
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['docker container start', 'docker start'],
  short: 'Start one or more stopped containers',
  args: { min: 1 },
  flags: [
    { name: 'attach', shorthand: 'a', kind: 'bool', type: '', usage: 'Attach STDOUT/STDERR and forward signals' },
    { name: 'checkpoint', kind: 'string', type: 'string', usage: 'Restore from this checkpoint', requires: { experimental: true } },
    { name: 'checkpoint-dir', kind: 'string', type: 'string', usage: 'Use a custom checkpoint storage directory', requires: { experimental: true } },
    { name: 'detach-keys', kind: 'string', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'interactive', shorthand: 'i', kind: 'bool', type: '', usage: "Attach container's STDIN" },
  ],
};
