// `docker compose build`: build the services that have a build section, each with BuildKit's display, then a summary block.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { composeEngine } from '../engine-adapter.ts';
import { serviceImageName } from '../labels.ts';
import { renderProgress, type TimedEvent } from '../progress.ts';
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
  const engine = composeEngine(ctx, project, { noCache: flagSet(invocation, 'no-cache'), pullBase: flagSet(invocation, 'pull') });
  const timeline: TimedEvent[] = [];
  let clock = 0;
  for (const service of services) {
    timeline.push({ at: clock, event: { id: service.name, status: 'working', statusText: 'Building' } });
    const built = engine.build(service.name, serviceImageName(project, service));
    if (!built.ok) return composeFailure(ctx, built.message, EXIT_BUILD_FAILURE);
    clock += built.durationMs;
    timeline.push({ at: clock, event: { id: service.name, status: 'done', statusText: 'Built' } });
  }
  if (flagSet(invocation, 'quiet') || timeline.length === 0) return 0;
  // The builds drew their own display; the summary block appears after them, its timers counting from each build's start.
  showPieces(ctx.state, ctx.out, renderProgress(timeline, clock, { ...progressOptions(ctx, globals, 'Building'), firstDrawAt: clock }).map((piece) => ({ ...piece, delay: 0 })));
  return 0;
}
