// `docker compose config`: parse, resolve and render compose file in canonical format (declared as docker/compose v2.36 cmd/compose/config.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeConfig } from '../../compose/run/config.ts';

export const configCommand: CommandDef = {
  path: ['compose', 'config'],
  use: 'config [OPTIONS] [SERVICE...]',
  aliases: ["docker compose config", "docker compose convert"],
  short: 'Parse, resolve and render compose file in canonical format',
  flags: composeFlags([
    { name: 'environment', kind: 'bool', type: '', usage: 'Print environment used for interpolation.' },
    { name: 'format', kind: 'string', type: 'string', usage: 'Format the output. Values: [yaml | json]', defaultText: '"yaml"', defaultValue: "yaml" },
    { name: 'hash', kind: 'string', type: 'string', usage: 'Print the service config hash, one per line.' },
    { name: 'images', kind: 'bool', type: '', usage: 'Print the image names, one per line.' },
    { name: 'lock-image-digests', kind: 'bool', type: '', usage: 'Produces an override file with image digests' },
    { name: 'no-consistency', kind: 'bool', type: '', usage: "Don't check model consistency - warning: may produce invalid Compose output" },
    { name: 'no-env-resolution', kind: 'bool', type: '', usage: "Don't resolve service env files" },
    { name: 'no-interpolate', kind: 'bool', type: '', usage: "Don't interpolate environment variables" },
    { name: 'no-normalize', kind: 'bool', type: '', usage: "Don't normalize compose model" },
    { name: 'no-path-resolution', kind: 'bool', type: '', usage: "Don't resolve file paths" },
    { name: 'output', shorthand: 'o', kind: 'string', type: 'string', usage: 'Save to file (default to stdout)' },
    { name: 'profiles', kind: 'bool', type: '', usage: 'Print the profile names, one per line.' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: "Only validate the configuration, don't print anything" },
    { name: 'resolve-image-digests', kind: 'bool', type: '', usage: 'Pin image tags to digests' },
    { name: 'services', kind: 'bool', type: '', usage: 'Print the service names, one per line.' },
    { name: 'variables', kind: 'bool', type: '', usage: 'Print model variables and default values.' },
    { name: 'volumes', kind: 'bool', type: '', usage: 'Print the volume names, one per line.' },
  ]),
  supportedFlags: ['quiet', 'services', 'volumes'],
  run: runComposeConfig,
};
