// `docker compose create`: creates containers for a service (declared as docker/compose v2.36 cmd/compose/create.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const createCommand: CommandDef = {
  path: ['compose', 'create'],
  use: 'create [OPTIONS] [SERVICE...]',
  short: 'Creates containers for a service',
  flags: composeFlags([
    { name: 'build', kind: 'bool', type: '', usage: 'Build images before starting containers' },
    { name: 'force-recreate', kind: 'bool', type: '', usage: "Recreate containers even if their configuration and image haven't changed" },
    { name: 'no-build', kind: 'bool', type: '', usage: "Don't build an image, even if it's policy" },
    { name: 'no-recreate', kind: 'bool', type: '', usage: "If containers already exist, don't recreate them. Incompatible with --force-recreate." },
    { name: 'pull', kind: 'string', type: 'string', usage: 'Pull image before running ("always"|"missing"|"never"|"build")', defaultText: '"policy"', defaultValue: "policy" },
    { name: 'quiet-pull', kind: 'bool', type: '', usage: 'Pull without printing progress information' },
    { name: 'remove-orphans', kind: 'bool', type: '', usage: 'Remove containers for services not defined in the Compose file' },
    { name: 'scale', kind: 'list', type: 'stringArray', usage: 'Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.' },
    { name: 'yes', shorthand: 'y', kind: 'bool', type: '', usage: 'Assume "yes" as answer to all prompts and run non-interactively' },
  ]),
};
