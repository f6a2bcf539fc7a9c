// How images look to the client: the inspect object, and docker/cli's image and history formatter contexts.

import { sha256Hex } from '../../builder/sha256.ts';
import { imageChainIds, imageDiffIds, imageHistory } from '../../daemon/images.ts';
import { goStruct } from '../../format/go-template.ts';
import { ellipsis } from '../../format/text.ts';
import { humanSize, humanSize4, humanDuration } from '../../format/units.ts';
import type { HealthcheckConfig, ImageHistoryEntry, ImageRecord } from '../../state/machine-state.ts';

/** A time as encoding/json writes Go's time.Time in UTC, with nanoseconds when it has them. */
function goTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.replace('.000Z', 'Z') : iso.replace(/0*Z$/, 'Z');
}

/** Go's time.Time.String() for a Unix time in UTC: `2025-04-16 03:52:38 +0000 UTC`. */
export function goUnixTimeString(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** RFC 3339 in UTC to the second, as `docker history -H=false` and its CreatedAt print times. */
function rfc3339Seconds(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Config.Healthcheck as the API encodes HealthConfig: each field left out when empty, durations in nanoseconds. */
function healthcheckJson(check: HealthcheckConfig): Record<string, unknown> {
  return {
    Test: check.test.length > 0 ? [...check.test] : undefined,
    Interval: check.interval || undefined,
    Timeout: check.timeout || undefined,
    StartPeriod: check.startPeriod || undefined,
    StartInterval: check.startInterval || undefined,
    Retries: check.retries || undefined,
  };
}

function overlayId(chainId: string): string {
  return sha256Hex(`overlay2 ${chainId}`);
}

function ordered(record: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(record));
}

/** The API's `image.InspectResponse` (graph-driver store), fields in Docker 28's order. */
export function imageInspectJson(image: ImageRecord): Record<string, unknown> {
  const history = imageHistory(image);
  const config = image.config;
  const chain = imageChainIds(image).map(overlayId);
  const top = chain[chain.length - 1] ?? overlayId(image.id);
  const graphData = new Map<string, string>();
  if (chain.length > 1) {
    graphData.set(
      'LowerDir',
      chain
        .slice(0, -1)
        .reverse()
        .map((id) => `/var/lib/docker/overlay2/${id}/diff`)
        .join(':'),
    );
  }
  graphData.set('MergedDir', `/var/lib/docker/overlay2/${top}/merged`);
  graphData.set('UpperDir', `/var/lib/docker/overlay2/${top}/diff`);
  graphData.set('WorkDir', `/var/lib/docker/overlay2/${top}/work`);
  const exposed = config.exposedPorts.length > 0 ? new Map(config.exposedPorts.map((port) => [port, {}])) : undefined;
  const volumes = config.volumes.length > 0 ? new Map(config.volumes.map((path) => [path, {}])) : null;
  return {
    Id: image.id,
    RepoTags: [...image.repoTags],
    RepoDigests: [...image.repoDigests],
    Parent: '',
    Comment: history.at(-1)?.comment ?? '',
    Created: goTime(image.created),
    DockerVersion: '',
    Author: '',
    Config: {
      Hostname: '',
      Domainname: '',
      User: config.user,
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: exposed,
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: [...config.env],
      Cmd: config.cmd ? [...config.cmd] : null,
      Healthcheck: config.healthcheck ? healthcheckJson(config.healthcheck) : undefined,
      Image: '',
      Volumes: volumes,
      WorkingDir: config.workingDir,
      Entrypoint: config.entrypoint ? [...config.entrypoint] : null,
      OnBuild: null,
      Labels: Object.keys(config.labels).length > 0 ? ordered(config.labels) : null,
      StopSignal: config.stopSignal ?? undefined,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: image.size,
    GraphDriver: { Data: graphData, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: imageDiffIds(image) },
    Metadata: { LastTagTime: image.lastTagTime !== undefined ? goTime(image.lastTagTime) : '0001-01-01T00:00:00Z' },
  };
}

/** Column titles by field, as `newImageContext` declares them. */
export const IMAGE_HEADER: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

export interface ImageRow {
  image: ImageRecord;
  repository: string;
  tag: string;
  digest: string;
}

export interface ImageRowOptions {
  trunc: boolean;
  now: number;
  /** `docker system df -v`: the daemon fills these; elsewhere they are -1 and print `N/A`. */
  containers?: number;
  sharedSize?: number;
}

/** `formatter.imageContext`. */
export function imageContext(row: ImageRow, options: ImageRowOptions) {
  const { image } = row;
  const containers = options.containers ?? -1;
  const shared = options.sharedSize ?? -1;
  return goStruct('*formatter.imageContext', {
    ID: () => (options.trunc ? image.id.replace(/^sha256:/, '').slice(0, 12) : image.id),
    Repository: () => row.repository,
    Tag: () => row.tag,
    Digest: () => row.digest,
    CreatedSince: () => `${humanDuration(options.now - Math.floor(image.created / 1000) * 1000)} ago`,
    CreatedAt: () => goUnixTimeString(image.created),
    Size: () => humanSize(image.size),
    Containers: () => (containers === -1 ? 'N/A' : String(containers)),
    VirtualSize: () => humanSize4(image.size),
    SharedSize: () => (shared === -1 ? 'N/A' : humanSize4(shared)),
    UniqueSize: () => (shared === -1 ? 'N/A' : humanSize4(image.size - shared)),
  });
}

function repositoryOf(reference: string): string {
  const at = reference.indexOf('@');
  if (at >= 0) return reference.slice(0, at);
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? reference.slice(0, colon) : reference;
}

/**
 * The rows one image gives (`imageFormatTaggedAndDigest`): one per tag, per tag and digest when digests
 * show, and one `<none>` tag row for a repository known only by digest; a dangling image is `<none>`.
 */
export function imageRows(image: ImageRecord, needDigest: boolean, digestFlag = needDigest): ImageRow[] {
  if (image.repoTags.length === 0 && image.repoDigests.length === 0) {
    return [{ image, repository: '<none>', tag: '<none>', digest: '<none>' }];
  }
  const tags = new Map<string, string[]>();
  const digests = new Map<string, string[]>();
  for (const reference of image.repoTags) {
    const repository = repositoryOf(reference);
    tags.set(repository, [...(tags.get(repository) ?? []), reference.slice(repository.length + 1)]);
  }
  for (const reference of image.repoDigests) {
    const repository = repositoryOf(reference);
    digests.set(repository, [...(digests.get(repository) ?? []), reference.slice(repository.length + 1)]);
  }
  const rows: ImageRow[] = [];
  for (const [repository, repositoryTags] of tags) {
    const repositoryDigests = needDigest ? (digests.get(repository) ?? []) : [];
    digests.delete(repository);
    for (const tag of repositoryTags) {
      if (repositoryDigests.length === 0) rows.push({ image, repository, tag, digest: '<none>' });
      else for (const digest of repositoryDigests) rows.push({ image, repository, tag, digest });
    }
  }
  for (const [repository, repositoryDigests] of digests) {
    if (digestFlag) for (const digest of repositoryDigests) rows.push({ image, repository, tag: '<none>', digest });
    else rows.push({ image, repository, tag: '<none>', digest: '' });
  }
  return rows;
}

/** Column titles of `docker history`. */
export const HISTORY_HEADER: Record<string, string> = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** `image.historyContext`: the newest step carries the image id, older ones `<missing>` (BuildKit keeps no parents). */
export function historyContext(entry: ImageHistoryEntry, id: string, options: { trunc: boolean; human: boolean; now: number }) {
  return goStruct('*image.historyContext', {
    ID: () => (id === '<missing>' ? id : options.trunc ? id.replace(/^sha256:/, '').slice(0, 12) : id),
    CreatedSince: () => (options.human ? `${humanDuration(options.now - Math.floor(entry.created / 1000) * 1000)} ago` : rfc3339Seconds(entry.created)),
    CreatedAt: () => rfc3339Seconds(entry.created),
    CreatedBy: () => {
      const createdBy = entry.createdBy.replaceAll('\t', ' ');
      return options.trunc ? ellipsis(createdBy, 45) : createdBy;
    },
    Size: () => (options.human ? humanSize(entry.size) : String(entry.size)),
    Comment: () => entry.comment,
  });
}

/** The image's history rows, newest first, each with the id it shows. */
export function historyRows(image: ImageRecord): { entry: ImageHistoryEntry; id: string }[] {
  return [...imageHistory(image)].reverse().map((entry, index) => ({ entry, id: index === 0 ? image.id : '<missing>' }));
}
