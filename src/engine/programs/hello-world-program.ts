// hello-world's /hello: prints its message and exits 0. The image has nothing else, not even a shell.

import { HELLO_WORLD_MESSAGE } from './hello-world.ts';
import type { ContainerProgram } from './program.ts';
import { runMain } from './shell-image.ts';

export const helloWorldProgram: ContainerProgram = {
  start(run) {
    if (run.argv[0] !== '/hello' && run.argv[0] !== 'hello') return runMain(run);
    run.emit('stdout', HELLO_WORLD_MESSAGE);
    return { exited: 0 };
  },
};
