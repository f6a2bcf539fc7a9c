// `docker compose images`: the images the project's containers use.

import type { Invocation } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { LABEL } from '../labels.ts';
import { projectContainers } from '../plan.ts';
import { imagesTable } from '../tables.ts';
import { flagSet, loadFor } from './common.ts';

export function runComposeImages(ctx: CommandContext, invocation: Invocation): number {
  const loaded = loadFor(ctx, invocation, { allowMissing: true });
  if (!loaded.ok) return loaded.exitCode;
  const names = invocation.args;
  const containers = projectContainers(ctx.state, loaded.project.name).filter((container) => names.length === 0 || names.includes(container.config.labels[LABEL.service] ?? ''));
  if (flagSet(invocation, 'quiet')) {
    const ids = [...new Set(containers.map((container) => container.imageId))];
    ctx.out.stdout(ids.map((id) => `${id}\n`).join(''));
    return 0;
  }
  ctx.out.stdout(imagesTable(containers, ctx.state.images, ctx.state.clock));
  return 0;
}
