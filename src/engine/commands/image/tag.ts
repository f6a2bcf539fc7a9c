// `docker image tag` (`docker tag`): create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.

import type { CommandDef } from '../../cli/command.ts';
import { tagImage } from '../../daemon/images.ts';
import { parseReference } from '../../registry/reference.ts';
import { daemonFailure } from '../status-error.ts';

/** `reference.ParseAnyReference` accepts an image id too; anything else must parse as a name. */
function sourceError(source: string): string | null {
  if (/^(sha256:)?[0-9a-f]{64}$/.test(source)) return null;
  const parsed = parseReference(source);
  return parsed.ok ? null : parsed.message;
}

export const tagCommand: CommandDef = {
  path: ['image', 'tag'],
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  aliases: ['docker image tag', 'docker tag'],
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: { min: 2, max: 2 },
  stopAtFirstArg: true,
  flags: [],
  supportedFlags: [],
  run(ctx, { args }) {
    const [source, target] = args;
    const problem = sourceError(source);
    if (problem) {
      ctx.out.stderr(`Error parsing reference: ${JSON.stringify(source)} is not a valid repository/tag: ${problem}\n`);
      return 1;
    }
    const parsed = parseReference(target);
    if (!parsed.ok) {
      ctx.out.stderr(`Error parsing reference: ${JSON.stringify(target)} is not a valid repository/tag: ${parsed.message}\n`);
      return 1;
    }
    if (parsed.reference.digest !== undefined) {
      ctx.out.stderr('refusing to create a tag with a digest reference\n');
      return 1;
    }
    const tagged = tagImage(ctx.state, source, parsed.withDefaultTag().familiar);
    if (!tagged.ok) return daemonFailure(ctx, tagged.message);
    return 0;
  },
};
