// The simulated Docker Hub: finds the image a reference names, or says why the registry would refuse.

import type { ImageRecord } from '../state/machine-state.ts';
import { HUB_REPOSITORIES } from './hub-data.ts';
import type { HubImage, HubRepository } from './hub-types.ts';
import { parseReference, withDefaultTag, type ImageReference } from './reference.ts';

export type { HubImage, HubImageConfig, HubLayer, HubRepository } from './hub-types.ts';

export type LookupMiss =
  /** The reference text itself is invalid (client-side error text). */
  | { ok: false; reason: 'reference'; message: string }
  /** Docker Hub has no such repository (or it is private): `pull access denied …`. */
  | { ok: false; reason: 'repository'; message: string }
  /** The repository exists but has no such tag or digest: `manifest for … not found`. */
  | { ok: false; reason: 'manifest'; message: string }
  /** The reference names a registry other than Docker Hub, which the simulated machine cannot reach. */
  | { ok: false; reason: 'registry'; message: string };

export type LookupResult =
  | { ok: true; image: HubImage; repository: HubRepository; reference: ImageReference }
  | LookupMiss;

const DOCKER_HUB = 'docker.io';

function repositoryAt(path: string): HubRepository | undefined {
  const name = path.startsWith('library/') ? path.slice('library/'.length) : path;
  return HUB_REPOSITORIES.find((repository) => repository.name === name && Object.keys(repository.tags).length > 0);
}

/**
 * Resolves `nginx`, `nginx:1.27`, `docker.io/library/nginx@sha256:…` to the Hub's image. A reference without
 * tag or digest means `latest`. Messages are the daemon's words, without `Error response from daemon: `.
 */
export function lookupImage(reference: ImageReference | string): LookupResult {
  let parsed: ImageReference;
  if (typeof reference === 'string') {
    const result = parseReference(reference);
    if (!result.ok) return { ok: false, reason: 'reference', message: result.message };
    parsed = result.reference;
  } else {
    parsed = reference;
  }
  parsed = withDefaultTag(parsed);
  if (parsed.domain !== DOCKER_HUB) {
    const host = parsed.domain.replace(/:\d+$/, '');
    const reason =
      host === 'localhost' || host === '127.0.0.1'
        ? `dial tcp 127.0.0.1:${parsed.domain.match(/:(\d+)$/)?.[1] ?? '443'}: connect: connection refused`
        : `dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
    return { ok: false, reason: 'registry', message: `Get "https://${parsed.domain}/v2/": ${reason}` };
  }
  const repository = repositoryAt(parsed.path);
  if (!repository) {
    return {
      ok: false,
      reason: 'repository',
      message: `pull access denied for ${parsed.familiarName}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    };
  }
  const manifestMissing: LookupMiss = {
    ok: false,
    reason: 'manifest',
    message: `manifest for ${parsed.familiar} not found: manifest unknown: manifest unknown`,
  };
  // A digest pins the image whatever the tag says, as the registry resolves by digest when one is given.
  if (parsed.digest !== undefined) {
    const image = Object.values(repository.tags).find((candidate) => candidate.digest === parsed.digest);
    return image ? { ok: true, image, repository, reference: parsed } : manifestMissing;
  }
  const image = repository.tags[parsed.tag ?? 'latest'];
  return image ? { ok: true, image, repository, reference: parsed } : manifestMissing;
}

/** The tags of a repository that point at the same image as `tag` (nginx:latest ⇔ nginx:1.27). */
export function tagsOfSameImage(repositoryName: string, tag: string): string[] {
  const repository = repositoryAt(repositoryName);
  const image = repository?.tags[tag];
  if (!repository || !image) return [];
  return Object.keys(repository.tags).filter((candidate) => repository.tags[candidate] === image);
}

/**
 * The local image record a pull of `reference` creates. `repoTags` holds the familiar tag when the reference
 * has one; `repoDigests` the familiar name with the manifest digest; `layers` the blob digests.
 */
export function imageRecordFromHub(image: HubImage, reference: ImageReference): ImageRecord {
  return {
    id: image.id,
    repoTags: reference.tag !== undefined ? [`${reference.familiarName}:${reference.tag}`] : [],
    repoDigests: [`${reference.familiarName}@${image.digest}`],
    created: image.created,
    size: image.size,
    layers: image.layers.map((layer) => layer.digest),
    config: structuredClone(image.config),
    files: {},
  };
}

export interface SearchEntry {
  name: string;
  description: string;
  stars: number;
  official: boolean;
}

/**
 * What Docker Hub's search answers for `term`: repositories whose name contains it, the exact
 * name first, then by stars. `docker search` itself applies `--limit` (default 25) and `--filter`.
 */
export function searchHub(term: string): SearchEntry[] {
  const needle = term.toLowerCase();
  return HUB_REPOSITORIES.filter((repository) => repository.name.includes(needle))
    .sort((a, b) => Number(b.name === needle) - Number(a.name === needle) || b.stars - a.stars)
    .map(({ name, description, stars, official }) => ({ name, description, stars, official }));
}
