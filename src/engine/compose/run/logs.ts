// `docker compose logs`: the services' container logs behind their prefixes; `-f` keeps following.

import type { Invocation } from '../../cli/command.ts';
import { isRunning } from '../../daemon/containers.ts';
import type { CommandContext } from '../../exec/context.ts';
import { LABEL } from '../labels.ts';
import { canonicalName, LogPrinter } from '../log-prefix.ts';
import { projectContainers } from '../plan.ts';
import { composeFailure, flagSet, flagString, loadFor, unknownService } from './common.ts';
import { mergedLogs, printLogLines } from './log-stream.ts';
import { EXIT_CANCELED } from './up.ts';

export function runComposeLogs(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation, { allowMissing: true });
  if (!loaded.ok) return loaded.exitCode;
  const { project, globals } = loaded;
  const names = invocation.args;
  const missing = unknownService(project, names);
  if (missing) return composeFailure(ctx, missing);
  const tailText = flagString(invocation, 'tail') ?? 'all';
  const tail = tailText === 'all' ? undefined : Number(tailText);
  if (tail !== undefined && !Number.isInteger(tail)) return composeFailure(ctx, `invalid value for --tail: ${tailText}`);
  const containers = projectContainers(ctx.state, project.name)
    .filter((container) => names.length === 0 || names.includes(container.config.labels[LABEL.service] ?? ''))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const printer = new LogPrinter({ colour: ctx.tty && !flagSet(invocation, 'no-color') && globals.ansi !== 'never' });
  for (const container of containers) printer.register(canonicalName(container.name, project.name));
  const lines = mergedLogs(containers, { ...(tail !== undefined ? { tail } : {}) });
  const options = { project: project.name, printer, prefix: !flagSet(invocation, 'no-log-prefix'), timestamps: flagSet(invocation, 'timestamps') };
  printLogLines(ctx.state, ctx.out, lines, options);
  if (!flagSet(invocation, 'follow') || !containers.some(isRunning)) return 0;
  if (!ctx.follow) return 0;
  ctx.follow(() => EXIT_CANCELED);
  return 0;
}
