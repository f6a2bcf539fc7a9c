// `docker system`: the management command that groups the system subcommands.

import type { CommandDef } from '../../cli/command.ts';
import { dfCommand } from './df.ts';
import { eventsCommand } from './events.ts';
import { infoCommand } from './info.ts';
import { pruneCommand } from './prune.ts';

export const systemCommand: CommandDef = {
  path: ['system'],
  use: 'system',
  short: 'Manage Docker',
  flags: [],
  subcommands: [dfCommand, eventsCommand, infoCommand, pruneCommand],
};
