// docker/cli's ContainerContext for `docker ps`: the fields templates see, their headers, and the table/json/raw formats.

import type { ListedContainer } from '../../daemon/container-list.ts';
import { executeTemplate, goStruct, parseTemplate, type ParsedTemplate } from '../../format/go-template.ts';
import { goTimeString } from '../../format/go-time.ts';
import { apiPorts, displayablePorts } from '../../format/ports.ts';
import { tabwrite } from '../../format/table.ts';
import { ellipsis, quoteGo } from '../../format/text.ts';
import { containerStatusText, humanDuration, humanSizeWithPrecision } from '../../format/units.ts';
import { familiarName } from '../../daemon/images.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const RAW_FORMAT =
  'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n';

/** The daemon's Command field: the path and arguments, an argument with a space in single quotes. */
export function commandLine(container: ContainerRecord): string {
  const args = container.args.map((arg) => (arg.includes(' ') ? `'${arg}'` : arg));
  return args.length > 0 ? `${container.path} ${args.join(' ')}` : container.path;
}

export function displayCommand(container: ContainerRecord, truncate: boolean): string {
  const command = commandLine(container);
  return quoteGo(truncate ? ellipsis(command, 20) : command);
}

function truncateId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** ContainerContext.Image: with truncation, an image id shortens to 12 digits and a digest is dropped. */
function imageField(listed: ListedContainer, trunc: boolean): string {
  const image = listed.image;
  if (image === '') return '<no image>';
  if (!trunc) return image;
  if (truncateId(listed.container.imageId) === truncateId(image)) return truncateId(image);
  const at = image.indexOf('@');
  return familiarName(at >= 0 ? image.slice(0, at) : image);
}

/** The seconds the API's `Created` keeps: the list gives whole seconds. */
function createdSeconds(container: ContainerRecord): number {
  return Math.floor(container.created / 1000) * 1000;
}

export interface ContainerContextOptions {
  now: number;
  trunc: boolean;
  /** Records the fields a template reads, as the preprocessing pass does to decide whether to ask for sizes. */
  fieldsUsed?: Set<string>;
}

/** A `*formatter.ContainerContext` over one listed container (`null`: the empty one the format is checked with). */
export function containerContext(listed: ListedContainer | null, options: ContainerContextOptions) {
  const container = listed?.container;
  const { trunc, now } = options;
  return goStruct('*formatter.ContainerContext', {
    ID: () => (container ? (trunc ? container.id.slice(0, 12) : container.id) : ''),
    Names: () => container?.name ?? '',
    Image: () => (listed ? imageField(listed, trunc) : '<no image>'),
    Command: () => (container ? displayCommand(container, trunc) : '""'),
    CreatedAt: () => goTimeString(container ? createdSeconds(container) : 0),
    RunningFor: () => `${humanDuration(now - (container ? createdSeconds(container) : 0))} ago`,
    Ports: () => (container ? displayablePorts(apiPorts(container)) : ''),
    State: () => container?.status ?? '',
    Status: () => (container ? containerStatusText(container, now) : ''),
    Size: () => {
      options.fieldsUsed?.add('Size');
      const rw = humanSizeWithPrecision(listed?.sizeRw ?? 0, 3);
      const rootFs = listed?.sizeRootFs ?? 0;
      return rootFs > 0 ? `${rw} (virtual ${humanSizeWithPrecision(rootFs, 3)})` : rw;
    },
    Labels: () => {
      if (!container) return '';
      return Object.entries(container.config.labels)
        .map(([key, value]) => `${key}=${value}`)
        .sort()
        .join(',');
    },
    Label: (name: string) => container?.config.labels[name] ?? '',
    Mounts: () => {
      if (!container) return '';
      return container.hostConfig.mounts
        .map((mount) => (trunc ? ellipsis(mount.source, 15) : mount.source))
        .join(',');
    },
    LocalVolumes: () => String(container ? container.hostConfig.mounts.filter((mount) => mount.type === 'volume').length : 0),
    Networks: () => (container ? Object.keys(container.networks).sort().join(',') : ''),
    Platform: () => null,
  });
}

const HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

/** The header row's context: every field answers with its column title; `.Label "a.b"` with the last part of the name. */
function headerContext() {
  return goStruct('formatter.SubHeaderContext', {
    ...Object.fromEntries(Object.entries(HEADERS).map(([field, title]) => [field, () => title])),
    Label: (name: string) => (name.split('.').at(-1) ?? '').replace(/[-_]/g, ' '),
  });
}

/** `formatter.NewContainerFormat`: what a `--format` value (or none) means with `-q` and `-s`. */
export function containerFormat(format: string, quiet: boolean, size: boolean): string {
  if (format === '' || format === 'table') {
    if (quiet) return '{{.ID}}';
    return size ? `${DEFAULT_TABLE}\t{{.Size}}` : DEFAULT_TABLE;
  }
  if (format === 'raw') {
    if (quiet) return 'container_id: {{.ID}}';
    return size ? `${RAW_FORMAT}size: {{.Size}}\n` : RAW_FORMAT;
  }
  if (quiet) return '{{.ID}}';
  return format;
}

export type FormatCheck = { ok: true; template: ParsedTemplate; usesSize: boolean } | { ok: false; error: string };

/**
 * The list command's early check of a custom format: it must parse and run on an empty container. docker/cli
 * checks the text as given (`json` and `table …` are plain text to it then), which also decides whether the
 * template reads `.Size`.
 */
export function checkContainerFormat(format: string): FormatCheck {
  const parsed = parseTemplate(format);
  if (!parsed.ok) return { ok: false, error: `failed to parse template: ${parsed.error}` };
  const fieldsUsed = new Set<string>();
  const result = executeTemplate(parsed.template, containerContext(null, { now: 0, trunc: true, fieldsUsed }));
  if (!result.ok) return { ok: false, error: `failed to execute template: ${result.error}` };
  return { ok: true, template: parsed.template, usesSize: fieldsUsed.has('Size') };
}

/** How docker/cli's formatter reads a format: a `table` prefix, `json`, and `\t`/`\n` typed as two characters. */
function formatSource(format: string): { table: boolean; source: string } {
  if (format === 'json') return { table: false, source: '{{json .}}' };
  const table = format.startsWith('table');
  const body = table ? format.slice('table'.length).replace(/^ +| +$/g, '') : format;
  return { table, source: body.replaceAll('\\t', '\t').replaceAll('\\n', '\n') };
}

/** Renders the rows as formatter.Context.Write: a table is tab-aligned with a header, other formats line by line. */
export function writeContainers(format: string, rows: readonly ListedContainer[], options: Omit<ContainerContextOptions, 'fieldsUsed'>): { ok: true; text: string } | { ok: false; error: string } {
  const { table, source } = formatSource(format);
  const parsed = parseTemplate(source);
  if (!parsed.ok) return { ok: false, error: `template parsing error: ${parsed.error}` };
  let body = '';
  for (const row of rows) {
    const result = executeTemplate(parsed.template, containerContext(row, options));
    if (!result.ok) return { ok: false, error: `template parsing error: ${result.error}` };
    body += `${result.text}\n`;
  }
  if (!table) return { ok: true, text: body };
  const heading = executeTemplate(parsed.template, headerContext(), { header: true });
  return { ok: true, text: tabwrite(`${heading.ok ? heading.text : ''}\n${body}`) };
}
