// `docker compose version`: the Compose release, long or `--short`.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { COMPOSE_VERSION } from '../labels.ts';
import { versionText } from '../tables.ts';
import { composeFailure, flagSet, flagString } from './common.ts';

export function runComposeVersion(ctx: CommandContext, invocation: Invocation): number {
  const format = flagString(invocation, 'format');
  if (format === 'json') {
    ctx.out.stdout(`{"version":"v${COMPOSE_VERSION}"}\n`);
    return 0;
  }
  if (format !== undefined && format !== 'pretty') return composeFailure(ctx, `ERROR: Invalid format type ${JSON.stringify(format)}`);
  ctx.out.stdout(versionText(flagSet(invocation, 'short')));
  return 0;
}
