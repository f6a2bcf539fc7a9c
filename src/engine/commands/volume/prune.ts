// `docker volume prune`: remove unused local volumes.

import type { CommandDef } from '../../cli/command.ts';
import { addFilter, parseFilters } from '../../daemon/filters.ts';
import { pruneVolumes } from '../../daemon/volumes.ts';
import { humanSize4 } from '../../format/units.ts';
import { listFlag } from '../container/run-options.ts';
import { confirm } from '../confirm.ts';
import { daemonFailure } from '../status-error.ts';

const ANONYMOUS_WARNING = 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';
const ALL_WARNING = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';

export const pruneCommand: CommandDef = {
  path: ['volume', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove unused local volumes',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Remove all unused volumes, not just anonymous ones' },
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "label=<label>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
  supportedFlags: ['all', 'filter', 'force'],
  run(ctx, { flags }) {
    const filters = parseFilters(listFlag(flags.filter));
    const all = flags.all === true;
    if (all) {
      if (filters.has('all')) {
        ctx.out.stderr('conflicting options: cannot specify both --all and --filter all=1\n');
        return 1;
      }
      addFilter(filters, 'all', 'true');
    }
    const prune = (run: typeof ctx): number => {
      const report = pruneVolumes(run.state, filters);
      if (!report.ok) return daemonFailure(run, report.message);
      if (report.deleted.length > 0) run.out.stdout(`Deleted Volumes:\n${report.deleted.map((name) => `${name}\n`).join('')}\n`);
      run.out.stdout(`Total reclaimed space: ${humanSize4(report.reclaimed)}\n`);
      return 0;
    };
    if (flags.force === true) return prune(ctx);
    return confirm(ctx, all ? ALL_WARNING : ANONYMOUS_WARNING, (run, yes) => (yes ? prune(run) : 0));
  },
};
