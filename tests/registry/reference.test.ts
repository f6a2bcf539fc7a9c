// Image reference parsing and normalisation.
// Sources: distribution/reference normalize.go (`ParseNormalizedNamed`, `splitDockerDomain`, `familiarizeName`),
// reference.go and regexp.go (grammar, `NameTotalLengthMax`), opencontainers/go-digest digest.go (`Validate`).
// Every error text below was recorded from the real docker 28.2.2 client (`docker pull <ref>`).

import { describe, expect, it } from 'vitest';
import { parseReference, withDefaultTag } from '../../src/engine/registry/reference.ts';

const HEX64 = '0123456789012345678901234567890123456789012345678901234567890123';

function parsed(text: string) {
  const result = parseReference(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result;
}

describe('parseReference normalises like Docker', () => {
  it('puts an official image under docker.io/library', () => {
    const { reference } = parsed('nginx');
    expect(reference).toMatchObject({
      domain: 'docker.io',
      path: 'library/nginx',
      name: 'docker.io/library/nginx',
      familiarName: 'nginx',
      familiar: 'nginx',
      canonical: 'docker.io/library/nginx',
      remotePath: 'library/nginx',
    });
    expect(reference.tag).toBeUndefined();
  });

  it('adds latest only on request, as TagNameOnly does', () => {
    const result = parsed('nginx');
    expect(result.withDefaultTag()).toMatchObject({ tag: 'latest', familiar: 'nginx:latest', canonical: 'docker.io/library/nginx:latest' });
    expect(withDefaultTag(parsed('nginx:1.27').reference).tag).toBe('1.27');
    expect(withDefaultTag(parsed(`nginx@sha256:${HEX64}`).reference).tag).toBeUndefined();
  });

  it('keeps user repositories and other registries as named', () => {
    expect(parsed('user/app:1').reference).toMatchObject({ familiar: 'user/app:1', canonical: 'docker.io/user/app:1', remotePath: 'user/app' });
    expect(parsed('docker.io/nginx').reference.familiar).toBe('nginx');
    expect(parsed('index.docker.io/nginx').reference.canonical).toBe('docker.io/library/nginx');
    expect(parsed('localhost/foo').reference).toMatchObject({ domain: 'localhost', familiarName: 'localhost/foo' });
    expect(parsed('my.registry:5000/team/app:1.0').reference).toMatchObject({
      domain: 'my.registry:5000',
      path: 'team/app',
      tag: '1.0',
      familiar: 'my.registry:5000/team/app:1.0',
    });
    // A first component with capitals is a registry host, so this is valid.
    expect(parsed('Foo/bar').reference.domain).toBe('Foo');
  });

  it('accepts digests, with or without a tag', () => {
    expect(parsed(`nginx@sha256:${HEX64}`).reference).toMatchObject({ digest: `sha256:${HEX64}`, familiar: `nginx@sha256:${HEX64}` });
    expect(parsed(`nginx:1.27@sha256:${HEX64}`).reference.familiar).toBe(`nginx:1.27@sha256:${HEX64}`);
  });
});

describe('parseReference errors', () => {
  it.each([
    ['NGINX', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    ['library/NGINX', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    ['localhost:5000/App', 'invalid reference format: repository name (App) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['', 'invalid reference format'],
    [':tag', 'invalid reference format'],
    ['a..b', 'invalid reference format'],
    ['ngi nx', 'invalid reference format'],
    ['nginx:latest:x', 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['nginx@md5:abc', 'invalid reference format'],
    [`nginx:${'a'.repeat(130)}`, 'invalid reference format'],
    ['a'.repeat(260), 'repository name must not be more than 255 characters'],
    [HEX64, `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`],
    ['nginx@sha256:0123456789012345678901234567890123456789', 'invalid checksum digest length'],
    [`nginx@sha512:${HEX64}`, 'invalid checksum digest length'],
    [`nginx@foo:${HEX64}`, 'unsupported digest algorithm'],
    [`nginx@sha256:${HEX64.toUpperCase().replace(/0/g, 'A')}`, 'invalid checksum digest format'],
  ])('%j fails with %j', (text, message) => {
    expect(parseReference(text)).toEqual({ ok: false, message });
  });
});
