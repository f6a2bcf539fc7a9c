// `docker` itself: the global options and every top-level command, shortcuts included, as `docker --help` lists them — with the buildx and compose plugins, as installed with Docker 28.2.2.

import type { CommandDef } from '../cli/command.ts';
import { shortcut } from '../cli/shortcut.ts';
import { containerCommand } from './container/index.ts';
import { attachCommand } from './container/attach.ts';
import { commitCommand } from './container/commit.ts';
import { cpCommand } from './container/cp.ts';
import { createCommand } from './container/create.ts';
import { diffCommand } from './container/diff.ts';
import { execCommand } from './container/exec.ts';
import { exportCommand } from './container/export.ts';
import { killCommand } from './container/kill.ts';
import { logsCommand } from './container/logs.ts';
import { lsCommand as containerLsCommand } from './container/ls.ts';
import { pauseCommand } from './container/pause.ts';
import { portCommand } from './container/port.ts';
import { renameCommand } from './container/rename.ts';
import { restartCommand } from './container/restart.ts';
import { rmCommand as containerRmCommand } from './container/rm.ts';
import { runCommand } from './container/run.ts';
import { startCommand } from './container/start.ts';
import { statsCommand } from './container/stats.ts';
import { stopCommand } from './container/stop.ts';
import { topCommand } from './container/top.ts';
import { unpauseCommand } from './container/unpause.ts';
import { updateCommand } from './container/update.ts';
import { waitCommand } from './container/wait.ts';
import { imageCommand } from './image/index.ts';
import { buildCommand } from './image/build.ts';
import { historyCommand } from './image/history.ts';
import { importCommand } from './image/import.ts';
import { loadCommand } from './image/load.ts';
import { lsCommand as imageLsCommand } from './image/ls.ts';
import { pullCommand } from './image/pull.ts';
import { pushCommand } from './image/push.ts';
import { rmCommand as imageRmCommand } from './image/rm.ts';
import { saveCommand } from './image/save.ts';
import { tagCommand } from './image/tag.ts';
import { networkCommand } from './network/index.ts';
import { volumeCommand } from './volume/index.ts';
import { systemCommand } from './system/index.ts';
import { eventsCommand } from './system/events.ts';
import { infoCommand } from './system/info.ts';
import { inspectCommand } from './system/inspect.ts';
import { versionCommand } from './system/version.ts';
import { loginCommand } from './registry/login.ts';
import { logoutCommand } from './registry/logout.ts';
import { searchCommand } from './registry/search.ts';
import { buildxCommand } from './buildx/index.ts';
import { composeCommand } from './compose/index.ts';
import {
  builderCommand,
  checkpointCommand,
  completionCommand,
  configCommand,
  contextCommand,
  manifestCommand,
  nodeCommand,
  pluginCommand,
  secretCommand,
  serviceCommand,
  stackCommand,
  swarmCommand,
  trustCommand,
} from './outlines.ts';

/** The client alone, without CLI plugins: what the recorded fixtures show (and `docker build` warns about the legacy builder). */
export const classicDockerRoot: CommandDef = {
  path: [],
  use: 'docker [OPTIONS] COMMAND [ARG...]',
  short: 'A self-sufficient runtime for containers',
  flags: [
    { name: 'config', kind: 'string', type: 'string', usage: 'Location of client config files', defaultText: '"$HOME/.docker"' },
    {
      name: 'context',
      shorthand: 'c',
      kind: 'string',
      type: 'string',
      usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
    },
    { name: 'debug', shorthand: 'D', kind: 'bool', type: '', usage: 'Enable debug mode' },
    { name: 'host', shorthand: 'H', kind: 'list', type: 'list', usage: 'Daemon socket to connect to' },
    {
      name: 'log-level',
      shorthand: 'l',
      kind: 'string',
      type: 'string',
      usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")',
      defaultText: '"info"',
      defaultValue: 'info',
    },
    { name: 'tls', kind: 'bool', type: '', usage: 'Use TLS; implied by --tlsverify' },
    { name: 'tlscacert', kind: 'string', type: 'string', usage: 'Trust certs signed only by this CA', defaultText: '"$HOME/.docker/ca.pem"' },
    { name: 'tlscert', kind: 'string', type: 'string', usage: 'Path to TLS certificate file', defaultText: '"$HOME/.docker/cert.pem"' },
    { name: 'tlskey', kind: 'string', type: 'string', usage: 'Path to TLS key file', defaultText: '"$HOME/.docker/key.pem"' },
    { name: 'tlsverify', kind: 'bool', type: '', usage: 'Use TLS and verify the remote' },
    { name: 'version', shorthand: 'v', kind: 'bool', type: '', usage: 'Print version information and quit' },
  ],
  // Global options a simulated command honours: the others would reach another daemon or set up TLS.
  supportedFlags: ['debug', 'log-level'],
  subcommands: [
    // Common Commands, in Docker's order.
    shortcut(runCommand, ['run'], { topRank: 1 }),
    shortcut(execCommand, ['exec'], { topRank: 2 }),
    shortcut(containerLsCommand, ['ps'], { topRank: 3 }),
    shortcut(buildCommand, ['build'], { topRank: 4 }),
    shortcut(pullCommand, ['pull'], { topRank: 5 }),
    shortcut(pushCommand, ['push'], { topRank: 6 }),
    shortcut(imageLsCommand, ['images'], { topRank: 7 }),
    loginCommand,
    logoutCommand,
    searchCommand,
    versionCommand,
    shortcut(infoCommand, ['info'], { topRank: 12 }),
    // Management and swarm commands.
    builderCommand,
    checkpointCommand,
    containerCommand,
    contextCommand,
    imageCommand,
    manifestCommand,
    networkCommand,
    pluginCommand,
    systemCommand,
    trustCommand,
    volumeCommand,
    configCommand,
    nodeCommand,
    secretCommand,
    serviceCommand,
    stackCommand,
    swarmCommand,
    // The other shortcuts and top-level commands.
    shortcut(attachCommand, ['attach']),
    shortcut(commitCommand, ['commit']),
    shortcut(cpCommand, ['cp']),
    shortcut(createCommand, ['create']),
    shortcut(diffCommand, ['diff']),
    shortcut(eventsCommand, ['events']),
    shortcut(exportCommand, ['export']),
    shortcut(historyCommand, ['history']),
    shortcut(importCommand, ['import']),
    inspectCommand,
    shortcut(killCommand, ['kill']),
    shortcut(loadCommand, ['load']),
    shortcut(logsCommand, ['logs']),
    shortcut(pauseCommand, ['pause']),
    shortcut(portCommand, ['port']),
    shortcut(renameCommand, ['rename']),
    shortcut(restartCommand, ['restart']),
    shortcut(containerRmCommand, ['rm']),
    shortcut(imageRmCommand, ['rmi']),
    shortcut(saveCommand, ['save']),
    shortcut(startCommand, ['start']),
    shortcut(statsCommand, ['stats']),
    shortcut(stopCommand, ['stop']),
    shortcut(tagCommand, ['tag']),
    shortcut(topCommand, ['top']),
    shortcut(unpauseCommand, ['unpause']),
    shortcut(updateCommand, ['update']),
    shortcut(waitCommand, ['wait']),
    completionCommand,
  ],
};

/**
 * docker/cli's own `bake` (28.x): listed, and shown by `docker help bake`, only once buildx is
 * installed; running it runs `docker buildx bake`.
 */
const bakeCommand: CommandDef = {
  path: ['bake'],
  use: 'bake [OPTIONS] [TARGET...]',
  aliases: ['docker buildx bake'],
  short: 'Build from a file',
  flags: [],
  topRank: 4.5,
};

/**
 * The client's own declarations of the build commands stay for `docker help build` and friends,
 * but with buildx installed the client forwards them to `docker buildx build`: their run is never
 * reached here (dispatch.ts forwardToBuilder).
 */
function withoutClientBuilds(def: CommandDef): CommandDef {
  const target = def.shortcutOf ?? def;
  if (target === buildCommand) return { ...def, run: undefined, shortcutOf: def.shortcutOf ? { ...buildCommand, run: undefined } : undefined };
  if (!def.subcommands) return def;
  return { ...def, subcommands: def.subcommands.map(withoutClientBuilds) };
}

/** A standard Docker 28.2.2 install (Docker Desktop or docker-ce): the client with the buildx and compose plugins. */
export const dockerRoot: CommandDef = withoutClientBuilds({
  ...classicDockerRoot,
  subcommands: [bakeCommand, ...classicDockerRoot.subcommands!, buildxCommand, composeCommand],
});
