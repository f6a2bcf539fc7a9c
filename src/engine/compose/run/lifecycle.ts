// `docker compose start`, `stop` and `restart`: the existing containers, in dependency order (stop: reversed).

import type { Invocation } from '../../cli/command.ts';
import { isRunning, lookupContainer } from '../../daemon/containers.ts';
import type { CommandContext } from '../../exec/context.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';
import { applyPlan } from '../apply.ts';
import { composeEngine } from '../engine-adapter.ts';
import { LABEL } from '../labels.ts';
import type { ComposeProject } from '../model.ts';
import { dependencyOrder, projectContainers, type Operation } from '../plan.ts';
import { renderProgress, type TimedEvent } from '../progress.ts';
import { composeFailure, flagNumber, loadFor, progressOptions, showPieces, unknownService } from './common.ts';

/** The project's containers for the named services (all when none), services in dependency order. */
function containersInOrder(ctx: CommandContext, project: ComposeProject, names: string[]): ContainerRecord[] {
  const existing = projectContainers(ctx.state, project.name);
  const selected = names.length > 0 ? project.services.filter((service) => names.includes(service.name)) : project.services;
  return dependencyOrder(project, selected)
    .filter((service) => names.length === 0 || names.includes(service.name))
    .flatMap((service) =>
      existing
        .filter((container) => container.config.labels[LABEL.service] === service.name)
        .sort((a, b) => Number(a.config.labels[LABEL.containerNumber]) - Number(b.config.labels[LABEL.containerNumber])),
    );
}

export function runComposeStart(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation, { allowMissing: true });
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const missing = unknownService(project, invocation.args);
  if (missing) return composeFailure(ctx, missing);
  const containers = containersInOrder(ctx, project, invocation.args);
  if (containers.length === 0) {
    const first = invocation.args[0] ?? project.services[0]?.name;
    return first === undefined ? 0 : composeFailure(ctx, `service ${JSON.stringify(first)} has no container to start`);
  }
  const operations: Operation[] = containers.map((container) =>
    isRunning(container)
      ? { kind: 'running', service: container.config.labels[LABEL.service] ?? '', name: container.name }
      : { kind: 'startContainer', service: container.config.labels[LABEL.service] ?? '', name: container.name },
  );
  const outcome = applyPlan(operations, composeEngine(ctx, project), progressOptions(ctx, globals, 'Running'), (pieces) => showPieces(ctx.state, ctx.out, pieces));
  return outcome.error ? composeFailure(ctx, outcome.error, outcome.exitCode) : 0;
}

export function runComposeStop(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation, { allowMissing: true });
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const missing = unknownService(project, invocation.args);
  if (missing) return composeFailure(ctx, missing);
  const running = containersInOrder(ctx, project, invocation.args).filter(isRunning).reverse();
  const operations: Operation[] = running.map((container) => ({ kind: 'stopContainer', service: container.config.labels[LABEL.service] ?? '', name: container.name }));
  const timeout = flagNumber(invocation, 'timeout');
  const engine = composeEngine(ctx, project, { ...(timeout !== undefined ? { stopTimeout: timeout } : {}) });
  const outcome = applyPlan(operations, engine, progressOptions(ctx, globals, 'Stopping'), (pieces) => showPieces(ctx.state, ctx.out, pieces));
  return outcome.error ? composeFailure(ctx, outcome.error, outcome.exitCode) : 0;
}

export function runComposeRestart(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation, { allowMissing: true });
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const missing = unknownService(project, invocation.args);
  if (missing) return composeFailure(ctx, missing);
  const containers = containersInOrder(ctx, project, invocation.args);
  const timeout = flagNumber(invocation, 'timeout');
  const engine = composeEngine(ctx, project, { ...(timeout !== undefined ? { stopTimeout: timeout } : {}) });
  // Each container's line goes from Restarting to Started: compose restarts them one by one, dependencies first.
  const timeline: TimedEvent[] = [];
  let clock = 0;
  for (const container of containers) {
    const id = `Container ${container.name}`;
    timeline.push({ at: clock, event: { id, status: 'working', statusText: 'Restarting' } });
    const stopped = engine.stopContainer(container.name);
    if (!stopped.ok) return composeFailure(ctx, stopped.message);
    clock += stopped.durationMs;
    const found = lookupContainer(ctx.state, container.id);
    if (!found.ok) continue;
    const started = engine.startContainer(container.name);
    if (!started.ok) {
      timeline.push({ at: clock, event: { id, status: 'error', statusText: 'Error' } });
      showPieces(ctx.state, ctx.out, renderProgress(timeline, clock, progressOptions(ctx, globals, 'Restarting')));
      return composeFailure(ctx, started.message);
    }
    clock += started.durationMs;
    timeline.push({ at: clock, event: { id, status: 'done', statusText: 'Started' } });
  }
  if (timeline.length > 0) showPieces(ctx.state, ctx.out, renderProgress(timeline, clock, progressOptions(ctx, globals, 'Restarting')));
  return 0;
}
