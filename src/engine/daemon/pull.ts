// Pulling from the simulated Docker Hub: progress as the daemon streams it, then the image in the local store.

import type { Output } from '../exec/context.ts';
import type { ImageRecord, MachineState } from '../state/machine-state.ts';
import type { Stream } from '../types.ts';
import { pullFooter, pullHeader, pullProgress } from '../format/pull-progress.ts';
import { HUB_REPOSITORIES } from '../registry/hub-data.ts';
import { imageRecordFromHub, lookupImage, type HubImage } from '../registry/hub.ts';
import { makeReference, withDefaultTag, type ImageReference } from '../registry/reference.ts';
import { daemonError, type DaemonResult } from './errors.ts';

export interface PullOptions {
  out: Output;
  /** `docker pull` writes progress to stdout; `docker run` to stderr. */
  stream: Stream;
  tty: boolean;
  columns: number;
  quiet: boolean;
}

export function pullImage(state: MachineState, reference: ImageReference, options: PullOptions): DaemonResult<{ image: ImageRecord; updated: boolean }> {
  const found = lookupImage(reference);
  if (!found.ok) return daemonError(found.reason === 'reference' ? 'invalid' : 'notFound', found.message);
  const pulled = pullManifest(state, found.image, reference, options);
  if (!options.quiet) options.out.write(options.stream, pullFooter(found.image.digest, reference.familiar, !pulled.updated));
  return { ok: true, ...pulled };
}

/**
 * One tag or digest's pull, without the closing `Status:` line: the header, the layers not yet local,
 * `Digest:` when pulling every tag (the single pull's footer carries it), and the image in the store.
 * `updated` says whether anything changed locally: new layers, or a tag that moved or was added.
 */
function pullManifest(
  state: MachineState,
  manifest: HubImage,
  reference: ImageReference,
  options: PullOptions & { digestLine?: boolean },
): { image: ImageRecord; updated: boolean } {
  const { out, stream } = options;
  const write = (text: string) => {
    if (!options.quiet) out.write(stream, text);
  };
  write(pullHeader(reference.tag ?? reference.digest ?? 'latest', reference.remotePath));
  const tagName = reference.tag !== undefined ? `${reference.familiarName}:${reference.tag}` : undefined;
  const digestName = `${reference.familiarName}@${manifest.digest}`;
  const existing = state.images.find((image) => image.id === manifest.id);
  if (existing) {
    let updated = false;
    if (tagName !== undefined && !existing.repoTags.includes(tagName)) {
      for (const image of state.images) image.repoTags = image.repoTags.filter((tag) => tag !== tagName);
      existing.repoTags.push(tagName);
      updated = true;
    }
    if (!existing.repoDigests.includes(digestName)) existing.repoDigests.push(digestName);
    if (options.digestLine) write(`Digest: ${manifest.digest}\n`);
    return { image: existing, updated };
  }
  const localLayers = new Set(state.images.flatMap((image) => image.layers));
  const layers = manifest.layers.map((layer) => ({ ...layer, present: localLayers.has(layer.digest) }));
  for (const piece of pullProgress(layers, { tty: options.tty, columns: options.columns })) {
    out.wait(piece.delay);
    write(piece.text);
  }
  // Tags move: a newer pull of the same tag takes it from the image that had it.
  if (tagName !== undefined) for (const image of state.images) image.repoTags = image.repoTags.filter((tag) => tag !== tagName);
  const image = imageRecordFromHub(manifest, reference);
  state.images.push(image);
  if (options.digestLine) write(`Digest: ${manifest.digest}\n`);
  return { image, updated: true };
}

/**
 * `docker pull --all-tags`: every tag of the repository, in the registry's (lexical) order, each with
 * its header and digest, then one `Status:` line for the repository.
 */
export function pullAllTags(state: MachineState, reference: ImageReference, options: PullOptions): DaemonResult<{ updated: boolean }> {
  const first = lookupImage(withDefaultTag(reference));
  if (!first.ok && first.reason !== 'manifest') return daemonError(first.reason === 'reference' ? 'invalid' : 'notFound', first.message);
  const repository = HUB_REPOSITORIES.find((candidate) => candidate.name === reference.familiarName || `library/${candidate.name}` === reference.path);
  const tags = Object.keys(repository?.tags ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let updated = false;
  for (const tag of tags) {
    const tagged = makeReference(reference.domain, reference.path, tag);
    const pulled = pullManifest(state, repository!.tags[tag], tagged, { ...options, digestLine: true });
    updated ||= pulled.updated;
  }
  if (!options.quiet) {
    options.out.write(options.stream, `Status: ${updated ? 'Downloaded newer image for' : 'Image is up to date for'} ${reference.familiarName}\n`);
  }
  return { ok: true, updated };
}
