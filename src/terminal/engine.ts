// The terminal's only way into the simulated machine.
export { createMachine } from '../engine/index.ts';
