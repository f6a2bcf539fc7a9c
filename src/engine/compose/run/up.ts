// `docker compose up`: converge the project, then stay attached to the services' logs unless detached.

import type { Invocation } from '../../cli/command.ts';
import { isRunning, lookupContainer } from '../../daemon/containers.ts';
import type { CommandContext, Output } from '../../exec/context.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';
import { applyPlan, type ComposeEngine } from '../apply.ts';
import { composeEngine } from '../engine-adapter.ts';
import { containerName } from '../labels.ts';
import { attachingLine, canonicalName, GRACEFULLY_STOPPING, LogPrinter } from '../log-prefix.ts';
import type { ComposeProject, ComposeService } from '../model.ts';
import { dependencyOrder, planUp, projectContainers, type Operation } from '../plan.ts';
import { LABEL } from '../labels.ts';
import { composeFailure, flagNumber, flagSet, flagString, loadFor, printWarnings, progressOptions, showPieces, unknownService, type ComposeGlobals } from './common.ts';
import { mergedLogs, printLogLines } from './log-stream.ts';

/** Compose's status for a run ended by Ctrl+C (cli.StatusError 130). */
export const EXIT_CANCELED = 130;

const START_KINDS = new Set<Operation['kind']>(['startContainer', 'waitHealthy', 'waitCompleted']);

export function runComposeUp(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation);
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const names = invocation.args;
  const missing = unknownService(project, names);
  if (missing) return composeFailure(ctx, missing);
  const pull = flagString(invocation, 'pull');
  const planned = planUp(project, ctx.state, {
    services: names,
    build: flagSet(invocation, 'build'),
    noBuild: flagSet(invocation, 'no-build'),
    forceRecreate: flagSet(invocation, 'force-recreate'),
    noRecreate: flagSet(invocation, 'no-recreate'),
    noStart: flagSet(invocation, 'no-start'),
    removeOrphans: flagSet(invocation, 'remove-orphans'),
    ...(pull === 'always' || pull === 'missing' || pull === 'never' ? { pull } : {}),
  });
  if (!planned.ok) return composeFailure(ctx, planned.message);
  printWarnings(ctx, planned.warnings);
  const timeout = flagNumber(invocation, 'timeout');
  const engine = composeEngine(ctx, project, { ...(timeout !== undefined ? { stopTimeout: timeout } : {}) });
  const attached = !flagSet(invocation, 'detach') && !flagSet(invocation, 'no-start');
  // Attached, the block shows containers created; they start once Compose is attached to them.
  const converge = attached ? planned.operations.filter((operation) => !START_KINDS.has(operation.kind)) : planned.operations;
  const outcome = applyPlan(converge, engine, progressOptions(ctx, globals, 'Running'), (pieces) => showPieces(ctx.state, ctx.out, pieces));
  if (outcome.error) return composeFailure(ctx, outcome.error, outcome.exitCode);
  if (!attached) return 0;
  const starts = planned.operations.filter((operation) => START_KINDS.has(operation.kind));
  return attachAndStart(ctx, invocation, project, globals, engine, starts);
}

/** The services whose logs `up` shows: those named, else every service of the project. */
function attachedServices(project: ComposeProject, names: string[]): ComposeService[] {
  return names.length > 0 ? project.services.filter((service) => names.includes(service.name)) : project.services;
}

function attachAndStart(
  ctx: CommandContext,
  invocation: Invocation,
  project: ComposeProject,
  globals: ComposeGlobals,
  engine: ComposeEngine,
  starts: Operation[],
): number {
  const services = attachedServices(project, invocation.args);
  const containers = projectContainers(ctx.state, project.name)
    .filter((container) => services.some((service) => service.name === container.config.labels[LABEL.service]))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Colours go by container name, as compose sorts the containers before it attaches.
  const printer = new LogPrinter({ colour: ctx.tty && !flagSet(invocation, 'no-color') && globals.ansi !== 'never' });
  for (const container of containers) printer.register(canonicalName(container.name, project.name));
  ctx.out.stdout(attachingLine(containers.map((container) => canonicalName(container.name, project.name))));
  const seen = new Map(containers.map((container) => [container.id, container.logs.length]));
  const from = ctx.state.clock;
  for (const operation of starts) {
    const result =
      operation.kind === 'startContainer'
        ? engine.startContainer(operation.name)
        : operation.kind === 'waitHealthy'
          ? engine.waitHealthy(operation.name)
          : operation.kind === 'waitCompleted'
            ? engine.waitCompleted(operation.name)
            : { ok: true as const, durationMs: 0 };
    if (!result.ok) {
      showAttachedLogs(ctx, project, printer, containers, seen, from, flagSet(invocation, 'no-log-prefix'));
      return composeFailure(ctx, result.message);
    }
  }
  showAttachedLogs(ctx, project, printer, containers, seen, from, flagSet(invocation, 'no-log-prefix'));
  const current = (container: ContainerRecord) => {
    const found = lookupContainer(ctx.state, container.id);
    return found.ok ? found.container : undefined;
  };
  if (!containers.some((container) => { const now = current(container); return now !== undefined && isRunning(now); })) return 0;
  const stop = (out: Output): number => {
    out.stderr(GRACEFULLY_STOPPING);
    const order = dependencyOrder(project, services).reverse();
    const stops: Operation[] = [];
    for (const service of order) {
      for (let number = 1; number <= Math.max(1, service.scale); number++) {
        const name = containerName(project, service, number);
        const found = lookupContainer(ctx.state, name);
        if (found.ok && isRunning(found.container)) stops.push({ kind: 'stopContainer', service: service.name, name });
      }
    }
    const outcome = applyPlan(stops, engine, progressOptions(ctx, globals, 'Stopping'), (pieces) => showPieces(ctx.state, out, pieces));
    if (outcome.error) return composeFailure(ctx, outcome.error, outcome.exitCode, out);
    return EXIT_CANCELED;
  };
  if (!ctx.follow) return stop(ctx.out);
  ctx.follow(stop);
  return 0;
}

/** Logs written since the attach, in time order, with a notice for each container that has exited since. */
function showAttachedLogs(
  ctx: CommandContext,
  project: ComposeProject,
  printer: LogPrinter,
  containers: ContainerRecord[],
  seen: Map<string, number>,
  from: number,
  noPrefix: boolean,
): void {
  const fresh = containers.map((container) => ({ ...container, logs: container.logs.slice(seen.get(container.id) ?? 0) }));
  const lines = mergedLogs(fresh, { exits: true, since: () => from });
  printLogLines(ctx.state, ctx.out, lines, { project: project.name, printer, prefix: !noPrefix, timestamps: false, replayFrom: from });
  for (const container of containers) seen.set(container.id, container.logs.length);
}
