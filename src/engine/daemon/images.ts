// The local image store: finding images by reference or id prefix, as the daemon resolves them.

import { sha256Digest } from '../builder/sha256.ts';
import { parseReference } from '../registry/reference.ts';
import { hubHistory } from '../registry/hub-history.ts';
import type { ImageHistoryEntry, ImageRecord, MachineState } from '../state/machine-state.ts';
import { daemonError, type DaemonResult } from './errors.ts';
import { matchLabels, untilFilter, validateFilters, type FilterArgs } from './filters.ts';

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

// ---------------------------------------------------------------------------------------------------------------
// Lookup with the daemon's errors, layers, history

/** `GetImage`'s not-found text: a name gets `:latest` (`TagNameOnly`), an id or digest stays as typed. */
function noSuchImage(text: string): string {
  if (/^(sha256:)?[0-9a-f]{64}$/.test(text)) return `No such image: ${text.startsWith('sha256:') ? text : `sha256:${text}`}`;
  const parsed = parseReference(text);
  if (!parsed.ok) return `No such image: ${text}`;
  return `No such image: ${parsed.withDefaultTag().familiar}`;
}

/**
 * The daemon's `GetImage`: a reference (tag or digest) of a local image, a full id (with or without
 * `sha256:`), or a unique id prefix. A reference that does not parse is an invalid parameter.
 */
export function getImage(state: MachineState, text: string): DaemonResult<{ image: ImageRecord }> {
  const isId = /^(sha256:)?[0-9a-f]{64}$/.test(text);
  if (!isId) {
    const parsed = parseReference(text);
    if (!parsed.ok) return daemonError('invalid', parsed.message);
    const wanted = parsed.withDefaultTag().familiar;
    const byReference = state.images.find((image) => image.repoTags.includes(wanted) || image.repoDigests.includes(wanted));
    if (byReference) return { ok: true, image: byReference };
  }
  const hex = text.startsWith('sha256:') ? text.slice(7) : text;
  if (/^[0-9a-f]+$/.test(hex)) {
    const matches = state.images.filter((image) => image.id.slice(7).startsWith(hex));
    if (matches.length === 1) return { ok: true, image: matches[0] };
  }
  return daemonError('notFound', noSuchImage(text));
}

/** `docker history` of an image, base first: its own record, or the Hub's for pulled images. */
export function imageHistory(image: ImageRecord): ImageHistoryEntry[] {
  if (image.history) return image.history;
  const hub = hubHistory(image.id);
  if (hub) return hub;
  return image.layers.map((_, index) => ({
    created: image.created,
    createdBy: '',
    size: index === image.layers.length - 1 ? image.size - Math.floor(image.size / image.layers.length) * (image.layers.length - 1) : Math.floor(image.size / image.layers.length),
    comment: '',
    emptyLayer: false,
  }));
}

/** Uncompressed bytes of each layer, base first (the sizes of the history's non-empty steps). */
export function imageLayerSizes(image: ImageRecord): number[] {
  const sizes = imageHistory(image)
    .filter((entry) => !entry.emptyLayer)
    .map((entry) => entry.size);
  return image.layers.map((_, index) => sizes[index] ?? 0);
}

// Both ids are pure functions of the layer digests; remembering them keeps `docker system df` and prunes cheap.
const diffIdCache = new Map<string, string>();
const chainIdCache = new Map<string, string>();

/** The uncompressed content digest (diff id) of each layer: fixed per blob, so shared layers share it. */
export function imageDiffIds(image: ImageRecord): string[] {
  return image.layers.map((digest) => {
    let diffId = diffIdCache.get(digest);
    if (diffId === undefined) diffIdCache.set(digest, (diffId = sha256Digest(`diff-id ${digest}`)));
    return diffId;
  });
}

/** Layer chain ids, base first: the first is its diff id, each next one hashes the chain so far with its diff id. */
export function imageChainIds(image: ImageRecord): string[] {
  const chain: string[] = [];
  for (const diffId of imageDiffIds(image)) {
    if (chain.length === 0) {
      chain.push(diffId);
      continue;
    }
    const key = `${chain[chain.length - 1]} ${diffId}`;
    let chainId = chainIdCache.get(key);
    if (chainId === undefined) chainIdCache.set(key, (chainId = sha256Digest(key)));
    chain.push(chainId);
  }
  return chain;
}

/** Bytes all local images' distinct layers take (`LayersSize` of `docker system df`). */
export function layersSize(state: MachineState): number {
  const sizes = new Map<string, number>();
  for (const image of state.images) {
    const chain = imageChainIds(image);
    imageLayerSizes(image).forEach((size, index) => sizes.set(chain[index], size));
  }
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}

/** Bytes of the image's layers that other local images also hold (`SharedSize`). */
export function sharedSize(state: MachineState, image: ImageRecord): number {
  const others = new Set(state.images.filter((other) => other !== image).flatMap((other) => imageChainIds(other)));
  const chain = imageChainIds(image);
  return imageLayerSizes(image).reduce((sum, size, index) => sum + (others.has(chain[index]) ? size : 0), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Tag, remove, prune

function repositoryOf(familiarReference: string): string {
  const at = familiarReference.indexOf('@');
  if (at >= 0) return familiarReference.slice(0, at);
  const colon = familiarReference.lastIndexOf(':');
  const slash = familiarReference.lastIndexOf('/');
  return colon > slash ? familiarReference.slice(0, colon) : familiarReference;
}

function isDigestReference(familiarReference: string): boolean {
  return familiarReference.includes('@');
}

/** The image's references as the reference store lists them: sorted by their full names (tags before digests). */
function referencesOf(image: ImageRecord): string[] {
  const full = (reference: string) => {
    const parsed = parseReference(reference);
    return parsed.ok ? parsed.reference.canonical : reference;
  };
  return [...image.repoTags, ...image.repoDigests].sort((a, b) => (full(a) < full(b) ? -1 : full(a) > full(b) ? 1 : 0));
}

function dropReference(image: ImageRecord, reference: string): void {
  image.repoTags = image.repoTags.filter((tag) => tag !== reference);
  image.repoDigests = image.repoDigests.filter((digest) => digest !== reference);
}

/** `docker tag`: the target tag (already normalised, familiar form) moves to the source image. */
export function tagImage(state: MachineState, source: string, target: string): DaemonResult<{ image: ImageRecord }> {
  const found = getImage(state, source);
  if (!found.ok) return found;
  for (const image of state.images) if (image !== found.image) dropReference(image, target);
  if (!found.image.repoTags.includes(target)) found.image.repoTags.push(target);
  found.image.lastTagTime = state.clock;
  return { ok: true, image: found.image };
}

/** `isSingleReference`: at most one tag, and every reference in one repository. */
function isSingleReference(references: string[]): boolean {
  if (references.length <= 1) return references.length === 1;
  const tags = references.filter((reference) => !isDigestReference(reference));
  if (tags.length > 1) return false;
  const repositories = new Set(references.filter(isDigestReference).map(repositoryOf));
  const single = tags[0] ?? references[0];
  return repositories.size === 1 && repositories.has(repositoryOf(single));
}

export interface DeleteRecord {
  untagged?: string;
  deleted?: string;
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** `imageDeleteConflict`: a hard conflict (a running container) cannot be forced, a soft one must be. */
function deleteConflict(target: string, hard: boolean, message: string): DaemonResult<never> {
  return daemonError('conflict', `conflict: unable to delete ${shortId(target)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`);
}

type Conflict = { hard: boolean; used: boolean; message: string };

function imageConflict(state: MachineState, image: ImageRecord, mask: { running: boolean; references: boolean; stopped: boolean }): Conflict | null {
  const users = state.containers.filter((container) => container.imageId === image.id);
  const running = users.find((container) => ['running', 'paused', 'restarting'].includes(container.status));
  if (mask.running && running) return { hard: true, used: true, message: `image is being used by running container ${running.id.slice(0, 12)}` };
  if (mask.references && image.repoTags.length + image.repoDigests.length > 0) {
    return { hard: false, used: false, message: 'image is referenced in multiple repositories' };
  }
  const stopped = users.find((container) => !['running', 'paused', 'restarting'].includes(container.status));
  if (mask.stopped && stopped) return { hard: false, used: true, message: `image is being used by stopped container ${stopped.id.slice(0, 12)}` };
  return null;
}

/** Removes the image record and reports it and the layers no other image holds, top layer first. */
function deleteImageRecord(state: MachineState, image: ImageRecord, records: DeleteRecord[]): void {
  for (const reference of referencesOf(image)) records.push({ untagged: reference });
  image.repoTags = [];
  image.repoDigests = [];
  state.images = state.images.filter((candidate) => candidate !== image);
  records.push({ deleted: image.id });
  const kept = new Set(state.images.flatMap((other) => imageChainIds(other)));
  for (const chainId of [...imageChainIds(image)].reverse()) if (!kept.has(chainId)) records.push({ deleted: chainId });
}

/** The daemon's `ImageDelete` (graph-driver store), with its untag-first rules and conflicts, word for word. */
export function removeImage(state: MachineState, text: string, force: boolean): DaemonResult<{ records: DeleteRecord[] }> {
  const found = getImage(state, text);
  if (!found.ok) return found;
  const { image } = found;
  const records: DeleteRecord[] = [];
  const idHex = image.id.slice(7);
  const byId = idHex.startsWith(text) || image.id.startsWith(text);
  let quiet = false;
  if (!byId) {
    const parsed = parseReference(text);
    if (!parsed.ok) return daemonError('invalid', parsed.message);
    const reference = parsed.withDefaultTag().familiar;
    if (!force && isSingleReference(referencesOf(image))) {
      const user = state.containers.find((container) => container.imageId === image.id);
      if (user) {
        return daemonError(
          'conflict',
          `conflict: unable to remove repository reference "${text}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${shortId(image.id)}`,
        );
      }
    }
    dropReference(image, reference);
    records.push({ untagged: reference });
    if (!isDigestReference(reference)) {
      const repository = repositoryOf(reference);
      const otherTag = image.repoTags.some((tag) => repositoryOf(tag) === repository);
      if (!otherTag) {
        for (const digest of referencesOf(image).filter((candidate) => isDigestReference(candidate) && repositoryOf(candidate) === repository)) {
          dropReference(image, digest);
          records.push({ untagged: digest });
        }
      }
    }
    if (image.repoTags.length + image.repoDigests.length > 0) return { ok: true, records };
    quiet = true;
  } else if (isSingleReference(referencesOf(image))) {
    const conflict = imageConflict(state, image, { running: true, references: false, stopped: !force });
    if (conflict) return deleteConflict(image.id, conflict.hard, conflict.message);
    for (const reference of referencesOf(image)) {
      dropReference(image, reference);
      records.push({ untagged: reference });
    }
  }
  const conflict = imageConflict(state, image, { running: true, references: !force, stopped: !force });
  if (conflict) {
    // After untagging by name, a used image quietly stays behind as `<none>`.
    if (quiet) return { ok: true, records };
    return deleteConflict(image.id, conflict.hard, conflict.message);
  }
  deleteImageRecord(state, image, records);
  return { ok: true, records };
}

export interface ImagePruneReport {
  records: DeleteRecord[];
  reclaimed: number;
}

/**
 * `docker image prune`: dangling images (no tags), or with `all` every image no container uses; `until`
 * keeps images created after it, `label`/`label!` select by label. Reclaimed space counts the layers freed.
 */
export function pruneImages(state: MachineState, options: { all: boolean; until?: number; filters: FilterArgs }): DaemonResult<ImagePruneReport> {
  const invalid = validateFilters(options.filters, ['dangling', 'label', 'label!', 'until']);
  if (invalid) return daemonError('invalid', invalid);
  const records: DeleteRecord[] = [];
  let reclaimed = 0;
  for (const image of [...state.images].sort((a, b) => b.created - a.created)) {
    if (!options.all && image.repoTags.length > 0) continue;
    if (state.containers.some((container) => container.imageId === image.id)) continue;
    if (options.until !== undefined && image.created > options.until) continue;
    if (!matchLabels(options.filters, 'label', image.config.labels)) continue;
    if (options.filters.has('label!') && matchLabels(options.filters, 'label!', image.config.labels)) continue;
    const before = layersSize(state);
    deleteImageRecord(state, image, records);
    reclaimed += before - layersSize(state);
  }
  return { ok: true, records, reclaimed };
}

// ---------------------------------------------------------------------------------------------------------------
// List

/** Go's path.Match for reference patterns: `*` and `?` stop at `/`, `[…]` classes. */
function pathMatch(pattern: string, text: string): boolean {
  let source = '^';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end < 0) return false;
      let body = pattern.slice(index + 1, end);
      if (body.startsWith('^')) body = `^${body.slice(1)}`;
      source += `[${body.replace(/\\/g, '\\\\')}]`;
      index = end;
    } else if (char === '\\' && index + 1 < pattern.length) source += `\\${pattern[++index]}`;
    else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`${source}$`).test(text);
  } catch {
    return false;
  }
}

/** `reference.FamiliarMatch`: the pattern against the familiar reference, then against its name alone. */
function familiarMatch(pattern: string, reference: string): boolean {
  if (pathMatch(pattern, reference)) return true;
  return pathMatch(pattern, repositoryOf(reference));
}

/**
 * `docker images` as the daemon answers it: newest first, filtered by `dangling`, `label`, `before`,
 * `since`, `until` and `reference` (a `reference` filter also narrows each image's listed tags and digests).
 */
export function listImages(state: MachineState, filters: FilterArgs): DaemonResult<{ images: ImageRecord[] }> {
  const invalid = validateFilters(filters, ['before', 'dangling', 'label', 'label!', 'reference', 'since', 'until']);
  if (invalid) return daemonError('invalid', invalid);
  let danglingOnly = false;
  const dangling = filters.get('dangling');
  if (dangling) {
    if (dangling.has('true')) danglingOnly = true;
    else if (!dangling.has('false')) return daemonError('invalid', `invalid filter 'dangling=[${[...dangling].join(' ')}]'`);
  }
  let before: number | undefined;
  let since: number | undefined;
  for (const [name, values] of [['before', filters.get('before')], ['since', filters.get('since')]] as const) {
    for (const value of values ?? []) {
      const found = getImage(state, value);
      if (!found.ok) return found;
      if (name === 'before') before = found.image.created;
      else since = found.image.created;
    }
  }
  const until = untilFilter(filters, state.clock);
  if (!until.ok) return daemonError('invalid', until.message);
  const patterns = [...(filters.get('reference') ?? [])];
  const images: ImageRecord[] = [];
  for (const image of [...state.images].sort((a, b) => b.created - a.created)) {
    if (before !== undefined && image.created >= before) continue;
    if (since !== undefined && image.created <= since) continue;
    if (until.until !== undefined && image.created > until.until) continue;
    if (!matchLabels(filters, 'label', image.config.labels)) continue;
    if (filters.has('label!') && matchLabels(filters, 'label!', image.config.labels)) continue;
    let repoTags = image.repoTags;
    let repoDigests = image.repoDigests;
    if (patterns.length > 0) {
      repoTags = repoTags.filter((tag) => patterns.some((pattern) => familiarMatch(pattern, tag)));
      repoDigests = repoDigests.filter((digest) => patterns.some((pattern) => familiarMatch(pattern, digest)));
      if (repoTags.length === 0 && repoDigests.length === 0) continue;
    }
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if (dangling && !danglingOnly) continue;
    } else if (danglingOnly && repoTags.length > 0) continue;
    images.push(patterns.length > 0 ? { ...image, repoTags, repoDigests } : image);
  }
  return { ok: true, images };
}
