// The terminal's only way into the simulated machine.
export { createMachine, isScenarioName, type ScenarioName } from '../engine/index.ts';
