// The simulated Docker Hub: tags, shared images and layers, sizes and the registry's refusals.
// Sources: daemon error texts as `docker pull` prints them (`pull access denied for %s, repository does not exist
// or may require 'docker login': denied: …`, `manifest for %s not found: manifest unknown: manifest unknown`,
// from moby/moby distribution/errors.go); sizes as `docker images` shows them (go-units
// HumanSizeWithPrecision(size, 3)); search fields as docker/cli cli/command/registry/search.go prints them.

import { describe, expect, it } from 'vitest';
import { humanSize } from '../../src/engine/format/units.ts';
import { HUB_REPOSITORIES } from '../../src/engine/registry/hub-data.ts';
import { imageRecordFromHub, lookupImage, searchHub, tagsOfSameImage } from '../../src/engine/registry/hub.ts';
import { parseReference } from '../../src/engine/registry/reference.ts';

function found(text: string) {
  const result = lookupImage(text);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result;
}

describe('lookupImage', () => {
  it.each([
    ['hello-world', '10.1kB', 1],
    ['nginx', '192MB', 7],
    ['alpine', '8.31MB', 1],
    ['ubuntu', '78.1MB', 1],
    ['postgres:13', '419MB', 14],
    ['python:3.9-slim', '126MB', 4],
    ['redis', '117MB', 7],
    ['node', '1.12GB', 8],
    ['busybox', '4.28MB', 1],
  ])('%s is %s in %d layers', (reference, size, layers) => {
    const { image } = found(reference);
    expect(humanSize(image.size)).toBe(size);
    expect(image.layers).toHaveLength(layers);
  });

  it('resolves every tag the course relies on', () => {
    const tags = [
      'hello-world:latest', 'hello-world:linux', 'nginx:latest', 'nginx:1.27', 'nginx:1.27-alpine', 'nginx:alpine',
      'alpine:latest', 'alpine:3.20', 'alpine:3.21', 'busybox:latest', 'ubuntu:latest', 'ubuntu:24.04', 'ubuntu:22.04',
      'debian:latest', 'debian:bookworm', 'python:3.9-slim', 'python:3.12', 'python:3.12-slim', 'python:latest',
      'postgres:13', 'postgres:16', 'postgres:latest', 'redis:latest', 'redis:7', 'node:20', 'node:22', 'node:latest',
      'node:22-alpine',
    ];
    for (const tag of tags) expect(lookupImage(tag).ok, tag).toBe(true);
  });

  it('gives tags of one image the same id and digest', () => {
    expect(found('nginx:latest').image).toBe(found('nginx:1.27').image);
    expect(found('nginx:alpine').image.id).toBe(found('nginx:1.27-alpine').image.id);
    expect(found('nginx:latest').image.id).not.toBe(found('nginx:alpine').image.id);
    expect(tagsOfSameImage('nginx', 'latest')).toEqual(['latest', '1.27', '1.27.5']);
  });

  it('shares base layers between images built on the same base', () => {
    const nginxBase = found('nginx').image.layers[0];
    expect(found('redis').image.layers[0]).toBe(nginxBase);
    expect(found('postgres:13').image.layers.slice(0, 8)).toEqual(found('postgres:16').image.layers.slice(0, 8));
  });

  it('finds an image by its manifest digest', () => {
    const digest = found('nginx:1.27').image.digest;
    expect(found(`nginx@${digest}`).image.id).toBe(found('nginx').image.id);
  });

  it('refuses unknown repositories and tags with the daemon words', () => {
    expect(lookupImage('nosuchimage')).toMatchObject({
      ok: false,
      reason: 'repository',
      message:
        "pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    });
    expect(lookupImage('nginx:nope')).toMatchObject({
      ok: false,
      reason: 'manifest',
      message: 'manifest for nginx:nope not found: manifest unknown: manifest unknown',
    });
    expect(lookupImage(`nginx@sha256:${'0'.repeat(64)}`)).toMatchObject({ ok: false, reason: 'manifest' });
    // Search-only entries cannot be pulled.
    expect(lookupImage('bitnami/nginx')).toMatchObject({ ok: false, reason: 'repository' });
    expect(lookupImage('localhost:5000/app')).toMatchObject({ ok: false, reason: 'registry' });
    expect(lookupImage('NGINX')).toMatchObject({ ok: false, reason: 'reference' });
  });

  it('accepts a parsed reference as well as text', () => {
    const result = parseReference('redis:7');
    if (!result.ok) throw new Error(result.message);
    expect(lookupImage(result.reference)).toMatchObject({ ok: true, reference: { canonical: 'docker.io/library/redis:7' } });
  });
});

describe('hub data', () => {
  const images = HUB_REPOSITORIES.flatMap((repository) => Object.values(repository.tags));

  it('uses well-formed ids, digests and short layer ids', () => {
    for (const image of images) {
      expect(image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      for (const layer of image.layers) expect(layer.digest.slice(7, 19)).toBe(layer.id);
    }
  });

  it('builds within 2024–2026 and names a program for every image', () => {
    const programs = new Set(['hello-world', 'nginx', 'shell', 'postgres', 'redis', 'python', 'node']);
    for (const image of images) {
      expect(image.created).toBeGreaterThan(Date.parse('2024-01-01T00:00:00Z'));
      expect(image.created).toBeLessThan(Date.parse('2027-01-01T00:00:00Z'));
      expect(programs.has(image.config.program)).toBe(true);
    }
  });

  it('carries the configuration lessons inspect', () => {
    const nginx = found('nginx').image.config;
    expect(nginx.cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(nginx.entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(nginx.exposedPorts).toEqual(['80/tcp']);
    expect(nginx.stopSignal).toBe('SIGQUIT');
    expect(nginx.env).toContain('NGINX_VERSION=1.27.5');
    const postgres = found('postgres:13').image.config;
    expect(postgres.volumes).toEqual(['/var/lib/postgresql/data']);
    expect(postgres.env).toContain('PG_MAJOR=13');
    expect(found('hello-world').image.config.cmd).toEqual(['/hello']);
  });

  it('makes the local image record a pull leaves behind', () => {
    const result = parseReference('nginx');
    if (!result.ok) throw new Error(result.message);
    const reference = result.withDefaultTag();
    const { image } = found('nginx');
    const record = imageRecordFromHub(image, reference);
    expect(record.repoTags).toEqual(['nginx:latest']);
    expect(record.repoDigests).toEqual([`nginx@${image.digest}`]);
    expect(record.layers).toHaveLength(7);
    record.config.env.push('MUTATED=1');
    expect(image.config.env).not.toContain('MUTATED=1');
  });
});

describe('searchHub', () => {
  it('lists the exact official match first, then by stars', () => {
    const names = searchHub('nginx').map((entry) => entry.name);
    expect(names[0]).toBe('nginx');
    expect(names).toContain('bitnami/nginx');
    const stars = searchHub('nginx').slice(1).map((entry) => entry.stars);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
    expect(searchHub('nginx')[0]).toEqual({ name: 'nginx', description: 'Official build of Nginx.', stars: 20976, official: true });
  });

  it('finds nothing for an unknown term', () => {
    expect(searchHub('zzzz-nothing')).toEqual([]);
  });
});
