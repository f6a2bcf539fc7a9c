// `docker compose build`: build or rebuild services (declared as docker/compose v2.36 cmd/compose/build.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeBuild } from '../../compose/run/build.ts';

export const buildCommand: CommandDef = {
  path: ['compose', 'build'],
  use: 'build [OPTIONS] [SERVICE...]',
  short: 'Build or rebuild services',
  flags: composeFlags([
    { name: 'build-arg', kind: 'list', type: 'stringArray', usage: 'Set build-time variables for services' },
    { name: 'builder', kind: 'string', type: 'string', usage: 'Set builder to use' },
    { name: 'check', kind: 'bool', type: '', usage: 'Check build configuration' },
    { name: 'memory', shorthand: 'm', kind: 'bytes', type: 'bytes', usage: 'Set memory limit for the build container. Not supported by BuildKit.' },
    { name: 'no-cache', kind: 'bool', type: '', usage: 'Do not use cache when building the image' },
    { name: 'print', kind: 'bool', type: '', usage: 'Print equivalent bake file' },
    { name: 'pull', kind: 'bool', type: '', usage: 'Always attempt to pull a newer version of the image' },
    { name: 'push', kind: 'bool', type: '', usage: 'Push service images' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: "Don't print anything to STDOUT" },
    { name: 'ssh', kind: 'string', type: 'string', usage: "Set SSH authentications used when building service images. (use 'default' for using your default SSH Agent)" },
    { name: 'with-dependencies', kind: 'bool', type: '', usage: 'Also build dependencies (transitively)' },
    { name: 'compress', kind: 'bool', type: '', usage: 'Compress the build context using gzip. DEPRECATED', defaultText: 'true', defaultValue: true, hidden: true },
    { name: 'force-rm', kind: 'bool', type: '', usage: 'Always remove intermediate containers. DEPRECATED', defaultText: 'true', defaultValue: true, hidden: true },
    { name: 'no-rm', kind: 'bool', type: '', usage: 'Do not remove intermediate containers after a successful build. DEPRECATED', hidden: true },
    { name: 'parallel', kind: 'bool', type: '', usage: 'Build images in parallel. DEPRECATED', defaultText: 'true', defaultValue: true, hidden: true },
    { name: 'progress', kind: 'string', type: 'string', usage: 'Set type of ui output (auto, tty, plain, json, quiet)', hidden: true },
  ]),
  supportedFlags: ['no-cache', 'pull', 'quiet'],
  run: runComposeBuild,
};
