// `docker network ls`: list networks.

import type { CommandDef } from '../../cli/command.ts';
import { parseFilters } from '../../daemon/filters.ts';
import { listNetworks } from '../../daemon/networks.ts';
import { renderList } from '../../format/list-output.ts';
import { naturalCompare } from '../../format/natural-order.ts';
import { listFlag } from '../container/run-options.ts';
import { daemonFailure } from '../status-error.ts';
import { NETWORK_HEADER, networkContext } from './network-view.ts';

export const lsCommand: CommandDef = {
  path: ['network', 'ls'],
  use: 'ls [OPTIONS]',
  aliases: ['docker network ls', 'docker network list'],
  short: 'List networks',
  args: { max: 0 },
  flags: [
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'no-trunc', kind: 'bool', type: '', usage: 'Do not truncate the output' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only display network IDs' },
  ],
  supportedFlags: ['filter', 'format', 'no-trunc', 'quiet'],
  run(ctx, { flags }) {
    const listed = listNetworks(ctx.state, parseFilters(listFlag(flags.filter)));
    if (!listed.ok) return daemonFailure(ctx, listed.message);
    const quiet = flags.quiet === true;
    const given = typeof flags.format === 'string' ? flags.format : '';
    const source =
      given === '' || given === 'table'
        ? quiet
          ? '{{.ID}}'
          : 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}'
        : given === 'raw'
          ? quiet
            ? 'network_id: {{.ID}}'
            : 'network_id: {{.ID}}\nname: {{.Name}}\ndriver: {{.Driver}}\nscope: {{.Scope}}\n'
          : given;
    const trunc = flags['no-trunc'] !== true;
    const networks = [...listed.networks].sort((a, b) => naturalCompare(a.name, b.name));
    const rendered = renderList(source, NETWORK_HEADER, networks.map((network) => networkContext(network, trunc)));
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    ctx.out.stdout(rendered.text);
    return 0;
  },
};
