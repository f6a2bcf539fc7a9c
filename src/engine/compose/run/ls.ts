// `docker compose ls`: the projects the engine knows from its containers' labels.

import type { Invocation } from '../../cli/command.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import type { CommandContext } from '../../exec/context.ts';
import { lsTable } from '../tables.ts';
import { flagSet } from './common.ts';

export function runComposeLs(ctx: CommandContext, invocation: Invocation): number {
  reconcileContainers(ctx.state);
  ctx.out.stdout(lsTable(ctx.state, { all: flagSet(invocation, 'all'), quiet: flagSet(invocation, 'quiet') }));
  return 0;
}
