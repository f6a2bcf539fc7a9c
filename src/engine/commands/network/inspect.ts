// `docker network inspect`: display detailed information on one or more networks.

import type { CommandDef } from '../../cli/command.ts';
import { lookupNetwork } from '../../daemon/networks.ts';
import { writeInspect } from '../../format/inspect-output.ts';
import { networkInspectJson } from './network-view.ts';

export const inspectCommand: CommandDef = {
  path: ['network', 'inspect'],
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', shorthand: 'v', kind: 'bool', type: '', usage: 'Verbose output for diagnostics' },
  ],
  supportedFlags: ['format', 'verbose'],
  run(ctx, { flags, args }) {
    const format = typeof flags.format === 'string' ? flags.format : undefined;
    return writeInspect(ctx.out, format, args, (term) => {
      // The client refuses an empty name before it sends anything (docker/cli's trimID).
      if (term === '') return { ok: false, message: 'invalid network name or ID: value is empty' };
      const found = lookupNetwork(ctx.state, term);
      if (!found.ok) return { ok: false, message: `Error response from daemon: ${found.message}` };
      const json = networkInspectJson(ctx.state, found.network);
      // The client runs templates over the raw JSON when the typed struct fails them, so fields read as map keys.
      return { ok: true, json, value: json, template: { missingKey: 'error' } };
    });
  },
};
