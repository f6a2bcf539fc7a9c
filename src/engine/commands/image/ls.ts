// `docker image ls` (`docker images`): one row per tag, newest image first, in 28.x's classic table.

import type { CommandDef } from '../../cli/command.ts';
import { humanSize, timeAgo } from '../../format/units.ts';
import { renderTable } from '../../format/table.ts';
import type { ImageRecord } from '../../state/machine-state.ts';

interface ImageRow {
  repository: string;
  tag: string;
  image: ImageRecord;
}

function rowsOf(image: ImageRecord): ImageRow[] {
  if (image.repoTags.length === 0) return [{ repository: '<none>', tag: '<none>', image }];
  return image.repoTags.map((reference) => {
    const colon = reference.lastIndexOf(':');
    return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1), image };
  });
}

export const lsCommand: CommandDef = {
  path: ['image', 'ls'],
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  aliases: ['docker image ls', 'docker image list', 'docker images'],
  short: 'List images',
  args: { max: 1 },
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Show all images (default hides intermediate images)' },
    { name: 'digests', kind: 'bool', type: '', usage: 'Show digests' },
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Filter output based on conditions provided', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', kind: 'bool', type: '', usage: 'Only show image IDs' },
    { name: 'tree', kind: 'bool', type: '', usage: 'List multi-platform images as a tree (EXPERIMENTAL)' },
  ],
  // `--all` adds intermediate images, which BuildKit never leaves: the list is the same with it.
  supportedFlags: ['all', 'no-trunc', 'quiet'],
  run(ctx, { flags, args }) {
    const { state } = ctx;
    const noTrunc = flags['no-trunc'] === true;
    let rows = [...state.images].sort((a, b) => b.created - a.created).flatMap(rowsOf);
    if (args[0] !== undefined) {
      const [repository, tag] = args[0].includes(':') ? args[0].split(':') : [args[0], undefined];
      rows = rows.filter((row) => row.repository === repository && (tag === undefined || row.tag === tag));
    }
    const idOf = (image: ImageRecord) => (noTrunc ? image.id : image.id.slice(7, 19));
    if (flags.quiet === true) {
      const seen = new Set<string>();
      for (const row of rows) {
        if (seen.has(row.image.id)) continue;
        seen.add(row.image.id);
        ctx.out.stdout(`${idOf(row.image)}\n`);
      }
      return 0;
    }
    const header = ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];
    const body = rows.map((row) => [row.repository, row.tag, idOf(row.image), timeAgo(row.image.created, state.clock), humanSize(row.image.size)]);
    ctx.out.stdout(renderTable([header, ...body]));
    return 0;
  },
};
