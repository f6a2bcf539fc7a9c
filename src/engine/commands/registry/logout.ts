// `docker logout`: log out from a registry.

import type { CommandDef } from '../../cli/command.ts';

export const logoutCommand: CommandDef = {
  path: ['logout'],
  use: 'logout [SERVER]',
  short: 'Log out from a registry',
  topRank: 9,
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  args: { max: 1 },
  flags: [],
};
