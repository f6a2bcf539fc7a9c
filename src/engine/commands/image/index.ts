// `docker image`: the management command that groups the image subcommands.

import type { CommandDef } from '../../cli/command.ts';
import { buildCommand } from './build.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { inspectCommand } from './inspect.ts';
import { loadCommand } from './load.ts';
import { lsCommand } from './ls.ts';
import { pruneCommand } from './prune.ts';
import { pullCommand } from './pull.ts';
import { pushCommand } from './push.ts';
import { rmCommand } from './rm.ts';
import { saveCommand } from './save.ts';
import { tagCommand } from './tag.ts';

export const imageCommand: CommandDef = {
  path: ['image'],
  use: 'image',
  short: 'Manage images',
  flags: [],
  subcommands: [buildCommand, historyCommand, importCommand, inspectCommand, loadCommand, lsCommand, pruneCommand, pullCommand, pushCommand, rmCommand, saveCommand, tagCommand],
};
