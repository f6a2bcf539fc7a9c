// How volumes look to the client: the API's inspect object and docker/cli's volume formatter context.

import { volumeMountpoint, volumeSize, volumeUsers } from '../../daemon/volumes.ts';
import { goStruct } from '../../format/go-template.ts';
import { humanSize4 } from '../../format/units.ts';
import type { MachineState, VolumeRecord } from '../../state/machine-state.ts';

/** `opts.ConvertKVStringsToMap` / MapOpts: `k=v` pairs; a bare `k` maps to the empty string. */
export function keyValueMap(values: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq < 0) map[value] = '';
    else map[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return map;
}

/** A Go map as encoding/json writes it: keys sorted, `null` when empty or absent. */
export function goMap(record: Record<string, string> | undefined): Map<string, string> | null {
  if (!record || Object.keys(record).length === 0) return null;
  return new Map(Object.entries(record));
}

/** time.Time.Format(time.RFC3339) in UTC: whole seconds, `Z`. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The API's `volume.Volume`, fields in its order. */
export function volumeInspectJson(volume: VolumeRecord): Record<string, unknown> {
  return {
    CreatedAt: rfc3339(volume.created),
    Driver: volume.driver,
    Labels: goMap(volume.labels),
    Mountpoint: volumeMountpoint(volume.name),
    Name: volume.name,
    Options: goMap(volume.options),
    Scope: 'local',
  };
}

/** Column titles by field, as `newVolumeContext` declares them. */
export const VOLUME_HEADER: Record<string, string> = {
  ID: 'ID',
  Name: 'VOLUME NAME',
  Group: 'GROUP',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Status: 'STATUS',
};

function joinLabels(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

/**
 * `formatter.volumeContext`. `usage` is set for `docker system df -v`, where the daemon reports each
 * volume's size and reference count; elsewhere Links and Size are `N/A`.
 */
export function volumeContext(volume: VolumeRecord, usage?: { state: MachineState }) {
  return goStruct('*formatter.volumeContext', {
    Name: () => volume.name,
    Driver: () => volume.driver,
    Scope: () => 'local',
    Mountpoint: () => volumeMountpoint(volume.name),
    Labels: () => joinLabels(volume.labels),
    Label: (name: string) => volume.labels[name] ?? '',
    Links: () => (usage ? String(volumeUsers(usage.state, volume.name).length) : 'N/A'),
    Size: () => (usage ? humanSize4(volumeSize(volume)) : 'N/A'),
    Group: () => 'N/A',
    Availability: () => 'N/A',
    Status: () => 'N/A',
  });
}
