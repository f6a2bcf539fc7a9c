// `docker compose build`: build the services that have a build section, each with BuildKit's display, then a summary block.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { composeEngine } from '../engine-adapter.ts';
import { serviceImageName } from '../labels.ts';
import { renderProgress, TICK_MS, type TimedEvent } from '../progress.ts';
import { composeFailure, flagSet, loadFor, progressOptions, showPieces, unknownService } from './common.ts';

/** compose's failure category for builds (exit 17). */
export const EXIT_BUILD_FAILURE = 17;

export function runComposeBuild(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation);
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const missing = unknownService(project, invocation.args);
  if (missing) return composeFailure(ctx, missing);
  const services = project.services.filter((service) => service.build && (invocation.args.length === 0 || invocation.args.includes(service.name)));
  const quiet = flagSet(invocation, 'quiet');
  const engine = composeEngine(ctx, project, { noCache: flagSet(invocation, 'no-cache'), pullBase: flagSet(invocation, 'pull'), ...(quiet ? { buildProgress: 'quiet' as const } : {}) });
  const timeline: TimedEvent[] = [];
  for (const service of services) {
    const built = engine.build(service.name, serviceImageName(project, service));
    if (!built.ok) return composeFailure(ctx, built.message, EXIT_BUILD_FAILURE);
  }
  if (quiet || services.length === 0) return 0;
  // The builds drew their own display; Compose's summary block follows, its events sent once they are
  // done (so each line's timer reads 0.0s), drawn on the next tick and once more as the block closes.
  for (const service of services) {
    timeline.push({ at: 0, event: { id: service.name, status: 'working', statusText: 'Building' } });
    timeline.push({ at: 0, event: { id: service.name, status: 'done', statusText: 'Built' } });
  }
  const progress = progressOptions(ctx, globals, 'Building');
  showPieces(ctx.state, ctx.out, renderProgress(timeline, progress.mode === 'tty' ? TICK_MS + 1 : 0, progress));
  return 0;
}
