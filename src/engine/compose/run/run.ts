// `docker compose run`: a one-off container for a service, its dependencies started first, attached like `docker run`.

import type { Invocation } from '../../cli/command.ts';
import { isRunning, removeContainerRecord, startContainer, stopContainerGracefully } from '../../daemon/containers.ts';
import type { CommandContext, Output } from '../../exec/context.ts';
import { randomHex } from '../../state/random.ts';
import { applyPlan } from '../apply.ts';
import { composeEngine, createServiceContainer } from '../engine-adapter.ts';
import { LABEL } from '../labels.ts';
import { findService } from '../model.ts';
import { planUp } from '../plan.ts';
import { composeFailure, flagList, flagSet, flagString, loadFor, progressOptions, showPieces } from './common.ts';
import { EXIT_CANCELED } from './up.ts';

export function runComposeRun(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation);
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const [serviceName, ...command] = invocation.args;
  const service = findService(project, serviceName);
  if (!service) return composeFailure(ctx, `no such service: ${serviceName}`);
  // Dependencies are brought up as `up` would; the service itself only gets its image (built or pulled).
  const planned = planUp(project, ctx.state, { services: [service.name], build: flagSet(invocation, 'build') });
  if (!planned.ok) return composeFailure(ctx, planned.message);
  const noDeps = flagSet(invocation, 'no-deps');
  const operations = planned.operations.filter((operation) => {
    if (operation.kind === 'build' || operation.kind === 'pull') return operation.service === service.name || !noDeps;
    if (!('service' in operation)) return !noDeps;
    return operation.service !== service.name && !noDeps;
  });
  const engine = composeEngine(ctx, project);
  const outcome = applyPlan(operations, engine, progressOptions(ctx, globals, 'Running'), (pieces) => showPieces(ctx.state, ctx.out, pieces));
  if (outcome.error) return composeFailure(ctx, outcome.error, outcome.exitCode);

  const slug = randomHex(ctx.state, 64);
  const name = flagString(invocation, 'name') ?? `${project.name}-${service.name}-run-${slug.slice(0, 12)}`;
  const entrypoint = flagString(invocation, 'entrypoint');
  const detach = flagSet(invocation, 'detach');
  const tty = ctx.tty && !flagSet(invocation, 'no-TTY') && !detach;
  const created = createServiceContainer(ctx, project, service, name, 1, {
    command,
    ...(entrypoint !== undefined ? { entrypoint: entrypoint === '' ? [] : [entrypoint] } : {}),
    env: flagList(invocation, 'env'),
    labels: { [LABEL.oneoff]: 'True', 'com.docker.compose.slug': slug },
    servicePorts: flagSet(invocation, 'service-ports'),
    ...(flagString(invocation, 'user') ? { user: flagString(invocation, 'user') } : {}),
    ...(flagString(invocation, 'workdir') ? { workingDir: flagString(invocation, 'workdir') } : {}),
    tty,
    openStdin: !detach,
    noServiceAlias: true,
  });
  if (!created.ok) return composeFailure(ctx, created.message);
  const container = created.container;
  const remove = flagSet(invocation, 'rm');
  if (detach) {
    const started = startContainer(ctx.state, container);
    if (!started.ok) return composeFailure(ctx, `Error response from daemon: ${started.message}`);
    ctx.out.stdout(`${name}\n`);
    return 0;
  }
  const started = startContainer(ctx.state, container, { out: ctx.out, tty });
  if (!started.ok) {
    if (remove) removeContainerRecord(ctx.state, container, true);
    return composeFailure(ctx, `Error response from daemon: ${started.message}`, 125);
  }
  const finish = (): number => {
    const code = container.exitCode;
    if (remove) removeContainerRecord(ctx.state, container, true);
    return code;
  };
  if (!isRunning(container)) return finish();
  const interrupt = (out: Output): number => {
    stopContainerGracefully(ctx.state, container, { signal: 'SIGINT', attachment: { out, tty } });
    finish();
    return EXIT_CANCELED;
  };
  if (!ctx.follow) return interrupt(ctx.out);
  ctx.follow(interrupt);
  return 0;
}
