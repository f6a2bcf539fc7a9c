// `docker network prune`: remove all unused networks.

import type { CommandDef } from '../../cli/command.ts';
import { parseFilters, untilFilter } from '../../daemon/filters.ts';
import { pruneNetworks } from '../../daemon/networks.ts';
import { listFlag } from '../container/run-options.ts';
import { confirm } from '../confirm.ts';
import { daemonFailure } from '../status-error.ts';

const WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?';

export const pruneCommand: CommandDef = {
  path: ['network', 'prune'],
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")', check: 'filter' },
    { name: 'force', shorthand: 'f', kind: 'bool', type: '', usage: 'Do not prompt for confirmation' },
  ],
  supportedFlags: ['filter', 'force'],
  run(ctx, { flags }) {
    const filters = parseFilters(listFlag(flags.filter));
    const prune = (run: typeof ctx): number => {
      const until = untilFilter(filters, run.state.clock);
      if (!until.ok) return daemonFailure(run, until.message);
      const report = pruneNetworks(run.state, filters, until.until);
      if (!report.ok) return daemonFailure(run, report.message);
      if (report.deleted.length > 0) run.out.stdout(`Deleted Networks:\n${report.deleted.map((name) => `${name}\n`).join('')}\n`);
      return 0;
    };
    if (flags.force === true) return prune(ctx);
    return confirm(ctx, WARNING, (run, yes) => (yes ? prune(run) : 0));
  },
};
