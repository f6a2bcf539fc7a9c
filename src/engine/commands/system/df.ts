// `docker system df`: show docker disk usage.

import type { CommandDef } from '../../cli/command.ts';
import { writableLayerSize } from '../../daemon/containers.ts';
import { layersSize, sharedSize } from '../../daemon/images.ts';
import { volumeSize, volumeUsers } from '../../daemon/volumes.ts';
import { goStruct } from '../../format/go-template.ts';
import { renderList } from '../../format/list-output.ts';
import { ellipsis, quoteGo } from '../../format/text.ts';
import { containerStatusText, humanDuration, humanSize4, humanSizeWithPrecision } from '../../format/units.ts';
import type { ContainerRecord, MachineState } from '../../state/machine-state.ts';
import { IMAGE_HEADER, imageContext, imageRows } from '../image/image-view.ts';
import { VOLUME_HEADER, volumeContext } from '../volume/volume-view.ts';

const SUMMARY_HEADER: Record<string, string> = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };
const SUMMARY_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';

function isActive(container: ContainerRecord): boolean {
  return container.status === 'running' || container.status === 'paused' || container.status === 'restarting';
}

/** `SIZE (PCT%)` with Go's integer percentage, or the size alone when there is nothing at all. */
function reclaimable(amount: number, total: number): string {
  return total > 0 ? `${humanSize4(amount)} (${Math.trunc((amount * 100) / total)}%)` : humanSize4(amount);
}

interface UsageRow {
  Type: string;
  TotalCount: number;
  Active: number;
  Size: number;
  Reclaimable: string;
}

function buildCacheRecords(state: MachineState) {
  return Object.entries(state.buildCache?.steps ?? {}).map(([key, step]) => ({ id: cacheRecordId(key), bytes: step.bytes, created: step.created }));
}

/** BuildKit names cache records with 25 lowercase letters and digits. */
export function cacheRecordId(key: string): string {
  let id = '';
  for (const char of key.replace(/^sha256:/, '')) {
    const value = Number.parseInt(char, 16);
    id += '0123456789abcdefghijklmnopqrstuvwxyz'[(value * 7 + id.length) % 36];
    if (id.length === 25) break;
  }
  return id.padEnd(25, '0');
}

function usage(state: MachineState): UsageRow[] {
  const layers = layersSize(state);
  let usedByContainers = 0;
  const activeImages = state.images.filter((image) => state.containers.some((container) => container.imageId === image.id));
  for (const image of activeImages) usedByContainers += image.size - sharedSize(state, image);
  const containerTotal = state.containers.reduce((sum, container) => sum + writableLayerSize(container), 0);
  const containerIdle = state.containers.filter((container) => !isActive(container)).reduce((sum, container) => sum + writableLayerSize(container), 0);
  const volumeTotal = state.volumes.reduce((sum, volume) => sum + volumeSize(volume), 0);
  const volumeIdle = state.volumes.filter((volume) => volumeUsers(state, volume.name).length === 0).reduce((sum, volume) => sum + volumeSize(volume), 0);
  const cache = buildCacheRecords(state);
  const cacheTotal = cache.reduce((sum, record) => sum + record.bytes, 0);
  return [
    { Type: 'Images', TotalCount: state.images.length, Active: activeImages.length, Size: layers, Reclaimable: reclaimable(layers - usedByContainers, layers) },
    {
      Type: 'Containers',
      TotalCount: state.containers.length,
      Active: state.containers.filter(isActive).length,
      Size: containerTotal,
      Reclaimable: reclaimable(containerIdle, containerTotal),
    },
    {
      Type: 'Local Volumes',
      TotalCount: state.volumes.length,
      Active: state.volumes.filter((volume) => volumeUsers(state, volume.name).length > 0).length,
      Size: volumeTotal,
      Reclaimable: reclaimable(volumeIdle, volumeTotal),
    },
    { Type: 'Build Cache', TotalCount: cache.length, Active: 0, Size: cacheTotal, Reclaimable: humanSize4(cacheTotal) },
  ];
}

function usageContext(row: UsageRow) {
  return goStruct('*formatter.diskUsageContext', {
    Type: () => row.Type,
    TotalCount: () => String(row.TotalCount),
    Active: () => String(row.Active),
    Size: () => humanSize4(row.Size),
    Reclaimable: () => row.Reclaimable,
  });
}

function commandText(container: ContainerRecord): string {
  const args = container.args.map((arg) => (arg.includes(' ') ? `'${arg}'` : arg));
  const command = args.length > 0 ? `${container.path} ${args.join(' ')}` : container.path;
  return quoteGo(ellipsis(command, 20));
}

const CONTAINER_HEADER: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  LocalVolumes: 'LOCAL VOLUMES',
  Size: 'SIZE',
  RunningFor: 'CREATED',
  Status: 'STATUS',
  Names: 'NAMES',
};

function table(format: string, header: Record<string, string>, rows: readonly unknown[]): string {
  const rendered = renderList(format, header, rows);
  return rendered.ok ? rendered.text : `${rendered.error}\n`;
}

/** `docker system df -v`: the same numbers, broken down per image, container, volume and cache record. */
function verbose(state: MachineState): string {
  const now = state.clock;
  const images = [...state.images]
    .sort((a, b) => b.created - a.created)
    .flatMap((image) =>
      imageRows(image, false).map((row) =>
        imageContext(row, {
          trunc: true,
          now,
          containers: state.containers.filter((container) => container.imageId === image.id).length,
          sharedSize: sharedSize(state, image),
        }),
      ),
    );
  const containers = [...state.containers]
    .sort((a, b) => b.created - a.created || b.seq - a.seq)
    .map((container) =>
      goStruct('*formatter.ContainerContext', {
        ID: () => container.id.slice(0, 12),
        Image: () => container.image,
        Command: () => commandText(container),
        LocalVolumes: () => String(container.hostConfig.mounts.filter((mount) => mount.type === 'volume').length),
        Size: () => humanSizeWithPrecision(writableLayerSize(container), 3),
        RunningFor: () => `${humanDuration(now - container.created)} ago`,
        Status: () => containerStatusText(container, now),
        Names: () => container.name,
      }),
    );
  const volumes = state.volumes.map((volume) => volumeContext(volume, { state }));
  const cache = buildCacheRecords(state);
  const cacheRows = cache.map((record) =>
    goStruct('*formatter.buildCacheContext', {
      ID: () => record.id,
      CacheType: () => 'regular',
      Size: () => humanSize4(record.bytes),
      CreatedSince: () => `${humanDuration(now - record.created)} ago`,
      LastUsedSince: () => '',
      UsageCount: () => '0',
      Shared: () => 'false',
    }),
  );
  const cacheTotal = cache.reduce((sum, record) => sum + record.bytes, 0);
  return (
    'Images space usage:\n\n' +
    table('table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}', IMAGE_HEADER, images) +
    '\nContainers space usage:\n\n' +
    table('table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}', CONTAINER_HEADER, containers) +
    '\nLocal Volumes space usage:\n\n' +
    table('table {{.Name}}\t{{.Links}}\t{{.Size}}', VOLUME_HEADER, volumes) +
    `\nBuild cache usage: ${humanSize4(cacheTotal)}\n\n` +
    table(
      'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}',
      { ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', Shared: 'SHARED' },
      cacheRows,
    )
  );
}

export const dfCommand: CommandDef = {
  path: ['system', 'df'],
  use: 'df [OPTIONS]',
  short: 'Show docker disk usage',
  args: { max: 0 },
  flags: [
    { name: 'format', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', shorthand: 'v', kind: 'bool', type: '', usage: 'Show detailed information on space usage' },
  ],
  supportedFlags: ['format', 'verbose'],
  run(ctx, { flags }) {
    const given = typeof flags.format === 'string' ? flags.format : '';
    if (flags.verbose === true && (given === '' || given === 'table')) {
      ctx.out.stdout(verbose(ctx.state));
      return 0;
    }
    const format = given === '' || given === 'table' ? SUMMARY_TABLE : given;
    const rendered = renderList(format, SUMMARY_HEADER, usage(ctx.state).map(usageContext));
    if (!rendered.ok) {
      ctx.out.stderr(`${rendered.error}\n`);
      return 1;
    }
    ctx.out.stdout(rendered.text);
    return 0;
  },
};
