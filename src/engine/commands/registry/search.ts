// `docker search`: search Docker Hub for images.

import type { CommandDef } from '../../cli/command.ts';
import { boolFilter, parseFilters, validateFilters } from '../../daemon/filters.ts';
import { goStruct } from '../../format/go-template.ts';
import { renderList } from '../../format/list-output.ts';
import { ellipsis } from '../../format/text.ts';
import { searchHub, type SearchEntry } from '../../registry/hub.ts';
import { listFlag } from '../container/run-options.ts';
import { daemonFailure } from '../status-error.ts';

const SEARCH_HEADER: Record<string, string> = {
  Name: 'NAME',
  Description: 'DESCRIPTION',
  StarCount: 'STARS',
  IsOfficial: 'OFFICIAL',
};

/** `searchContext`: descriptions cut to 45 characters unless --no-trunc; OFFICIAL is `[OK]`, but `true`/`false` in JSON. */
function searchContext(entry: SearchEntry, trunc: boolean) {
  const description = () => {
    const text = entry.description.replaceAll('\n', ' ').replaceAll('\r', ' ');
    return trunc ? ellipsis(text, 45) : text;
  };
  return goStruct('*registry.searchContext', {
    Name: () => entry.name,
    Description: description,
    StarCount: () => String(entry.stars),
    IsOfficial: () => (entry.official ? '[OK]' : ''),
    MarshalJSON: () =>
      new Map([
        ['Description', description()],
        ['IsOfficial', String(entry.official)],
        ['Name', entry.name],
        ['StarCount', String(entry.stars)],
      ]),
  });
}

/** The registry service's search: limit 1–100 (25 by default) applied by the Hub, then the filters. */
function search(term: string, limit: number, values: string[]): { ok: true; entries: SearchEntry[] } | { ok: false; message: string } {
  const filters = parseFilters(values);
  const invalid = validateFilters(filters, ['is-automated', 'is-official', 'stars']);
  if (invalid) return { ok: false, message: invalid };
  const automated = boolFilter(filters, 'is-automated');
  if (!automated.ok) return automated;
  if (automated.value === true) return { ok: true, entries: [] };
  const official = boolFilter(filters, 'is-official');
  if (!official.ok) return official;
  let minimumStars = 0;
  for (const value of filters.get('stars') ?? []) {
    if (!/^[+-]?\d+$/.test(value)) return { ok: false, message: `invalid filter 'stars=${value}': strconv.Atoi: parsing ${JSON.stringify(value)}: invalid syntax` };
    minimumStars = Math.max(minimumStars, Number(value));
  }
  const wanted = limit === 0 ? 25 : limit;
  if (wanted < 1 || wanted > 100) return { ok: false, message: `limit ${wanted} is outside the range of [1, 100]` };
  const entries = searchHub(term)
    .slice(0, wanted)
    .filter((entry) => (official.value === undefined || entry.official === official.value) && entry.stars >= minimumStars);
  return { ok: true, entries };
}

export const searchCommand: CommandDef = {
  path: ['search'],
  use: 'search [OPTIONS] TERM',
  short: 'Search Docker Hub for images',
  topRank: 10,
  args: { min: 1, max: 1 },
  flags: [
    { name: 'filter', shorthand: 'f', kind: 'list', type: 'filter', usage: 'Filter output based on conditions provided', check: 'filter' },
    { name: 'format', kind: 'string', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', kind: 'int', type: 'int', usage: 'Max number of search results' },
    { name: 'no-trunc', kind: 'bool', type: '', usage: "Don't truncate output" },
  ],
  supportedFlags: ['filter', 'format', 'limit', 'no-trunc'],
  run(ctx, { flags, args }) {
    const limit = typeof flags.limit === 'number' ? flags.limit : 0;
    const found = search(args[0], limit, listFlag(flags.filter));
    if (!found.ok) return daemonFailure(ctx, found.message);
    const given = typeof flags.format === 'string' ? flags.format : '';
    const format = given === '' || given === 'table' ? 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}' : given;
    const trunc = flags['no-trunc'] !== true;
    const rendered = renderList(format, SEARCH_HEADER, found.entries.map((entry) => searchContext(entry, trunc)));
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    ctx.out.stdout(rendered.text);
    return 0;
  },
};
