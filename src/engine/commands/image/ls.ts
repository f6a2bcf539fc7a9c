// `docker image ls` (`docker images`): one row per tag, newest image first, in 28.x's classic table.

import type { CommandDef } from '../../cli/command.ts';
import { listImages } from '../../daemon/images.ts';
import { addFilter, parseFilters } from '../../daemon/filters.ts';
import { renderList } from '../../format/list-output.ts';
import { listFlag } from '../container/run-options.ts';
import { daemonFailure } from '../status-error.ts';
import { IMAGE_HEADER, imageContext, imageRows } from './image-view.ts';

const TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const TABLE_WITH_DIGEST = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

/** `formatter.NewImageFormat`: the default and `table` honour -q and --digests; a custom table gains a digest column. */
function imageFormat(given: string, quiet: boolean, digests: boolean): string {
  if (given === '' || given === 'table') return quiet ? '{{.ID}}' : digests ? TABLE_WITH_DIGEST : TABLE;
  if (given === 'raw') {
    if (quiet) return 'image_id: {{.ID}}';
    const digestLine = digests ? 'digest: {{.Digest}}\n' : '';
    return `repository: {{ .Repository }}\ntag: {{.Tag}}\n${digestLine}image_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n`;
  }
  if (given.startsWith('table') && digests && !given.includes('{{.Digest}}')) return `${given}\t{{.Digest}}`;
  return given;
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
  supportedFlags: ['all', 'digests', 'filter', 'format', 'no-trunc', 'quiet'],
  run(ctx, { flags, args }) {
    const filters = parseFilters(listFlag(flags.filter));
    if (args[0] !== undefined) addFilter(filters, 'reference', args[0]);
    const listed = listImages(ctx.state, filters);
    if (!listed.ok) return daemonFailure(ctx, listed.message);
    const given = typeof flags.format === 'string' ? flags.format : '';
    const digests = flags.digests === true;
    const format = imageFormat(given, flags.quiet === true, digests);
    // The digest column (or a template naming it) keeps tag and digest rows apart.
    const needDigest = digests || format.includes('{{.Digest}}');
    const rows = listed.images.flatMap((image) => imageRows(image, needDigest, digests));
    const options = { trunc: flags['no-trunc'] !== true, now: ctx.state.clock };
    const rendered = renderList(format, IMAGE_HEADER, rows.map((row) => imageContext(row, options)));
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    ctx.out.stdout(rendered.text);
    return 0;
  },
};
