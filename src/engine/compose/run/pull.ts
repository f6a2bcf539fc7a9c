// `docker compose pull`: pull the image of every service that names one.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { applyPlan } from '../apply.ts';
import { composeEngine } from '../engine-adapter.ts';
import type { Operation } from '../plan.ts';
import { composeFailure, flagSet, loadFor, progressOptions, showPieces, unknownService } from './common.ts';

export function runComposePull(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation);
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const missing = unknownService(project, invocation.args);
  if (missing) return composeFailure(ctx, missing);
  const operations: Operation[] = project.services
    .filter((service) => service.image !== undefined && (invocation.args.length === 0 || invocation.args.includes(service.name)))
    .map((service) => ({ kind: 'pull', service: service.name, image: service.image! }));
  if (operations.length === 0) return 0;
  const progress = progressOptions(ctx, globals, 'Pulling');
  const outcome = applyPlan(operations, composeEngine(ctx, project), flagSet(invocation, 'quiet') ? { ...progress, mode: 'quiet' } : progress, (pieces) =>
    showPieces(ctx.state, ctx.out, pieces),
  );
  if (outcome.error && !flagSet(invocation, 'ignore-pull-failures')) return composeFailure(ctx, outcome.error, outcome.exitCode);
  return 0;
}
