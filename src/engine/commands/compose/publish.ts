// `docker compose publish`: publish compose application (declared as docker/compose v2.36 cmd/compose/publish.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

export const publishCommand: CommandDef = {
  path: ['compose', 'publish'],
  use: 'publish [OPTIONS] REPOSITORY[:TAG]',
  short: 'Publish compose application',
  args: { min: 1, max: 1 },
  flags: composeFlags([
    { name: 'oci-version', kind: 'string', type: 'string', usage: 'OCI image/artifact specification version (automatically determined by default)' },
    { name: 'resolve-image-digests', kind: 'bool', type: '', usage: 'Pin image tags to digests' },
    { name: 'with-env', kind: 'bool', type: '', usage: 'Include environment variables in the published OCI artifact' },
    { name: 'yes', shorthand: 'y', kind: 'bool', type: '', usage: 'Assume "yes" as answer to all prompts' },
  ]),
};
