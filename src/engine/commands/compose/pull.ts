// `docker compose pull`: pull service images (declared as docker/compose v2.36 cmd/compose/pull.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposePull } from '../../compose/run/pull.ts';

export const pullCommand: CommandDef = {
  path: ['compose', 'pull'],
  use: 'pull [OPTIONS] [SERVICE...]',
  short: 'Pull service images',
  flags: composeFlags([
    { name: 'ignore-buildable', kind: 'bool', type: '', usage: 'Ignore images that can be built' },
    { name: 'ignore-pull-failures', kind: 'bool', type: '', usage: 'Pull what it can and ignores images with pull failures' },
    { name: 'include-deps', kind: 'bool', type: '', usage: 'Also pull services declared as dependencies' },
    { name: 'policy', kind: 'string', type: 'string', usage: 'Apply pull policy ("missing"|"always")' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Pull without printing progress information' },
    { name: 'no-parallel', kind: 'bool', type: '', usage: 'DEPRECATED disable parallel pulling', defaultText: 'true', defaultValue: true, hidden: true },
    { name: 'parallel', kind: 'bool', type: '', usage: 'DEPRECATED pull multiple images in parallel', defaultText: 'true', defaultValue: true, hidden: true },
  ]),
  supportedFlags: ['ignore-pull-failures', 'quiet'],
  run: runComposePull,
};
