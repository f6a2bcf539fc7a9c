// `docker volume ls`: list volumes.

import type { CommandDef } from '../../cli/command.ts';
import { listVolumes } from '../../daemon/volumes.ts';
import { parseFilters } from '../../daemon/filters.ts';
import { renderList } from '../../format/list-output.ts';
import { listFlag } from '../container/run-options.ts';
import { daemonFailure } from '../status-error.ts';
import { naturalCompare } from '../../format/natural-order.ts';
import { VOLUME_HEADER, volumeContext } from './volume-view.ts';

export const lsCommand: CommandDef = {
  path: ['volume', 'ls'],
  use: 'ls [OPTIONS]',
  aliases: ['docker volume ls', 'docker volume list'],
  short: 'List volumes',
  args: { max: 0 },
  flags: [
    { name: 'cluster', kind: 'bool', type: '', usage: 'Display only cluster volumes, and use cluster volume list formatting', requires: { swarm: 'manager' } },
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "dangling=true")', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display volume names' },
  ],
  supportedFlags: ['filter', 'format', 'quiet'],
  run(ctx, { flags }) {
    const listed = listVolumes(ctx.state, parseFilters(listFlag(flags.filter)));
    if (!listed.ok) return daemonFailure(ctx, listed.message);
    const quiet = flags.quiet === true;
    const given = typeof flags.format === 'string' ? flags.format : '';
    // NewVolumeFormat: the default and `table` honour -q; any other format wins over it.
    const source = given === '' || given === 'table' ? (quiet ? '{{.Name}}' : 'table {{.Driver}}\t{{.Name}}') : given === 'raw' ? (quiet ? 'name: {{.Name}}' : 'name: {{.Name}}\ndriver: {{.Driver}}\n') : given;
    const volumes = [...listed.volumes].sort((a, b) => naturalCompare(a.name, b.name));
    const rendered = renderList(source, VOLUME_HEADER, volumes.map((volume) => volumeContext(volume)));
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    ctx.out.stdout(rendered.text);
    return 0;
  },
};
