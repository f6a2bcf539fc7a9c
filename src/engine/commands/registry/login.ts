// `docker login`: authenticate to a registry.

import type { CommandDef } from '../../cli/command.ts';

export const loginCommand: CommandDef = {
  path: ['login'],
  use: 'login [OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  topRank: 8,
  long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
  args: { max: 1 },
  flags: [
    { name: 'password', shorthand: 'p', kind: 'string', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
    { name: 'password-stdin', kind: 'bool', type: '', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
    { name: 'username', shorthand: 'u', kind: 'string', type: 'string', usage: 'Username' },
  ],
};
