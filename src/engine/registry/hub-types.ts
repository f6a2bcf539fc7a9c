// The shapes of the simulated Docker Hub's data: repositories, tagged images and their layer blobs.

import type { ImageConfig } from '../state/machine-state.ts';

/** A compressed layer blob as a registry serves it. */
export interface HubLayer {
  /** The first 12 hex digits of the digest, as pull progress names the layer. */
  id: string;
  /** `sha256:` + 64 hex; the same blob in two images has the same digest. */
  digest: string;
  /** Compressed bytes, what pull progress counts. */
  size: number;
}

export interface HubImageConfig extends ImageConfig {
  /** Signal `docker stop` sends first (`SIGQUIT` for nginx, `SIGINT` for postgres); null means SIGTERM. */
  stopSignal: string | null;
}

/** One image (linux/amd64) that one or more tags point at. */
export interface HubImage {
  /** Config digest: the image id `docker images` shows, `sha256:` + 64 hex. */
  id: string;
  /** Manifest digest: `Digest: sha256:…` after a pull and the image's RepoDigests entry. */
  digest: string;
  /** Build time, epoch ms. */
  created: number;
  /** Uncompressed bytes, as `docker images` shows them. */
  size: number;
  /** Base layer first. */
  layers: HubLayer[];
  config: HubImageConfig;
}

export interface HubRepository {
  /** As `docker search` names it: `nginx`, `bitnami/nginx`. */
  name: string;
  description: string;
  stars: number;
  official: boolean;
  /** Tag → image. Repositories that exist only for `docker search` have no tags. */
  tags: Record<string, HubImage>;
}
