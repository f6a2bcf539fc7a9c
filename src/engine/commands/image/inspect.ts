// `docker image inspect`: display detailed information on one or more images.

import type { CommandDef } from '../../cli/command.ts';

export const inspectCommand: CommandDef = {
  path: ['image', 'inspect'],
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'platform', kind: 'string', type: 'string', usage: "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
  ],
};
