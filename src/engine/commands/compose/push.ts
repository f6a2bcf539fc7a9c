// `docker compose push`: push service images (declared as docker/compose v2.36 cmd/compose/push.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const pushCommand: CommandDef = {
  path: ['compose', 'push'],
  use: 'push [OPTIONS] [SERVICE...]',
  short: 'Push service images',
  flags: composeFlags([
    { name: 'ignore-push-failures', kind: 'bool', type: '', usage: 'Push what it can and ignores images with push failures' },
    { name: 'include-deps', kind: 'bool', type: '', usage: 'Also push images of services declared as dependencies' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Push without printing progress information' },
  ]),
};
