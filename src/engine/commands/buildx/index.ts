// `docker buildx`: the buildx CLI plugin (0.24, as shipped with Docker 28.2) — its root, its conventions and the commands it lists.

import type { CommandDef } from '../../cli/command.ts';
import { buildCommand } from './build.ts';
import { BUILDX_ROOT_FLAGS, buildxFlags } from './root-flags.ts';

/** A buildx command outside the course: named and summarised for help, refused plainly when run. */
function outline(path: string[], short: string, extra: Partial<CommandDef> = {}): CommandDef {
  return { path: ['buildx', ...path], use: path.at(-1)!, short, flags: buildxFlags([]), outline: true, ...extra };
}

const historyCommand: CommandDef = {
  path: ['buildx', 'history'],
  use: 'history',
  short: 'Commands to work on build records',
  flags: buildxFlags([]),
  subcommands: [
    outline(['history', 'export'], 'Export build records into Docker Desktop bundle'),
    outline(['history', 'import'], 'Import build records into Docker Desktop'),
    outline(['history', 'inspect'], 'Inspect a build record'),
    outline(['history', 'logs'], 'Print the logs of a build record'),
    outline(['history', 'ls'], 'List build records'),
    outline(['history', 'open'], 'Open a build record in Docker Desktop'),
    outline(['history', 'rm'], 'Remove build records'),
    outline(['history', 'trace'], 'Show the OpenTelemetry trace of a build record'),
  ],
};

const imagetoolsCommand: CommandDef = {
  path: ['buildx', 'imagetools'],
  use: 'imagetools',
  short: 'Commands to work on images in registry',
  flags: buildxFlags([]),
  subcommands: [
    outline(['imagetools', 'create'], 'Create a new image based on source images'),
    outline(['imagetools', 'inspect'], 'Show details of an image in the registry'),
  ],
};

export const buildxCommand: CommandDef = {
  path: ['buildx'],
  use: 'buildx',
  short: 'Docker Buildx',
  long: 'Extended build capabilities with BuildKit',
  plugin: true,
  pluginConventions: {
    flagErrors: 'docker',
    descriptionFirst: true,
    helpFooter: 'Experimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.',
    unknownCommand: (word) => `ERROR: unknown command: "${word}"`,
  },
  flags: BUILDX_ROOT_FLAGS,
  subcommands: [
    outline(['bake'], 'Build from a file', { use: 'bake [OPTIONS] [TARGET...]', aliases: ['docker buildx bake', 'docker buildx f'] }),
    buildCommand,
    outline(['create'], 'Create a new builder instance', { use: 'create [OPTIONS] [CONTEXT|ENDPOINT]' }),
    outline(['dial-stdio'], 'Proxy current stdio streams to builder instance'),
    outline(['du'], 'Disk usage'),
    historyCommand,
    imagetoolsCommand,
    outline(['inspect'], 'Inspect current builder instance', { use: 'inspect [NAME]' }),
    outline(['install'], "Install buildx as a 'docker builder' alias", { hidden: true }),
    outline(['ls'], 'List builder instances'),
    outline(['prune'], 'Remove build cache'),
    outline(['rm'], 'Remove one or more builder instances', { use: 'rm [OPTIONS] [NAME] [NAME...]' }),
    outline(['stop'], 'Stop builder instance', { use: 'stop [NAME]' }),
    outline(['uninstall'], "Uninstall the 'docker builder' alias", { hidden: true }),
    outline(['use'], 'Set the current builder instance', { use: 'use [OPTIONS] NAME' }),
    outline(['version'], 'Show buildx version information'),
  ],
};
