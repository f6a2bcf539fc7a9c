// `docker compose commit`: create a new image from a service container's changes (declared as docker/compose v2.36 cmd/compose/commit.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const commitCommand: CommandDef = {
  path: ['compose', 'commit'],
  use: 'commit [OPTIONS] SERVICE [REPOSITORY[:TAG]]',
  short: "Create a new image from a service container's changes",
  args: { min: 1, max: 2 },
  flags: composeFlags([
    { name: 'author', shorthand: 'a', kind: 'string', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: 'change', shorthand: 'c', kind: 'list', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'index', kind: 'int', type: 'int', usage: 'index of the container if service has multiple replicas.' },
    { name: 'message', shorthand: 'm', kind: 'string', type: 'string', usage: 'Commit message' },
    { name: 'pause', shorthand: 'p', kind: 'bool', type: '', usage: 'Pause container during commit', defaultText: 'true', defaultValue: true },
  ]),
};
