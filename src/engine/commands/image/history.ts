// `docker image history` (`docker history`): show the history of an image.

import type { CommandDef } from '../../cli/command.ts';
import { getImage } from '../../daemon/images.ts';
import { renderList } from '../../format/list-output.ts';
import { daemonFailure } from '../status-error.ts';
import { HISTORY_HEADER, historyContext, historyRows } from './image-view.ts';

export const historyCommand: CommandDef = {
  path: ['image', 'history'],
  use: 'history [OPTIONS] IMAGE',
  aliases: ['docker image history', 'docker history'],
  short: 'Show the history of an image',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'human', shorthand: 'H', kind: 'bool', type: '', usage: 'Print sizes and dates in human readable format', defaultText: 'true', defaultValue: true },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
    { name: 'platform', kind: 'string', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only show image IDs' },
  ],
  supportedFlags: ['format', 'human', 'no-trunc', 'quiet'],
  run(ctx, { flags, args }) {
    const found = getImage(ctx.state, args[0]);
    if (!found.ok) return daemonFailure(ctx, found.message);
    const human = flags.human !== false;
    const given = typeof flags.format === 'string' ? flags.format : '';
    const table = human
      ? 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}'
      : 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
    const format = given === '' || given === 'table' ? (flags.quiet === true ? '{{.ID}}' : table) : given;
    const options = { trunc: flags['no-trunc'] !== true, human, now: ctx.state.clock };
    const rows = historyRows(found.image).map(({ entry, id }) => historyContext(entry, id, options));
    const rendered = renderList(format, HISTORY_HEADER, rows);
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    ctx.out.stdout(rendered.text);
    return 0;
  },
};
