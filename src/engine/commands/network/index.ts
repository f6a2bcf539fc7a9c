// `docker network`: the management command that groups the network subcommands.

import type { CommandDef } from '../../cli/command.ts';
import { connectCommand } from './connect.ts';
import { createCommand } from './create.ts';
import { disconnectCommand } from './disconnect.ts';
import { inspectCommand } from './inspect.ts';
import { lsCommand } from './ls.ts';
import { pruneCommand } from './prune.ts';
import { rmCommand } from './rm.ts';

export const networkCommand: CommandDef = {
  path: ['network'],
  use: 'network',
  short: 'Manage networks',
  flags: [],
  subcommands: [connectCommand, createCommand, disconnectCommand, inspectCommand, lsCommand, pruneCommand, rmCommand],
};
