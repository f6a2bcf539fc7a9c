// `docker image rm` (`docker rmi`): remove one or more images.

import type { CommandDef } from '../../cli/command.ts';
import { removeImage } from '../../daemon/images.ts';

export const rmCommand: CommandDef = {
  path: ['image', 'rm'],
  use: 'rm [OPTIONS] IMAGE [IMAGE...]',
  aliases: ['docker image rm', 'docker image remove', 'docker rmi'],
  short: 'Remove one or more images',
  args: { min: 1 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Force removal of the image' },
    { name: 'no-prune', kind: 'bool', type: '', usage: 'Do not delete untagged parents' },
    { name: 'platform', kind: 'list', type: 'strings', usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
  ],
  supportedFlags: ['force', 'no-prune'],
  run(ctx, { flags, args }) {
    const force = flags.force === true;
    const errors: string[] = [];
    let fatal = false;
    for (const text of args) {
      const removed = removeImage(ctx.state, text, force);
      if (!removed.ok) {
        if (removed.kind !== 'notFound') fatal = true;
        errors.push(`Error response from daemon: ${removed.message}`);
        continue;
      }
      for (const record of removed.records) ctx.out.stdout(record.deleted !== undefined ? `Deleted: ${record.deleted}\n` : `Untagged: ${record.untagged}\n`);
    }
    if (errors.length === 0) return 0;
    ctx.out.stderr(`${errors.join('\n')}\n`);
    // With -f, images that do not exist are reported but do not fail the command.
    return force && !fatal ? 0 : 1;
  },
};
