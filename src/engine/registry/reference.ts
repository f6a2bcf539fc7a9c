// Image references as Docker parses and normalises them (distribution/reference grammar, go-digest checks).

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

// The grammar of distribution/reference's regexp.go.
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6_ADDRESS = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_NAME = `${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|${IPV6_ADDRESS})`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
const ANCHORED_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export interface ImageReference {
  /** Registry host (and port): `docker.io`, `localhost:5000`. */
  domain: string;
  /** Repository path inside the registry: `library/nginx`, `user/app`. */
  path: string;
  tag?: string;
  /** `sha256:` + hex. */
  digest?: string;
  /** Fully qualified name: `docker.io/library/nginx`. */
  name: string;
  /** The name as Docker prints it to people: `nginx`, `user/app`, `localhost:5000/app`. */
  familiarName: string;
  /** Familiar name with tag and/or digest: `nginx:latest`, `nginx@sha256:…`. */
  familiar: string;
  /** Fully qualified with tag and/or digest: `docker.io/library/nginx:latest` (what `docker pull` prints last). */
  canonical: string;
  /** The repository as the registry names it in `<tag>: Pulling from <remotePath>`: `library/nginx`. */
  remotePath: string;
}

export type ReferenceResult =
  | { ok: true; reference: ImageReference; withDefaultTag(): ImageReference }
  | { ok: false; message: string };

function splitDockerDomain(text: string): { domain: string; remainder: string } {
  const slash = text.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = slash === -1 ? '' : text.slice(0, slash);
  // A first component is a registry host only if it looks like one: a dot, a port, localhost or capitals.
  if (slash === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = text;
  } else {
    domain = first;
    remainder = text.slice(slash + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

function familiarizeName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_REPO_PREFIX) && !path.slice(OFFICIAL_REPO_PREFIX.length).includes('/')) {
    return path.slice(OFFICIAL_REPO_PREFIX.length);
  }
  return path;
}

/** go-digest's `Digest.Validate`, with its error texts. */
export function validateDigest(digest: string): string | null {
  const colon = digest.indexOf(':');
  if (colon <= 0 || colon + 1 === digest.length) return 'invalid checksum digest format';
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) {
    return ANCHORED_DIGEST.test(digest) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  }
  if (encoded.length !== length) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? null : 'invalid checksum digest format';
}

/** Builds a reference from its parts (domain, path, tag, digest); the parts must already be valid. */
export function makeReference(domain: string, path: string, tag?: string, digest?: string): ImageReference {
  const name = `${domain}/${path}`;
  const familiarName = familiarizeName(domain, path);
  const suffix = `${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
  const reference: ImageReference = {
    domain,
    path,
    name,
    familiarName,
    familiar: familiarName + suffix,
    canonical: name + suffix,
    // The daemon names the repository by its path alone, so `library/` stays: `Pulling from library/nginx`.
    remotePath: path,
  };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** `reference.TagNameOnly`: a reference with neither tag nor digest gets `latest`. */
export function withDefaultTag(reference: ImageReference): ImageReference {
  if (reference.tag !== undefined || reference.digest !== undefined) return reference;
  return makeReference(reference.domain, reference.path, 'latest');
}

/**
 * `reference.ParseNormalizedNamed`: `nginx` → docker.io/library/nginx, `user/app:1`, `host:5000/app@sha256:…`.
 * Errors carry the exact text the docker client prints.
 */
export function parseReference(text: string): ReferenceResult {
  if (ANCHORED_IDENTIFIER.test(text)) {
    return { ok: false, message: `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings` };
  }
  const { domain, remainder } = splitDockerDomain(text);
  const tagSeparator = remainder.indexOf(':');
  const remoteName = tagSeparator === -1 ? remainder : remainder.slice(0, tagSeparator);
  if (remoteName.toLowerCase() !== remoteName) {
    return { ok: false, message: `invalid reference format: repository name (${remoteName}) must be lowercase` };
  }
  const full = `${domain}/${remainder}`;
  const match = REFERENCE.exec(full);
  if (!match) {
    if (full === '') return { ok: false, message: 'repository name must have at least one component' };
    if (REFERENCE.test(full.toLowerCase())) return { ok: false, message: 'repository name must be lowercase' };
    return { ok: false, message: 'invalid reference format' };
  }
  const [, nameText, tag, digest] = match;
  if (nameText.length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, message: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
  }
  if (digest !== undefined) {
    const digestError = validateDigest(digest);
    if (digestError) return { ok: false, message: digestError };
  }
  const nameMatch = ANCHORED_NAME.exec(nameText);
  const parsedDomain = nameMatch?.[1] ?? domain;
  const path = nameMatch?.[2] ?? remainder;
  const reference = makeReference(parsedDomain, path, tag, digest);
  return { ok: true, reference, withDefaultTag: () => withDefaultTag(reference) };
}
