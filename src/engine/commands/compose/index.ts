// `docker compose`: the Compose v2 CLI plugin (v2.36.2, as shipped with Docker 28.2.2) — its root options, conventions and subcommands (cmd/compose/compose.go).

import type { CommandDef } from '../../cli/command.ts';
import { alphaCommand } from './alpha.ts';
import { attachCommand } from './attach.ts';
import { bridgeCommand } from './bridge.ts';
import { buildCommand } from './build.ts';
import { commitCommand } from './commit.ts';
import { configCommand } from './config.ts';
import { cpCommand } from './cp.ts';
import { createCommand } from './create.ts';
import { downCommand } from './down.ts';
import { eventsCommand } from './events.ts';
import { execCommand } from './exec.ts';
import { exportCommand } from './export.ts';
import { imagesCommand } from './images.ts';
import { killCommand } from './kill.ts';
import { logsCommand } from './logs.ts';
import { lsCommand } from './ls.ts';
import { pauseCommand } from './pause.ts';
import { portCommand } from './port.ts';
import { psCommand } from './ps.ts';
import { publishCommand } from './publish.ts';
import { pullCommand } from './pull.ts';
import { pushCommand } from './push.ts';
import { restartCommand } from './restart.ts';
import { rmCommand } from './rm.ts';
import { runCommand } from './run.ts';
import { scaleCommand } from './scale.ts';
import { DRY_RUN_FLAG } from './shared.ts';
import { startCommand } from './start.ts';
import { statsCommand } from './stats.ts';
import { stopCommand } from './stop.ts';
import { topCommand } from './top.ts';
import { unpauseCommand } from './unpause.ts';
import { upCommand } from './up.ts';
import { versionCommand } from './version.ts';
import { waitCommand } from './wait.ts';
import { watchCommand } from './watch.ts';

/** The version `docker compose version` reports on a Docker 28.2.2 install. */
export const COMPOSE_VERSION = 'v2.36.2';

export const composeCommand: CommandDef = {
  path: ['compose'],
  use: 'compose',
  // The plugin's metadata ShortDescription, which `docker --help` lists; its own help shows Long.
  short: 'Docker Compose',
  long: 'Define and run multi-container applications with Docker',
  plugin: true,
  pluginConventions: {
    // cmd/main.go: SetFlagErrorFunc returns StatusError{StatusCode: 1, Status: err.Error()}.
    flagErrors: 'plain',
    unknownCommand: (word) => `unknown docker command: "compose ${word}"`,
  },
  flags: [
    { name: 'all-resources', kind: 'bool', type: '', usage: 'Include all resources, even those not used by services' },
    { name: 'ansi', kind: 'string', type: 'string', usage: 'Control when to print ANSI control characters ("never"|"always"|"auto")', defaultText: '"auto"', defaultValue: 'auto' },
    { name: 'compatibility', kind: 'bool', type: '', usage: 'Run compose in backward compatibility mode' },
    DRY_RUN_FLAG,
    { name: 'env-file', kind: 'list', type: 'stringArray', usage: 'Specify an alternate environment file' },
    { name: 'file', shorthand: 'f', kind: 'list', type: 'stringArray', usage: 'Compose configuration files' },
    { name: 'parallel', kind: 'int', type: 'int', usage: 'Control max parallelism, -1 for unlimited', defaultText: '-1', defaultValue: -1 },
    { name: 'profile', kind: 'list', type: 'stringArray', usage: 'Specify a profile to enable' },
    { name: 'progress', kind: 'string', type: 'string', usage: 'Set type of progress output (auto, tty, plain, json, quiet)', envDefault: 'COMPOSE_PROGRESS' },
    { name: 'project-directory', kind: 'string', type: 'string', usage: 'Specify an alternate working directory\n(default: the path of the, first specified, Compose file)' },
    { name: 'project-name', shorthand: 'p', kind: 'string', type: 'string', usage: 'Project name' },
    { name: 'version', shorthand: 'v', kind: 'bool', type: '', usage: 'Show the Docker Compose version information', hidden: true },
    { name: 'no-ansi', kind: 'bool', type: '', usage: 'Do not print ANSI control characters (DEPRECATED)', hidden: true },
    { name: 'verbose', kind: 'bool', type: '', usage: 'Show more output', hidden: true },
    {
      name: 'workdir',
      kind: 'string',
      type: 'string',
      usage: 'DEPRECATED! USE --project-directory INSTEAD.\nSpecify an alternate working directory\n(default: the path of the, first specified, Compose file)',
      hidden: true,
    },
  ],
  // The root options the simulated subcommands read (parentFlags); --dry-run, --parallel and the rest are refused.
  supportedFlags: ['ansi', 'env-file', 'file', 'profile', 'progress', 'project-directory', 'project-name'],
  // In compose.go's AddCommand order; help sorts them by name.
  subcommands: [
    upCommand,
    downCommand,
    startCommand,
    restartCommand,
    stopCommand,
    psCommand,
    lsCommand,
    logsCommand,
    configCommand,
    killCommand,
    runCommand,
    rmCommand,
    execCommand,
    attachCommand,
    exportCommand,
    commitCommand,
    pauseCommand,
    unpauseCommand,
    topCommand,
    eventsCommand,
    portCommand,
    imagesCommand,
    versionCommand,
    buildCommand,
    pushCommand,
    pullCommand,
    createCommand,
    cpCommand,
    waitCommand,
    scaleCommand,
    statsCommand,
    watchCommand,
    publishCommand,
    alphaCommand,
    bridgeCommand,
  ],
};
