// The hello-world image's message. Source: docker-library/hello-world hello.c (DOCKER_ARCH "amd64").

import { describe, expect, it } from 'vitest';
import { HELLO_WORLD_MESSAGE } from '../../src/engine/programs/hello-world.ts';

describe('HELLO_WORLD_MESSAGE', () => {
  it('starts and ends with a blank line', () => {
    expect(HELLO_WORLD_MESSAGE.startsWith('\nHello from Docker!\n')).toBe(true);
    expect(HELLO_WORLD_MESSAGE.endsWith('https://docs.docker.com/get-started/\n\n')).toBe(true);
  });

  it('has the current wording, with the architecture line and docker run command', () => {
    const lines = HELLO_WORLD_MESSAGE.split('\n');
    expect(lines).toHaveLength(23);
    expect(lines[6]).toBe(' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.');
    expect(lines[7]).toBe('    (amd64)');
    expect(lines).toContain(' $ docker run -it ubuntu bash');
    expect(lines).toContain(' https://hub.docker.com/');
  });
});
