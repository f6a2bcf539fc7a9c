// `docker system prune`: remove unused data.

import type { CommandDef } from '../../cli/command.ts';
import type { CommandContext } from '../../exec/context.ts';
import { pruneContainers } from '../../daemon/containers.ts';
import { matchLabels, parseFilters, untilFilter, validateFilters, type FilterArgs } from '../../daemon/filters.ts';
import { pruneImages } from '../../daemon/images.ts';
import { pruneNetworks } from '../../daemon/networks.ts';
import { pruneVolumes } from '../../daemon/volumes.ts';
import { humanSize4 } from '../../format/units.ts';
import { listFlag } from '../container/run-options.ts';
import { confirm } from '../confirm.ts';
import { daemonFailure } from '../status-error.ts';
import { cacheRecordId } from './df.ts';

/** The confirmation docker/cli builds: what will go, and the filters that narrow it. */
function warning(all: boolean, volumes: boolean, filters: string[]): string {
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(volumes ? ['all anonymous volumes not used by at least one container'] : []),
    all ? 'all images without at least one container associated to them' : 'all dangling images',
    all ? 'all build cache' : 'unused build cache',
  ];
  let text = `WARNING! This will remove:\n${items.map((item) => `  - ${item}\n`).join('')}`;
  if (filters.length > 0) text += `\n  Items to be pruned will be filtered with:\n${filters.map((filter) => `  - ${filter}\n`).join('')}`;
  return `${text}\nAre you sure you want to continue?`;
}

function pruneAll(ctx: CommandContext, options: { all: boolean; volumes: boolean; filters: FilterArgs }): number {
  const { state, out } = ctx;
  const { filters } = options;
  // The container prune goes first and checks the filters before anything is removed.
  const invalid = validateFilters(filters, ['until', 'label', 'label!']);
  if (invalid) return daemonFailure(ctx, invalid);
  const until = untilFilter(filters, state.clock);
  if (!until.ok) return daemonFailure(ctx, until.message);
  let reclaimed = 0;
  const containers = pruneContainers(state, (container) => {
    if (until.until !== undefined && container.created > until.until) return true;
    if (!matchLabels(filters, 'label', container.config.labels)) return true;
    return filters.has('label!') && matchLabels(filters, 'label!', container.config.labels);
  });
  reclaimed += containers.reclaimed;
  if (containers.ids.length > 0) out.stdout(`Deleted Containers:\n${containers.ids.map((id) => `${id}\n`).join('')}\n`);
  const networks = pruneNetworks(state, filters, until.until);
  if (!networks.ok) return daemonFailure(ctx, networks.message);
  if (networks.deleted.length > 0) out.stdout(`Deleted Networks:\n${networks.deleted.map((name) => `${name}\n`).join('')}\n`);
  if (options.volumes) {
    const volumes = pruneVolumes(state, filters);
    if (!volumes.ok) return daemonFailure(ctx, volumes.message);
    reclaimed += volumes.reclaimed;
    if (volumes.deleted.length > 0) out.stdout(`Deleted Volumes:\n${volumes.deleted.map((name) => `${name}\n`).join('')}\n`);
  }
  const images = pruneImages(state, { all: options.all, until: until.until, filters });
  if (!images.ok) return daemonFailure(ctx, images.message);
  reclaimed += images.reclaimed;
  if (images.records.length > 0) {
    const lines = images.records.map((record) => (record.deleted !== undefined ? `deleted: ${record.deleted}\n` : `untagged: ${record.untagged}\n`));
    out.stdout(`Deleted Images:\n${lines.join('')}\n`);
  }
  // The build cache holds step results only; no build runs while the prune does, so all of it is unused.
  const steps = state.buildCache?.steps ?? {};
  const keys = Object.keys(steps).filter((key) => until.until === undefined || steps[key].created <= until.until);
  if (keys.length > 0) {
    for (const key of keys) {
      reclaimed += steps[key].bytes;
      delete steps[key];
    }
    out.stdout(`Deleted build cache objects:\n${keys.map((key) => `${cacheRecordId(key)}\n`).join('')}\n`);
  }
  out.stdout(`Total reclaimed space: ${humanSize4(reclaimed)}\n`);
  return 0;
}

export const pruneCommand: CommandDef = {
  path: ['system', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Remove all unused images not just dangling ones' },
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
    { name: 'volumes', kind: 'bool', type: '', usage: 'Prune anonymous volumes' },
  ],
  supportedFlags: ['all', 'filter', 'force', 'volumes'],
  run(ctx, { flags }) {
    const values = listFlag(flags.filter);
    const options = { all: flags.all === true, volumes: flags.volumes === true, filters: parseFilters(values) };
    // The client refuses this before asking anything.
    if (options.volumes && options.filters.has('until')) {
      ctx.out.stderr('ERROR: The "until" filter is not supported with "--volumes"\n');
      return 1;
    }
    if (flags.force === true) return pruneAll(ctx, options);
    return confirm(ctx, warning(options.all, options.volumes, values.filter((value) => value !== '')), (run, yes) => (yes ? pruneAll(run, options) : 0));
  },
};
