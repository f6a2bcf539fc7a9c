// `docker image push` (`docker push`): upload an image to a registry.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { imageDiffIds } from '../../daemon/images.ts';
import { JsonMessageDisplay } from '../../format/pull-progress.ts';
import { lookupImage } from '../../registry/hub.ts';
import { parseReference, type ImageReference } from '../../registry/reference.ts';
import type { ImageRecord } from '../../state/machine-state.ts';

/** What Docker Hub answers a client that has not logged in; the sandbox has no account to log in with. */
const DENIED = 'denied: requested access to the resource is denied';
/** The daemon uploads five layers at a time; the others wait. */
const MAX_CONCURRENT_UPLOADS = 5;

/**
 * One tag's push as the daemon streams it, up to the registry's refusal: the layers, top first, each
 * `Preparing` (the ones past the upload limit `Waiting`), then Hub's `denied`; another registry is unreachable.
 */
function pushTag(ctx: CommandContext, image: ImageRecord, reference: ImageReference, quiet: boolean): string {
  if (reference.domain !== 'docker.io') {
    // Another registry is out of the sandbox's reach: the first request to it fails, before any layer.
    ctx.out.wait(400);
    const unreachable = lookupImage(reference);
    return unreachable.ok ? DENIED : unreachable.message;
  }
  const display = new JsonMessageDisplay({ tty: ctx.tty, columns: ctx.columns });
  const ids = imageDiffIds(image)
    .reverse()
    .map((diffId) => diffId.slice(7, 19));
  let text = '';
  for (const id of ids) text += display.progress(id, 'Preparing');
  ids.slice(MAX_CONCURRENT_UPLOADS).forEach((id) => (text += display.progress(id, 'Waiting')));
  ctx.out.wait(400);
  if (!quiet) ctx.out.stdout(text);
  ctx.out.wait(600);
  return DENIED;
}

export const pushCommand: CommandDef = {
  path: ['image', 'push'],
  use: 'push [OPTIONS] NAME[:TAG]',
  aliases: ['docker image push', 'docker push'],
  short: 'Upload an image to a registry',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'all-tags', shorthand: 'a', kind: 'bool', type: '', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', kind: 'bool', type: '', usage: 'Skip image signing', defaultText: 'true', defaultValue: true },
    { name: 'platform', kind: 'string', type: 'string', usage: "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Suppress verbose output' },
  ],
  supportedFlags: ['all-tags', 'disable-content-trust', 'quiet'],
  run(ctx, { flags, args }) {
    const parsed = parseReference(args[0]);
    if (!parsed.ok) {
      ctx.out.stderr(`${parsed.message}\n`);
      return 1;
    }
    const quiet = flags.quiet === true;
    const allTags = flags['all-tags'] === true;
    let reference = parsed.reference;
    if (allTags && (reference.tag !== undefined || reference.digest !== undefined)) {
      ctx.out.stderr('tag can\'t be used with --all-tags/-a\n');
      return 1;
    }
    if (!allTags && reference.tag === undefined && reference.digest === undefined) {
      if (!quiet) ctx.out.stdout('Using default tag: latest\n');
      reference = parsed.withDefaultTag();
    }
    if (!quiet) ctx.out.stdout(`The push refers to repository [${reference.name}]\n`);
    const named = ctx.state.images.filter((image) =>
      image.repoTags.some((tag) => tag.slice(0, tag.lastIndexOf(':')) === reference.familiarName),
    );
    if (named.length === 0) {
      ctx.out.stderr(`An image does not exist locally with the tag: ${reference.familiarName}\n`);
      return 1;
    }
    const image = allTags ? named[0] : ctx.state.images.find((candidate) => candidate.repoTags.includes(reference.familiar));
    if (!image) {
      ctx.out.stderr(`tag does not exist: ${reference.familiar}\n`);
      return 1;
    }
    ctx.out.stderr(`${pushTag(ctx, image, reference, quiet)}\n`);
    return 1;
  },
};
