// `docker compose bridge`: convert compose files into another model (Compose Bridge, part of Compose since v2.36.2; cmd/compose/bridge.go).

import type { CommandDef } from '../../cli/command.ts';
import { composeFlags } from './shared.ts';

function outline(path: string[], use: string, short: string, extra: Partial<CommandDef> = {}): CommandDef {
  return { path: ['compose', 'bridge', ...path], use, short, flags: composeFlags([]), outline: true, ...extra };
}

export const bridgeCommand: CommandDef = {
  path: ['compose', 'bridge'],
  use: 'bridge CMD [OPTIONS]',
  short: 'Convert compose files into another model',
  flags: composeFlags([]),
  subcommands: [
    outline(['convert'], 'convert', 'Convert compose files to Kubernetes manifests, Helm charts, or another model'),
    {
      path: ['compose', 'bridge', 'transformations'],
      use: 'transformations CMD [OPTIONS]',
      aliases: ['docker compose bridge transformations', 'docker compose bridge transformation'],
      short: 'Manage transformation images',
      flags: composeFlags([]),
      subcommands: [
        { path: ['compose', 'bridge', 'transformations', 'create'], use: 'create [OPTION] PATH', short: 'Create a new transformation', flags: composeFlags([]), outline: true },
        {
          path: ['compose', 'bridge', 'transformations', 'list'],
          use: 'list',
          aliases: ['docker compose bridge transformations list', 'docker compose bridge transformations ls'],
          short: 'List available transformations',
          flags: composeFlags([]),
          outline: true,
        },
      ],
    },
  ],
};
