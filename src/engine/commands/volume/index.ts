// `docker volume`: the management command that groups the volume subcommands.

import type { CommandDef } from '../../cli/command.ts';
import { createCommand } from './create.ts';
import { inspectCommand } from './inspect.ts';
import { lsCommand } from './ls.ts';
import { pruneCommand } from './prune.ts';
import { rmCommand } from './rm.ts';
import { updateCommand } from './update.ts';

export const volumeCommand: CommandDef = {
  path: ['volume'],
  use: 'volume COMMAND',
  short: 'Manage volumes',
  flags: [],
  subcommands: [createCommand, inspectCommand, lsCommand, pruneCommand, rmCommand, updateCommand],
};
