// The local image store: finding images by reference or id prefix, as the daemon resolves them.

import type { ImageRecord, MachineState } from '../state/machine-state.ts';

/** Splits `name[:tag]` (no digest) the way `docker images` lists it; untagged names get `latest`. */
export function withDefaultTag(reference: string): string {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (reference.includes('@')) return reference;
  return colon > slash ? reference : `${reference}:latest`;
}

/** The familiar form Docker shows: `docker.io/library/nginx:latest` → `nginx:latest`. */
export function familiarName(reference: string): string {
  return reference.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

export function findImageByTag(state: MachineState, reference: string): ImageRecord | undefined {
  const wanted = familiarName(withDefaultTag(reference));
  return state.images.find((image) => image.repoTags.includes(wanted));
}

/**
 * Resolves what a user typed as an image: a tag, a full or short (prefix) id, or `sha256:` id.
 * Tags win over id prefixes, as in the daemon's lookup.
 */
export function resolveImage(state: MachineState, text: string): ImageRecord | undefined {
  const byTag = findImageByTag(state, text);
  if (byTag) return byTag;
  const hex = text.startsWith('sha256:') ? text.slice(7) : text;
  if (!/^[0-9a-f]{1,64}$/.test(hex)) return undefined;
  const matches = state.images.filter((image) => image.id.slice(7).startsWith(hex));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The 12-hex short id `docker images` shows. */
export function shortImageId(image: ImageRecord): string {
  return image.id.slice(7, 19);
}
