// Real Docker command groups outside the course, declared by name and summary only so that help lists them as Docker does.

import type { CommandDef } from '../cli/command.ts';
import { shortcut } from '../cli/shortcut.ts';
import { buildCommand } from './image/build.ts';

export const builderCommand: CommandDef = {
  path: ['builder'],
  use: 'builder',
  short: 'Manage builds',
  flags: [],
  subcommands: [
    shortcut(buildCommand, ['builder', 'build']),
    { path: ['builder', 'prune'], use: 'prune', short: 'Remove build cache', flags: [], outline: true },
  ],
};

export const checkpointCommand: CommandDef = {
  path: ['checkpoint'],
  use: 'checkpoint',
  short: 'Manage checkpoints',
  requires: { experimental: true },
  flags: [],
  subcommands: [
    { path: ['checkpoint', 'create'], use: 'create', short: 'Create a checkpoint from a running container', flags: [], outline: true },
    { path: ['checkpoint', 'ls'], use: 'ls', short: 'List checkpoints for a container', flags: [], outline: true },
    { path: ['checkpoint', 'rm'], use: 'rm', short: 'Remove a checkpoint', flags: [], outline: true },
  ],
};

export const contextCommand: CommandDef = {
  path: ['context'],
  use: 'context',
  short: 'Manage contexts',
  flags: [],
  subcommands: [
    { path: ['context', 'create'], use: 'create', short: 'Create a context', flags: [], outline: true },
    { path: ['context', 'export'], use: 'export', short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.', flags: [], outline: true },
    { path: ['context', 'import'], use: 'import', short: 'Import a context from a tar or zip file', flags: [], outline: true },
    { path: ['context', 'inspect'], use: 'inspect', short: 'Display detailed information on one or more contexts', flags: [], outline: true },
    { path: ['context', 'ls'], use: 'ls', short: 'List contexts', flags: [], outline: true },
    { path: ['context', 'rm'], use: 'rm', short: 'Remove one or more contexts', flags: [], outline: true },
    { path: ['context', 'show'], use: 'show', short: 'Print the name of the current context', flags: [], outline: true },
    { path: ['context', 'update'], use: 'update', short: 'Update a context', flags: [], outline: true },
    { path: ['context', 'use'], use: 'use', short: 'Set the current docker context', flags: [], outline: true },
  ],
};

export const manifestCommand: CommandDef = {
  path: ['manifest'],
  use: 'manifest',
  short: 'Manage Docker image manifests and manifest lists',
  long: 'The **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.',
  experimentalCli: true,
  flags: [],
  subcommands: [
    { path: ['manifest', 'annotate'], use: 'annotate', short: 'Add additional information to a local image manifest', flags: [], outline: true },
    { path: ['manifest', 'create'], use: 'create', short: 'Create a local manifest list for annotating and pushing to a registry', flags: [], outline: true },
    { path: ['manifest', 'inspect'], use: 'inspect', short: 'Display an image manifest, or manifest list', flags: [], outline: true },
    { path: ['manifest', 'push'], use: 'push', short: 'Push a manifest list to a repository', flags: [], outline: true },
    { path: ['manifest', 'rm'], use: 'rm', short: 'Delete one or more manifest lists from local storage', flags: [], outline: true },
  ],
};

export const pluginCommand: CommandDef = {
  path: ['plugin'],
  use: 'plugin',
  short: 'Manage plugins',
  flags: [],
  subcommands: [
    { path: ['plugin', 'create'], use: 'create', short: 'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.', flags: [], outline: true },
    { path: ['plugin', 'disable'], use: 'disable', short: 'Disable a plugin', flags: [], outline: true },
    { path: ['plugin', 'enable'], use: 'enable', short: 'Enable a plugin', flags: [], outline: true },
    { path: ['plugin', 'inspect'], use: 'inspect', short: 'Display detailed information on one or more plugins', flags: [], outline: true },
    { path: ['plugin', 'install'], use: 'install', short: 'Install a plugin', flags: [], outline: true },
    { path: ['plugin', 'ls'], use: 'ls', short: 'List plugins', flags: [], outline: true },
    { path: ['plugin', 'push'], use: 'push', short: 'Push a plugin to a registry', flags: [], outline: true },
    { path: ['plugin', 'rm'], use: 'rm', short: 'Remove one or more plugins', flags: [], outline: true },
    { path: ['plugin', 'set'], use: 'set', short: 'Change settings for a plugin', flags: [], outline: true },
    { path: ['plugin', 'upgrade'], use: 'upgrade', short: 'Upgrade an existing plugin', flags: [], outline: true },
  ],
};

export const trustCommand: CommandDef = {
  path: ['trust'],
  use: 'trust',
  short: 'Manage trust on Docker images',
  flags: [],
  subcommands: [
    {
      path: ['trust', 'key'],
      use: 'key',
      short: 'Manage keys for signing Docker images',
      flags: [],
      subcommands: [
      { path: ['trust', 'key', 'generate'], use: 'generate', short: 'Generate and load a signing key-pair', flags: [], outline: true },
      { path: ['trust', 'key', 'load'], use: 'load', short: 'Load a private key file for signing', flags: [], outline: true },
      ],
    },
    {
      path: ['trust', 'signer'],
      use: 'signer',
      short: 'Manage entities who can sign Docker images',
      flags: [],
      subcommands: [
      { path: ['trust', 'signer', 'add'], use: 'add', short: 'Add a signer', flags: [], outline: true },
      { path: ['trust', 'signer', 'remove'], use: 'remove', short: 'Remove a signer', flags: [], outline: true },
      ],
    },
    { path: ['trust', 'inspect'], use: 'inspect', short: 'Return low-level information about keys and signatures', flags: [], outline: true },
    { path: ['trust', 'revoke'], use: 'revoke', short: 'Remove trust for an image', flags: [], outline: true },
    { path: ['trust', 'sign'], use: 'sign', short: 'Sign an image', flags: [], outline: true },
  ],
};

export const configCommand: CommandDef = {
  path: ['config'],
  use: 'config',
  short: 'Manage Swarm configs',
  swarmGroup: true,
  requires: { swarm: 'manager' },
  flags: [],
  subcommands: [
    { path: ['config', 'create'], use: 'create', short: 'Create a config from a file or STDIN', flags: [], outline: true },
    { path: ['config', 'inspect'], use: 'inspect', short: 'Display detailed information on one or more configs', flags: [], outline: true },
    { path: ['config', 'ls'], use: 'ls', short: 'List configs', flags: [], outline: true },
    { path: ['config', 'rm'], use: 'rm', short: 'Remove one or more configs', flags: [], outline: true },
  ],
};

export const nodeCommand: CommandDef = {
  path: ['node'],
  use: 'node',
  short: 'Manage Swarm nodes',
  swarmGroup: true,
  requires: { swarm: 'manager' },
  flags: [],
  subcommands: [
    { path: ['node', 'demote'], use: 'demote', short: 'Demote one or more nodes from manager in the swarm', flags: [], outline: true },
    { path: ['node', 'inspect'], use: 'inspect', short: 'Display detailed information on one or more nodes', flags: [], outline: true },
    { path: ['node', 'ls'], use: 'ls', short: 'List nodes in the swarm', flags: [], outline: true },
    { path: ['node', 'promote'], use: 'promote', short: 'Promote one or more nodes to manager in the swarm', flags: [], outline: true },
    { path: ['node', 'ps'], use: 'ps', short: 'List tasks running on one or more nodes, defaults to current node', flags: [], outline: true },
    { path: ['node', 'rm'], use: 'rm', short: 'Remove one or more nodes from the swarm', flags: [], outline: true },
    { path: ['node', 'update'], use: 'update', short: 'Update a node', flags: [], outline: true },
  ],
};

export const secretCommand: CommandDef = {
  path: ['secret'],
  use: 'secret',
  short: 'Manage Swarm secrets',
  swarmGroup: true,
  requires: { swarm: 'manager' },
  flags: [],
  subcommands: [
    { path: ['secret', 'create'], use: 'create', short: 'Create a secret from a file or STDIN as content', flags: [], outline: true },
    { path: ['secret', 'inspect'], use: 'inspect', short: 'Display detailed information on one or more secrets', flags: [], outline: true },
    { path: ['secret', 'ls'], use: 'ls', short: 'List secrets', flags: [], outline: true },
    { path: ['secret', 'rm'], use: 'rm', short: 'Remove one or more secrets', flags: [], outline: true },
  ],
};

export const serviceCommand: CommandDef = {
  path: ['service'],
  use: 'service',
  short: 'Manage Swarm services',
  swarmGroup: true,
  requires: { swarm: 'manager' },
  flags: [],
  subcommands: [
    { path: ['service', 'create'], use: 'create', short: 'Create a new service', flags: [], outline: true },
    { path: ['service', 'inspect'], use: 'inspect', short: 'Display detailed information on one or more services', flags: [], outline: true },
    { path: ['service', 'logs'], use: 'logs', short: 'Fetch the logs of a service or task', flags: [], outline: true },
    { path: ['service', 'ls'], use: 'ls', short: 'List services', flags: [], outline: true },
    { path: ['service', 'ps'], use: 'ps', short: 'List the tasks of one or more services', flags: [], outline: true },
    { path: ['service', 'rm'], use: 'rm', short: 'Remove one or more services', flags: [], outline: true },
    { path: ['service', 'rollback'], use: 'rollback', short: "Revert changes to a service's configuration", flags: [], outline: true },
    { path: ['service', 'scale'], use: 'scale', short: 'Scale one or multiple replicated services', flags: [], outline: true },
    { path: ['service', 'update'], use: 'update', short: 'Update a service', flags: [], outline: true },
  ],
};

export const stackCommand: CommandDef = {
  path: ['stack'],
  use: 'stack',
  short: 'Manage Swarm stacks',
  swarmGroup: true,
  requires: { swarm: 'manager' },
  flags: [],
  subcommands: [
    { path: ['stack', 'config'], use: 'config', short: 'Outputs the final config file, after doing merges and interpolations', flags: [], outline: true },
    { path: ['stack', 'deploy'], use: 'deploy', short: 'Deploy a new stack or update an existing stack', flags: [], outline: true },
    { path: ['stack', 'ls'], use: 'ls', short: 'List stacks', flags: [], outline: true },
    { path: ['stack', 'ps'], use: 'ps', short: 'List the tasks in the stack', flags: [], outline: true },
    { path: ['stack', 'rm'], use: 'rm', short: 'Remove one or more stacks', flags: [], outline: true },
    { path: ['stack', 'services'], use: 'services', short: 'List the services in the stack', flags: [], outline: true },
  ],
};

export const swarmCommand: CommandDef = {
  path: ['swarm'],
  use: 'swarm',
  short: 'Manage Swarm',
  swarmGroup: true,
  flags: [],
  subcommands: [
    { path: ['swarm', 'ca'], use: 'ca', short: 'Display and rotate the root CA', flags: [], outline: true, requires: { swarm: 'manager' } },
    { path: ['swarm', 'init'], use: 'init', short: 'Initialize a swarm', flags: [], outline: true },
    { path: ['swarm', 'join'], use: 'join', short: 'Join a swarm as a node and/or manager', flags: [], outline: true },
    { path: ['swarm', 'join-token'], use: 'join-token', short: 'Manage join tokens', flags: [], outline: true, requires: { swarm: 'manager' } },
    { path: ['swarm', 'leave'], use: 'leave', short: 'Leave the swarm', flags: [], outline: true, requires: { swarm: 'active' } },
    { path: ['swarm', 'unlock'], use: 'unlock', short: 'Unlock swarm', flags: [], outline: true, requires: { swarm: 'manager' } },
    { path: ['swarm', 'unlock-key'], use: 'unlock-key', short: 'Manage the unlock key', flags: [], outline: true, requires: { swarm: 'manager' } },
    { path: ['swarm', 'update'], use: 'update', short: 'Update the swarm', flags: [], outline: true, requires: { swarm: 'manager' } },
  ],
};

/** cobra's hidden `docker completion`: never listed, but a real command. */
export const completionCommand: CommandDef = {
  path: ['completion'],
  use: 'completion',
  short: 'Generate the autocompletion script for the specified shell',
  flags: [],
  hidden: true,
  outline: true,
};
