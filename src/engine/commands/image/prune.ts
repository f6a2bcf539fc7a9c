// `docker image prune`: remove unused images.

import type { CommandDef } from '../../cli/command.ts';
import { parseFilters, untilFilter } from '../../daemon/filters.ts';
import { pruneImages } from '../../daemon/images.ts';
import { humanSize4 } from '../../format/units.ts';
import { listFlag } from '../container/run-options.ts';
import { confirm } from '../confirm.ts';
import { daemonFailure } from '../status-error.ts';

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';
const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?';

export const pruneCommand: CommandDef = {
  path: ['image', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Remove all unused images, not just dangling ones' },
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
  supportedFlags: ['all', 'filter', 'force'],
  run(ctx, { flags }) {
    const filters = parseFilters(listFlag(flags.filter));
    const all = flags.all === true;
    const prune = (run: typeof ctx): number => {
      const until = untilFilter(filters, run.state.clock);
      if (!until.ok) return daemonFailure(run, until.message);
      const report = pruneImages(run.state, { all, until: until.until, filters });
      if (!report.ok) return daemonFailure(run, report.message);
      if (report.records.length > 0) {
        const lines = report.records.map((record) => (record.deleted !== undefined ? `deleted: ${record.deleted}\n` : `untagged: ${record.untagged}\n`));
        run.out.stdout(`Deleted Images:\n${lines.join('')}\n`);
      }
      run.out.stdout(`Total reclaimed space: ${humanSize4(report.reclaimed)}\n`);
      return 0;
    };
    if (flags.force === true) return prune(ctx);
    return confirm(ctx, all ? ALL_WARNING : DANGLING_WARNING, (run, yes) => (yes ? prune(run) : 0));
  },
};
