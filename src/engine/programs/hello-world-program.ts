// hello-world's /hello: prints its message and exits 0.

import { HELLO_WORLD_MESSAGE } from './hello-world.ts';
import type { ContainerProgram } from './program.ts';

export const helloWorldProgram: ContainerProgram = {
  start(run) {
    run.emit('stdout', HELLO_WORLD_MESSAGE);
    return { exited: 0 };
  },
};
