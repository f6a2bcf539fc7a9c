// `docker compose down`: stop and remove the project's containers and networks; volumes with `-v`, images with `--rmi`.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { applyPlan } from '../apply.ts';
import { composeEngine } from '../engine-adapter.ts';
import { planDown } from '../plan.ts';
import { composeFailure, flagNumber, flagSet, flagString, loadFor, progressOptions, showPieces } from './common.ts';

export function runComposeDown(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation, { allowMissing: true });
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const rmi = flagString(invocation, 'rmi');
  if (rmi !== undefined && rmi !== 'all' && rmi !== 'local') return composeFailure(ctx, `invalid value for --rmi: ${rmi}`);
  const operations = planDown(project, ctx.state, {
    volumes: flagSet(invocation, 'volumes'),
    removeOrphans: flagSet(invocation, 'remove-orphans'),
    ...(rmi === 'all' || rmi === 'local' ? { rmi } : {}),
  });
  if (operations.length === 0) {
    ctx.out.stderr(`Warning: No resource found to remove for project ${JSON.stringify(project.name)}.\n`);
    return 0;
  }
  const timeout = flagNumber(invocation, 'timeout');
  const engine = composeEngine(ctx, project, { ...(timeout !== undefined ? { stopTimeout: timeout } : {}) });
  const outcome = applyPlan(operations, engine, progressOptions(ctx, globals, 'Running'), (pieces) => showPieces(ctx.state, ctx.out, pieces));
  if (outcome.error) return composeFailure(ctx, outcome.error, outcome.exitCode);
  return 0;
}
