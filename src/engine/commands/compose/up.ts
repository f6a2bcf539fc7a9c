// `docker compose up`: create and start containers (declared as docker/compose v2.36 cmd/compose/up.go declares it).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';
import { runComposeUp } from '../../compose/run/up.ts';

export const upCommand: CommandDef = {
  path: ['compose', 'up'],
  use: 'up [OPTIONS] [SERVICE...]',
  short: 'Create and start containers',
  flags: composeFlags([
    { name: 'abort-on-container-exit', kind: 'bool', type: '', usage: 'Stops all containers if any container was stopped. Incompatible with -d' },
    { name: 'abort-on-container-failure', kind: 'bool', type: '', usage: 'Stops all containers if any container exited with failure. Incompatible with -d' },
    { name: 'always-recreate-deps', kind: 'bool', type: '', usage: 'Recreate dependent containers. Incompatible with --no-recreate.' },
    { name: 'attach', kind: 'list', type: 'stringArray', usage: 'Restrict attaching to the specified services. Incompatible with --attach-dependencies.' },
    { name: 'attach-dependencies', kind: 'bool', type: '', usage: 'Automatically attach to log output of dependent services' },
    { name: 'build', kind: 'bool', type: '', usage: 'Build images before starting containers' },
    { name: 'detach', shorthand: 'd', kind: 'bool', type: '', usage: 'Detached mode: Run containers in the background' },
    { name: 'exit-code-from', kind: 'string', type: 'string', usage: 'Return the exit code of the selected service container. Implies --abort-on-container-exit' },
    { name: 'force-recreate', kind: 'bool', type: '', usage: "Recreate containers even if their configuration and image haven't changed" },
    { name: 'menu', kind: 'bool', type: '', usage: 'Enable interactive shortcuts when running attached. Incompatible with --detach. Can also be enable/disable by setting COMPOSE_MENU environment var.' },
    { name: 'no-attach', kind: 'list', type: 'stringArray', usage: 'Do not attach (stream logs) to the specified services' },
    { name: 'no-build', kind: 'bool', type: '', usage: "Don't build an image, even if it's policy" },
    { name: 'no-color', kind: 'bool', type: '', usage: 'Produce monochrome output' },
    { name: 'no-deps', kind: 'bool', type: '', usage: "Don't start linked services" },
    { name: 'no-log-prefix', kind: 'bool', type: '', usage: "Don't print prefix in logs" },
    { name: 'no-recreate', kind: 'bool', type: '', usage: "If containers already exist, don't recreate them. Incompatible with --force-recreate." },
    { name: 'no-start', kind: 'bool', type: '', usage: "Don't start the services after creating them" },
    { name: 'pull', kind: 'string', type: 'string', usage: 'Pull image before running ("always"|"missing"|"never")', defaultText: '"policy"', defaultValue: "policy" },
    { name: 'quiet-pull', kind: 'bool', type: '', usage: 'Pull without printing progress information' },
    { name: 'remove-orphans', kind: 'bool', type: '', usage: 'Remove containers for services not defined in the Compose file' },
    { name: 'renew-anon-volumes', shorthand: 'V', kind: 'bool', type: '', usage: 'Recreate anonymous volumes instead of retrieving data from the previous containers' },
    { name: 'scale', kind: 'list', type: 'stringArray', usage: 'Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.' },
    { name: 'timeout', shorthand: 't', kind: 'int', type: 'int', usage: 'Use this timeout in seconds for container shutdown when attached or when containers are already running' },
    { name: 'timestamps', kind: 'bool', type: '', usage: 'Show timestamps' },
    { name: 'wait', kind: 'bool', type: '', usage: 'Wait for services to be running|healthy. Implies detached mode.' },
    { name: 'wait-timeout', kind: 'int', type: 'int', usage: 'Maximum duration in seconds to wait for the project to be running|healthy' },
    { name: 'watch', shorthand: 'w', kind: 'bool', type: '', usage: 'Watch source code and rebuild/refresh containers when files are updated.' },
    { name: 'yes', shorthand: 'y', kind: 'bool', type: '', usage: 'Assume "yes" as answer to all prompts and run non-interactively' },
  ]),
  supportedFlags: ['build', 'detach', 'force-recreate', 'no-build', 'no-color', 'no-log-prefix', 'no-recreate', 'no-start', 'pull', 'remove-orphans', 'timeout'],
  run: runComposeUp,
};
