// Seeded pseudo-randomness: the engine's only source of ids and names, so sessions replay exactly.

import type { MachineState } from './machine-state.ts';

/** Advances the state's PRNG (mulberry32) and returns a uint32. */
export function nextUint32(state: MachineState): number {
  let t = (state.rng = (state.rng + 0x6d2b79f5) >>> 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A uniform integer in [0, bound). */
export function nextInt(state: MachineState, bound: number): number {
  return nextUint32(state) % bound;
}

/** `length` lowercase hex digits. */
export function randomHex(state: MachineState, length: number): string {
  let hex = '';
  while (hex.length < length) hex += nextUint32(state).toString(16).padStart(8, '0');
  return hex.slice(0, length);
}

/** A 64-hex object id, as Docker gives containers, networks and images. */
export function randomId(state: MachineState): string {
  return randomHex(state, 64);
}
