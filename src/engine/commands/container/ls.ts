// `docker container ls` (`docker ps`): the container table, its filters, formats and quiet/latest/size forms.

import type { CommandDef } from '../../cli/command.ts';
import { listContainers } from '../../daemon/container-list.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { parseFilters } from '../../daemon/filters.ts';
import { checkContainerFormat, containerFormat, writeContainers } from './ps-format.ts';
import { listFlag } from './run-options.ts';

export { displayCommand } from './ps-format.ts';

export const lsCommand: CommandDef = {
  path: ['container', 'ls'],
  use: 'ls [OPTIONS]',
  aliases: ['docker container ls', 'docker container list', 'docker container ps', 'docker ps'],
  short: 'List containers',
  args: { max: 0 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Show all containers (default shows just running)' },
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Filter output based on conditions provided', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'last', shorthand: 'n', kind: 'int', type: 'int', usage: 'Show n last created containers (includes all states)', defaultText: '-1', defaultValue: -1 },
    { name: 'latest', shorthand: 'l', kind: 'bool', type: '', usage: 'Show the latest created container (includes all states)' },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display container IDs' },
    { name: 'size', shorthand: 's', kind: 'bool', type: '', usage: 'Display total file sizes' },
  ],
  supportedFlags: ['all', 'filter', 'format', 'last', 'latest', 'no-trunc', 'quiet', 'size'],
  run(ctx, { flags, given }) {
    const { state } = ctx;
    reconcileContainers(state);
    const quiet = flags.quiet === true;
    let format = typeof flags.format === 'string' ? flags.format : '';
    if (format !== '' && quiet) ctx.out.stderr('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    let size = flags.size === true;
    let limit = typeof flags.last === 'number' ? flags.last : -1;
    if (flags.latest === true && limit === -1) limit = 1;
    if (format !== '') {
      const checked = checkContainerFormat(format);
      if (!checked.ok) {
        ctx.out.stderr(`${checked.error}\n`);
        return 1;
      }
      // A template that shows .Size asks the daemon for sizes, unless --size was given either way.
      if (!quiet && !size && !given.has('size') && checked.usesSize) size = true;
    }
    const listed = listContainers(state, { all: flags.all === true, limit, filters: parseFilters(listFlag(flags.filter)), size });
    if (!listed.ok) {
      ctx.out.stderr(`Error response from daemon: ${listed.message}\n`);
      return 1;
    }
    const rows = listed.containers;
    format = containerFormat(format, quiet, size);
    const written = writeContainers(format, rows, { now: state.clock, trunc: flags['no-trunc'] !== true });
    if (!written.ok) {
      ctx.out.stderr(`${written.error}\n`);
      return 1;
    }
    ctx.out.stdout(written.text);
    return 0;
  },
};
