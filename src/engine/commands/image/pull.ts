// `docker image pull` (`docker pull`): fetch an image from the simulated Docker Hub, with its progress.

import type { CommandDef } from '../../cli/command.ts';
import { pullAllTags, pullImage } from '../../daemon/pull.ts';
import { parseReference } from '../../registry/reference.ts';

export const pullCommand: CommandDef = {
  path: ['image', 'pull'],
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  aliases: ['docker image pull', 'docker pull'],
  short: 'Download an image from a registry',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'all-tags', shorthand: 'a', kind: 'bool', type: '', usage: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', kind: 'bool', type: '', usage: 'Skip image verification', defaultText: 'true', defaultValue: true },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress verbose output' },
  ],
  supportedFlags: ['all-tags', 'disable-content-trust', 'quiet'],
  run(ctx, invocation) {
    const parsed = parseReference(invocation.args[0]);
    if (!parsed.ok) {
      ctx.out.stderr(`${parsed.message}\n`);
      return 1;
    }
    const quiet = invocation.flags.quiet === true;
    let reference = parsed.reference;
    const options = { out: ctx.out, stream: 'stdout' as const, tty: ctx.tty, columns: ctx.columns, quiet };
    if (invocation.flags['all-tags'] === true) {
      if (reference.tag !== undefined || reference.digest !== undefined) {
        ctx.out.stderr("tag can't be used with --all-tags/-a\n");
        return 1;
      }
      const pulled = pullAllTags(ctx.state, reference, options);
      if (!pulled.ok) {
        ctx.out.stderr(`Error response from daemon: ${pulled.message}\n`);
        return 1;
      }
      ctx.out.stdout(`${reference.canonical}\n`);
      return 0;
    }
    if (!reference.tag && !reference.digest) {
      if (!quiet) ctx.out.stdout('Using default tag: latest\n');
      reference = parsed.withDefaultTag();
    }
    const pulled = pullImage(ctx.state, reference, options);
    if (!pulled.ok) {
      ctx.out.stderr(`Error response from daemon: ${pulled.message}\n`);
      return 1;
    }
    ctx.out.stdout(`${reference.canonical}\n`);
    return 0;
  },
};
