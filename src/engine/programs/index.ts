// The table of scripted programs, chosen by the image's `program` name.

import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import type { ContainerProgram } from './program.ts';
import { helloWorldProgram } from './hello-world-program.ts';
import { nginxProgram } from './nginx.ts';
import { shellImageProgram } from './shell-image.ts';

const PROGRAMS: Record<string, ContainerProgram> = {
  'hello-world': helloWorldProgram,
  nginx: nginxProgram,
  shell: shellImageProgram,
};

export function programFor(state: MachineState, container: ContainerRecord): ContainerProgram {
  const image = state.images.find((candidate) => candidate.id === container.imageId);
  return PROGRAMS[image?.config.program ?? 'shell'] ?? shellImageProgram;
}
