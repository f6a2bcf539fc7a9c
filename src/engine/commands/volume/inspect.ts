// `docker volume inspect`: display detailed information on one or more volumes.

import type { CommandDef } from '../../cli/command.ts';
import { getVolume } from '../../daemon/volumes.ts';
import { writeInspect } from '../../format/inspect-output.ts';
import { goStruct } from '../../format/go-template.ts';
import { volumeInspectJson } from './volume-view.ts';

export const inspectCommand: CommandDef = {
  path: ['volume', 'inspect'],
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
  ],
  supportedFlags: ['format'],
  run(ctx, { flags, args }) {
    const format = typeof flags.format === 'string' ? flags.format : undefined;
    return writeInspect(ctx.out, format, args, (name) => {
      // The client refuses an empty name before it sends anything (docker/cli's trimID).
      if (name === '') return { ok: false, message: 'invalid volume name or ID: value is empty' };
      const found = getVolume(ctx.state, name);
      if (!found.ok) return { ok: false, message: `Error response from daemon: ${found.message}` };
      const json = volumeInspectJson(found.volume);
      return { ok: true, json, value: goStruct('volume.Volume', { ClusterVolume: null, ...json, Status: null, UsageData: null }) };
    });
  },
};
