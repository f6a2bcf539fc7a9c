// Pulling from the simulated Docker Hub: progress as the daemon streams it, then the image in the local store.

import type { Output } from '../exec/context.ts';
import type { ImageRecord, MachineState } from '../state/machine-state.ts';
import type { Stream } from '../types.ts';
import { pullFooter, pullHeader, pullProgress } from '../format/pull-progress.ts';
import { imageRecordFromHub, lookupImage } from '../registry/hub.ts';
import type { ImageReference } from '../registry/reference.ts';
import { daemonError, type DaemonResult } from './errors.ts';

export interface PullOptions {
  out: Output;
  /** `docker pull` writes progress to stdout; `docker run` to stderr. */
  stream: Stream;
  tty: boolean;
  columns: number;
  quiet: boolean;
}

export function pullImage(state: MachineState, reference: ImageReference, options: PullOptions): DaemonResult<{ image: ImageRecord }> {
  const found = lookupImage(reference);
  if (!found.ok) return daemonError(found.reason === 'reference' ? 'invalid' : 'notFound', found.message);
  const manifest = found.image;
  const { out, stream } = options;
  const write = (text: string) => out.write(stream, text);
  const existing = state.images.find((image) => image.id === manifest.id);
  const tagName = reference.familiar;
  if (!options.quiet) write(pullHeader(reference.tag ?? reference.digest ?? 'latest', reference.remotePath));
  if (existing) {
    if (!existing.repoTags.includes(tagName) && reference.tag) existing.repoTags.push(tagName);
    if (!options.quiet) write(pullFooter(manifest.digest, tagName, true));
    return { ok: true, image: existing };
  }
  const localLayers = new Set(state.images.flatMap((image) => image.layers));
  const layers = manifest.layers.map((layer) => ({ ...layer, present: localLayers.has(layer.digest) }));
  for (const piece of pullProgress(layers, { tty: options.tty, columns: options.columns })) {
    out.wait(piece.delay);
    if (!options.quiet) write(piece.text);
  }
  // Tags move: a newer pull of the same tag takes it from the image that had it.
  for (const image of state.images) image.repoTags = image.repoTags.filter((tag) => tag !== tagName);
  const image = imageRecordFromHub(manifest, reference);
  state.images.push(image);
  if (!options.quiet) write(pullFooter(manifest.digest, tagName, false));
  return { ok: true, image };
}
