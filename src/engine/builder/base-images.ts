// Where a build's FROM images come from: the local image store first, then the simulated Docker Hub.

import { imageHistory } from '../daemon/images.ts';
import { lookupImage } from '../registry/hub.ts';
import { parseReference } from '../registry/reference.ts';
import type { ImageRecord } from '../state/machine-state.ts';
import type { BaseLookup } from './build.ts';

/**
 * The docker driver's `prefer local` resolution: an image in the store is used as it is (no digest, no
 * download); otherwise, or with `--pull`, the registry answers and its layers are fetched into the build cache.
 */
export function baseImageLookup(images: readonly ImageRecord[]): BaseLookup {
  return (text, { pull }) => {
    const parsed = parseReference(text);
    if (!parsed.ok) return { ok: false, reason: 'reference', message: parsed.message };
    const reference = parsed.reference.tag || parsed.reference.digest ? parsed.reference : parsed.withDefaultTag();
    const familiar = reference.familiar;
    const local = images.find((image) => image.repoTags.includes(familiar) || image.repoDigests.includes(familiar));
    if (local && !pull) {
      return { ok: true, base: { canonical: reference.canonical, local: true, digest: '', image: local, history: imageHistory(local), blobs: [] } };
    }
    const found = lookupImage(reference);
    if (!found.ok) return { ok: false, reason: found.reason, message: found.message };
    const hub = found.image;
    const image: ImageRecord = {
      id: hub.id,
      repoTags: [],
      repoDigests: [`${reference.familiarName}@${hub.digest}`],
      created: hub.created,
      size: hub.size,
      layers: hub.layers.map((layer) => layer.digest),
      config: structuredClone(hub.config),
      files: {},
    };
    return {
      ok: true,
      base: { canonical: reference.canonical, local: false, digest: hub.digest, image, history: imageHistory(image), blobs: hub.layers.map((layer) => ({ digest: layer.digest, size: layer.size })) },
    };
  };
}
