// `docker volume rm`: remove one or more volumes.

import type { CommandDef } from '../../cli/command.ts';
import { removeVolume } from '../../daemon/volumes.ts';

export const rmCommand: CommandDef = {
  path: ['volume', 'rm'],
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  aliases: ['docker volume rm', 'docker volume remove'],
  short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  args: { min: 1 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Force the removal of one or more volumes' },
  ],
  supportedFlags: ['force'],
  run(ctx, { flags, args }) {
    // Each name is tried; failures are listed together at the end, without the usual `exit status` line.
    const errors: string[] = [];
    for (const name of args) {
      // The client refuses an empty name before it sends anything (docker/cli's trimID), even with -f.
      if (name === '') {
        errors.push('invalid volume name or ID: value is empty');
        continue;
      }
      const removed = removeVolume(ctx.state, name, flags.force === true);
      if (!removed.ok) {
        errors.push(`Error response from daemon: ${removed.message}`);
        continue;
      }
      ctx.out.stdout(`${name}\n`);
    }
    if (errors.length === 0) return 0;
    ctx.out.stderr(`${errors.join('\n')}\n`);
    return 1;
  },
};
