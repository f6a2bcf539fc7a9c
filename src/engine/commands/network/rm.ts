// `docker network rm`: remove one or more networks.

import type { CommandDef } from '../../cli/command.ts';
import { removeNetwork } from '../../daemon/networks.ts';

export const rmCommand: CommandDef = {
  path: ['network', 'rm'],
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['docker network rm', 'docker network remove'],
  short: 'Remove one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not error if the network does not exist' },
  ],
  supportedFlags: ['force'],
  run(ctx, { flags, args }) {
    let failed = false;
    for (const term of args) {
      // The client refuses an empty name before it sends anything (docker/cli's trimID), even with -f.
      if (term === '') {
        ctx.out.stderr('invalid network name or ID: value is empty\n');
        failed = true;
        continue;
      }
      const removed = removeNetwork(ctx.state, term);
      if (!removed.ok) {
        if (flags.force === true && removed.kind === 'notFound') continue;
        ctx.out.stderr(`Error response from daemon: ${removed.message}\n`);
        failed = true;
        continue;
      }
      ctx.out.stdout(`${term}\n`);
    }
    if (!failed) return 0;
    // cli.StatusError{Status: "exit status 1"}: docker prints the status line after the errors.
    ctx.out.stderr('exit status 1\n');
    return 1;
  },
};
