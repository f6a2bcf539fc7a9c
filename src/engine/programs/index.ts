// The table of scripted programs, chosen by the image's `program` name.

import type { ContainerRecord, MachineState } from '../state/machine-state.ts';
import type { ContainerProgram } from './program.ts';
import { helloWorldProgram } from './hello-world-program.ts';
import { nginxProgram } from './nginx.ts';
import { nodeProgram } from './node.ts';
import { postgresProgram } from './postgres.ts';
import { pythonProgram } from './python.ts';
import { redisProgram } from './redis.ts';
import { shellImageProgram } from './shell-image.ts';

const PROGRAMS: Record<string, ContainerProgram> = {
  'hello-world': helloWorldProgram,
  nginx: nginxProgram,
  node: nodeProgram,
  postgres: postgresProgram,
  python: pythonProgram,
  redis: redisProgram,
  shell: shellImageProgram,
};

export function programFor(state: MachineState, container: ContainerRecord): ContainerProgram {
  const image = state.images.find((candidate) => candidate.id === container.imageId);
  const name = image?.config.program ?? 'shell';
  return Object.hasOwn(PROGRAMS, name) ? PROGRAMS[name] : shellImageProgram;
}
