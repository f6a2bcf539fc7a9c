// `docker container prune`: remove all stopped containers.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { pruneContainers, reconcileContainers } from '../../daemon/containers.ts';
import { matchLabels, parseFilters, untilFilter, validateFilters, type FilterArgs } from '../../daemon/filters.ts';
import { humanSize4 } from '../../format/units.ts';
import { confirm } from '../confirm.ts';
import { listFlag } from './run-options.ts';

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';

/** The daemon's `ContainersPrune`: stopped containers that pass the `until` and `label` filters go. */
function prune(ctx: CommandContext, filters: FilterArgs): number {
  const invalid = validateFilters(filters, ['label', 'label!', 'until']);
  if (invalid) {
    ctx.out.stderr(`Error response from daemon: ${invalid}\n`);
    return 1;
  }
  const until = untilFilter(filters, ctx.state.clock);
  if (!until.ok) {
    ctx.out.stderr(`Error response from daemon: ${until.message}\n`);
    return 1;
  }
  const excluded = filters.get('label!');
  const report = pruneContainers(ctx.state, (container) => {
    if (until.until !== undefined && container.created >= until.until) return true;
    if (!matchLabels(filters, 'label', container.config.labels)) return true;
    if (excluded && excluded.size > 0 && matchLabels(new Map([['label', excluded]]), 'label', container.config.labels)) return true;
    return false;
  });
  let text = '';
  if (report.ids.length > 0) text += `Deleted Containers:\n${report.ids.map((id) => `${id}\n`).join('')}\n`;
  text += `Total reclaimed space: ${humanSize4(report.ids.length > 0 ? report.reclaimed : 0)}\n`;
  ctx.out.stdout(text);
  return 0;
}

export const pruneCommand: CommandDef = {
  path: ['container', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { max: 0 },
  flags: [
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
  supportedFlags: ['filter', 'force'],
  run(ctx, { flags }) {
    reconcileContainers(ctx.state);
    const filters = parseFilters(listFlag(flags.filter));
    if (flags.force === true) return prune(ctx, filters);
    return confirm(ctx, WARNING, (run, yes) => (yes ? prune(run, filters) : 0));
  },
};
