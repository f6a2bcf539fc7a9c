// `docker container`: the management command that groups the container subcommands.

import type { CommandDef } from '../../cli/command.ts';
import { attachCommand } from './attach.ts';
import { commitCommand } from './commit.ts';
import { cpCommand } from './cp.ts';
import { createCommand } from './create.ts';
import { diffCommand } from './diff.ts';
import { execCommand } from './exec.ts';
import { exportCommand } from './export.ts';
import { inspectCommand } from './inspect.ts';
import { killCommand } from './kill.ts';
import { logsCommand } from './logs.ts';
import { lsCommand } from './ls.ts';
import { pauseCommand } from './pause.ts';
import { portCommand } from './port.ts';
import { pruneCommand } from './prune.ts';
import { renameCommand } from './rename.ts';
import { restartCommand } from './restart.ts';
import { rmCommand } from './rm.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { statsCommand } from './stats.ts';
import { stopCommand } from './stop.ts';
import { topCommand } from './top.ts';
import { unpauseCommand } from './unpause.ts';
import { updateCommand } from './update.ts';
import { waitCommand } from './wait.ts';

export const containerCommand: CommandDef = {
  path: ['container'],
  use: 'container',
  short: 'Manage containers',
  flags: [],
  subcommands: [attachCommand, commitCommand, cpCommand, createCommand, diffCommand, execCommand, exportCommand, inspectCommand, killCommand, logsCommand, lsCommand, pauseCommand, portCommand, pruneCommand, renameCommand, restartCommand, rmCommand, runCommand, startCommand, statsCommand, stopCommand, topCommand, unpauseCommand, updateCommand, waitCommand],
};
