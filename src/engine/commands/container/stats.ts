// `docker container stats` (`docker stats`): display a live stream of container(s) resource usage statistics.

import type { CommandDef } from '../../cli/command.ts';
import { containerStats, type ContainerStats } from '../../daemon/container-stats.ts';
import { isRunning, reconcileContainers } from '../../daemon/containers.ts';
import { executeTemplate, goStruct, parseTemplate } from '../../format/go-template.ts';
import { tabwrite } from '../../format/table.ts';
import { bytesSize, humanSizeWithPrecision } from '../../format/units.ts';
import type { ContainerRecord } from '../../state/machine-state.ts';
import { ENGINE } from '../system/engine-facts.ts';
import { findContainer } from './each-container.ts';

const DEFAULT_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

const HEADERS: Record<string, string> = {
  Container: 'CONTAINER',
  ID: 'CONTAINER ID',
  Name: 'NAME',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

function percentage(value: number): string {
  return `${value.toFixed(2)}%`;
}

/** docker/cli's statsContext over one sample. */
function statsContext(container: ContainerRecord, shownAs: string, stats: ContainerStats, trunc: boolean) {
  const size = (bytes: number) => humanSizeWithPrecision(bytes, 3);
  return goStruct('*formatter.statsContext', {
    Container: () => shownAs,
    Name: () => container.name,
    ID: () => (trunc ? container.id.slice(0, 12) : container.id),
    CPUPerc: () => percentage(stats.cpuPercent),
    MemUsage: () => `${bytesSize(stats.memory)} / ${bytesSize(stats.memoryLimit)}`,
    MemPerc: () => percentage(stats.memoryLimit > 0 ? (stats.memory / stats.memoryLimit) * 100 : 0),
    NetIO: () => `${size(stats.networkRx)} / ${size(stats.networkTx)}`,
    BlockIO: () => `${size(stats.blockRead)} / ${size(stats.blockWrite)}`,
    PIDs: () => String(stats.pids),
  });
}

function renderStats(format: string, rows: unknown[]): { ok: true; text: string } | { ok: false; error: string } {
  const resolved = format === '' || format === 'table' ? DEFAULT_FORMAT : format === 'json' ? '{{json .}}' : format;
  const table = resolved.startsWith('table');
  const source = (table ? resolved.slice('table'.length).replace(/^ +| +$/g, '') : resolved).replaceAll('\\t', '\t').replaceAll('\\n', '\n');
  const parsed = parseTemplate(source);
  if (!parsed.ok) return { ok: false, error: `template parsing error: ${parsed.error}` };
  let body = '';
  for (const row of rows) {
    const result = executeTemplate(parsed.template, row);
    if (!result.ok) return { ok: false, error: `template parsing error: ${result.error}` };
    body += `${result.text}\n`;
  }
  if (!table) return { ok: true, text: body };
  const header = goStruct('formatter.SubHeaderContext', Object.fromEntries(Object.entries(HEADERS).map(([field, title]) => [field, () => title])));
  const heading = executeTemplate(parsed.template, header, { header: true });
  return { ok: true, text: tabwrite(`${heading.ok ? heading.text : ''}\n${body}`) };
}

export const statsCommand: CommandDef = {
  path: ['container', 'stats'],
  use: 'stats [OPTIONS] [CONTAINER...]',
  aliases: ['docker container stats', 'docker stats'],
  short: 'Display a live stream of container(s) resource usage statistics',
  flags: [
    { name: 'all', shorthand: 'a', kind: 'bool', type: '', usage: 'Show all containers (default shows just running)' },
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'no-stream', kind: 'bool', type: '', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', kind: 'bool', type: '', usage: 'Do not truncate output' },
  ],
  supportedFlags: ['all', 'format', 'no-stream', 'no-trunc'],
  run(ctx, { flags, args }) {
    const { state } = ctx;
    reconcileContainers(state);
    const targets: { container: ContainerRecord; shownAs: string }[] = [];
    if (args.length > 0) {
      const errors: string[] = [];
      for (const reference of args) {
        const found = findContainer(ctx, reference);
        if (found.ok) targets.push({ container: found.container, shownAs: reference });
        else errors.push(found.text);
      }
      if (errors.length > 0) {
        ctx.out.stderr(`${errors.join('\n')}\n`);
        return 1;
      }
    } else {
      const listed = [...state.containers].sort((a, b) => b.created - a.created || b.seq - a.seq);
      for (const container of listed) {
        if (flags.all === true || isRunning(container)) targets.push({ container, shownAs: container.id.slice(0, 12) });
      }
    }
    const trunc = flags['no-trunc'] !== true;
    const rows = targets.map(({ container, shownAs }) => statsContext(container, shownAs, containerStats(state, container, ENGINE.memTotal, ENGINE.cpus), trunc));
    const format = typeof flags.format === 'string' ? flags.format : '';
    const rendered = renderStats(format, rows);
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    if (flags['no-stream'] === true) {
      ctx.out.stdout(rendered.text);
      return 0;
    }
    // Streaming clears the screen and draws the table again every half second until Ctrl+C.
    ctx.out.stdout(`\x1b[2J\x1b[H${rendered.text}`);
    ctx.follow?.(() => 130);
    return 0;
  },
};
