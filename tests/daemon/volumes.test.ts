// Volumes in the simulated daemon: made on first use, filled from the image once, kept or removed with containers.

import { describe, expect, it } from 'vitest';
import { createMachine } from '../../src/engine/index.ts';
import { ANONYMOUS_LABEL, prepareContainerVolumes } from '../../src/engine/daemon/volumes.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';
import type { ImageRecord } from '../../src/engine/state/machine-state.ts';

function machineWith(lines: string[]) {
  const machine = createMachine({ seed: 3 });
  for (const line of lines) {
    const result = machine.exec(line);
    if (result.following) machine.interrupt();
  }
  return machine;
}

const IMAGE: ImageRecord = {
  id: `sha256:${'a'.repeat(64)}`,
  repoTags: ['site:latest'],
  repoDigests: [],
  created: 0,
  size: 100,
  layers: [],
  config: { cmd: ['sh'], entrypoint: null, env: [], workingDir: '', exposedPorts: [], user: '', volumes: ['/cache'], labels: {}, program: 'shell' },
  files: {
    '/srv': { type: 'dir', mode: 0o755, mtime: 0 },
    '/srv/index.html': { type: 'file', content: '<h1>hi</h1>', mode: 0o644, mtime: 0 },
  },
};

describe('volumes a container mounts', () => {
  it('are created on first use, named as given, or anonymous with a 64-hex name and the anonymous label', () => {
    const state = createInitialState();
    const mounts = [
      { type: 'volume' as const, source: 'data', destination: '/data', readOnly: false },
      { type: 'volume' as const, source: '', destination: '/scratch', readOnly: false },
    ];
    const prepared = prepareContainerVolumes(state, mounts, IMAGE);
    expect(prepared.ok).toBe(true);
    const names = state.volumes.map((volume) => volume.name);
    expect(names[0]).toBe('data');
    expect(names[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(state.volumes[1].labels).toEqual({ [ANONYMOUS_LABEL]: '' });
    // The image's VOLUME /cache is not covered by a mount, so it gets an anonymous volume too.
    expect(mounts.map((mount) => mount.destination)).toEqual(['/data', '/scratch', '/cache']);
    expect(mounts.every((mount) => mount.source !== '')).toBe(true);
  });

  it('are filled from the image at the mount path when empty, and left alone afterwards', () => {
    const state = createInitialState();
    prepareContainerVolumes(state, [{ type: 'volume', source: 'web', destination: '/srv', readOnly: false }], IMAGE);
    const volume = state.volumes.find((candidate) => candidate.name === 'web')!;
    expect(volume.files['/index.html']).toMatchObject({ type: 'file', content: '<h1>hi</h1>' });
    volume.files['/index.html'] = { type: 'file', content: 'changed', mode: 0o644, mtime: 1 };
    prepareContainerVolumes(state, [{ type: 'volume', source: 'web', destination: '/srv', readOnly: false }], IMAGE);
    expect(volume.files['/index.html']).toMatchObject({ content: 'changed' });
  });

  it('refuse names the local driver does not allow', () => {
    const state = createInitialState();
    const prepared = prepareContainerVolumes(state, [{ type: 'volume', source: 'x', destination: '/x', readOnly: false }], IMAGE);
    expect(prepared).toMatchObject({ ok: false, message: 'create x: volume name is too short, names should be at least two alphanumeric characters' });
  });
});

describe('removing containers', () => {
  it('keeps named volumes, and removes anonymous ones only with --rm or rm -v', () => {
    const machine = machineWith([
      'docker run -d --name keep -v named:/data -v /anon-kept alpine sleep 100',
      'docker run -d --name drop -v /anon-dropped alpine sleep 100',
      'docker rm -f keep',
      'docker rm -f -v drop',
    ]);
    const volumes = machine.snapshot().volumes;
    expect(volumes.map((volume) => volume.name)).toContain('named');
    expect(volumes.filter((volume) => volume.anonymous)).toHaveLength(1);
  });

  it('leaves a volume in use until the last container that mounts it is gone', () => {
    const machine = machineWith(['docker run -d --name box -v shared:/s alpine sleep 100', 'docker volume rm shared']);
    expect(machine.snapshot().volumes.map((volume) => volume.name)).toEqual(['shared']);
    machine.exec('docker rm -f box');
    machine.exec('docker volume rm shared');
    expect(machine.snapshot().volumes).toEqual([]);
  });
});
