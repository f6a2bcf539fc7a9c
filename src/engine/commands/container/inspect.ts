// `docker container inspect`: display detailed information on one or more containers.

import type { CommandDef } from '../../cli/command.ts';
import { containerInspectDocument } from '../../daemon/container-inspect.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { writeInspect } from '../../format/inspect-output.ts';
import { findContainer } from './each-container.ts';

export const inspectCommand: CommandDef = {
  path: ['container', 'inspect'],
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'size', shorthand: 's', kind: 'bool', type: '', usage: 'Display total file sizes' },
  ],
  supportedFlags: ['format', 'size'],
  run(ctx, { flags, args }) {
    reconcileContainers(ctx.state);
    const format = typeof flags.format === 'string' ? flags.format : undefined;
    return writeInspect(ctx.out, format, args, (reference) => {
      const found = findContainer(ctx, reference);
      if (!found.ok) return { ok: false, message: found.text };
      const document = containerInspectDocument(ctx.state, found.container, { size: flags.size === true });
      return { ok: true, json: document.json, value: document.value, rawFallback: true };
    });
  },
};
