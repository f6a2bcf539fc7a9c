// `docker image inspect`: display detailed information on one or more images.

import type { CommandDef } from '../../cli/command.ts';
import { getImage } from '../../daemon/images.ts';
import { writeInspect } from '../../format/inspect-output.ts';
import { imageInspectJson } from './image-view.ts';

export const inspectCommand: CommandDef = {
  path: ['image', 'inspect'],
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'platform', kind: 'string', type: 'string', usage: "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
  ],
  supportedFlags: ['format'],
  run(ctx, { flags, args }) {
    const format = typeof flags.format === 'string' ? flags.format : undefined;
    return writeInspect(ctx.out, format, args, (text) => {
      // The API client answers an empty reference itself, as a missing image, without asking the daemon.
      if (text === '') return { ok: false, message: 'Error: No such image: ' };
      const found = getImage(ctx.state, text);
      if (!found.ok) return { ok: false, message: `Error response from daemon: ${found.message}` };
      const json = imageInspectJson(found.image);
      // The client falls back to the raw JSON for templates, where fields are map keys.
      return { ok: true, json, value: json, template: { missingKey: 'error' } };
    });
  },
};
