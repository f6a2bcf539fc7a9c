// `docker compose ps`: the project's containers, running ones unless `-a`.

import type { Invocation } from '../../cli/command.ts';
import { isRunning } from '../../daemon/containers.ts';
import type { CommandContext } from '../../exec/context.ts';
import { LABEL } from '../labels.ts';
import { projectContainers } from '../plan.ts';
import { psTable } from '../tables.ts';
import { composeFailure, flagList, flagSet, loadFor, unknownService } from './common.ts';

const STATUSES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];

export function runComposePs(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation, { allowMissing: true });
  if (!loaded.ok) return loaded.exitCode;
  const { project } = loaded;
  const names = invocation.args;
  const missing = unknownService(project, names);
  if (missing) return composeFailure(ctx, missing);
  const statuses = flagList(invocation, 'status');
  const wrong = statuses.find((status) => !STATUSES.includes(status));
  if (wrong) return composeFailure(ctx, `invalid filter 'status=${wrong}'`);
  const all = flagSet(invocation, 'all') || statuses.length > 0;
  const containers = projectContainers(ctx.state, project.name).filter(
    (container) =>
      (names.length === 0 || names.includes(container.config.labels[LABEL.service] ?? '')) &&
      (all || isRunning(container)) &&
      (statuses.length === 0 || statuses.includes(container.status)),
  );
  if (flagSet(invocation, 'services')) {
    const services = [...new Set(containers.map((container) => container.config.labels[LABEL.service] ?? ''))].sort();
    ctx.out.stdout(services.map((service) => `${service}\n`).join(''));
    return 0;
  }
  if (flagSet(invocation, 'quiet')) {
    const ids = [...containers].sort((a, b) => (a.name < b.name ? -1 : 1)).map((container) => `${container.id}\n`);
    ctx.out.stdout(ids.join(''));
    return 0;
  }
  ctx.out.stdout(psTable(containers, ctx.state.clock, { noTrunc: flagSet(invocation, 'no-trunc') }));
  return 0;
}
