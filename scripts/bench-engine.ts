// `npm run bench:engine`: a 10,000-command scripted session; prints per-command latency and heap growth.

import { performance } from 'node:perf_hooks';
import { createMachine } from '../src/engine/index.ts';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10_000);
// Rounds run before measuring, so the figures are the engine's steady state rather than V8 compiling it.
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 50);

/** One round of a learner's session; names are numbered so rounds do not collide. */
function round(n: number): string[] {
  return [
    `docker run -d --name web${n} -p ${10000 + (n % 50000)}:80 nginx`,
    'docker ps',
    `docker logs web${n}`,
    'docker images',
    `echo round ${n} > note.txt`,
    'cat note.txt | wc -c',
    'ls -la',
    `docker inspect --format '{{.State.Status}}' web${n}`,
    `docker stop web${n}`,
    'docker ps -a -q',
    `docker rm web${n}`,
    `docker volume create vol${n}`,
    'docker volume ls -q',
    `docker volume rm vol${n}`,
    'docker run --rm alpine echo hi',
    'sleep 1',
    'docker ps --format "{{.Names}}"',
    'export X=1 && echo $X',
    'docker version',
    'history | tail -n 1',
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const machine = createMachine({ seed: 1 });
// Pull once up front: pulls are animated and would otherwise dominate the first round.
machine.exec('docker pull -q nginx && docker pull -q alpine');

for (let n = 0; n < WARMUP_ROUNDS; n++) {
  for (const line of round(1_000_000 + n)) {
    const result = machine.exec(line);
    if (result.following) machine.interrupt();
  }
}

const plain: number[] = [];
const animated: number[] = [];
const heapAtStart = heapMb();
let heapAtHalf = 0;
let stateAtHalf = 0;
let executed = 0;
for (let n = 0; executed < COMMANDS; n++) {
  for (const line of round(n)) {
    if (executed === COMMANDS) break;
    const start = performance.now();
    let result = machine.exec(line);
    if (result.following) result = machine.interrupt();
    const elapsed = performance.now() - start;
    (result.chunks.some((chunk) => chunk.delay > 0) ? animated : plain).push(elapsed);
    executed++;
    if (executed === COMMANDS / 2) {
      heapAtHalf = heapMb();
      stateAtHalf = machine.serialize().length;
    }
  }
}
const heapAtEnd = heapMb();
const stateAtEnd = machine.serialize().length;

const report = (label: string, samples: number[]) => {
  if (samples.length === 0) return;
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(26)} n=${String(sorted.length).padStart(6)}  median ${percentile(sorted, 50).toFixed(3)} ms  p99 ${percentile(sorted, 99).toFixed(3)} ms  max ${sorted.at(-1)!.toFixed(2)} ms`,
  );
};

console.log(
  `engine bench: ${executed} commands after ${WARMUP_ROUNDS} warm-up rounds, on Node ${process.version}${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`,
);
report('without animated output', plain);
report('with animated output', animated);
console.log(`heap: ${heapAtStart.toFixed(1)} MB at start, ${heapAtHalf.toFixed(1)} MB at half, ${heapAtEnd.toFixed(1)} MB at end`);
console.log(`serialised state: ${(stateAtHalf / 1e3).toFixed(1)} kB at half, ${(stateAtEnd / 1e3).toFixed(1)} kB at end`);
