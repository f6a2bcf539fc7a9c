// Carrying out a plan through the engine, in virtual time, and turning what happened into Compose's progress.

import type { Operation } from './plan.ts';
import { describeOperation } from './plan.ts';
import { plainLine, renderProgress, type Piece, type ProgressEvent, type ProgressOptions, type TimedEvent } from './progress.ts';

/** The result of one engine call: how long it took (virtual ms), or the daemon's error. */
export type StepResult = { ok: true; durationMs: number } | { ok: false; message: string };

/** A recreate the engine found needless (the rebuilt image is the one the container runs): what the container is doing. */
export type RecreateResult = StepResult | { ok: true; durationMs: 0; unchanged: 'running' | 'stopped' };

export interface PulledLayer {
  /** The 12-hex short id progress shows. */
  id: string;
  size: number;
}

/**
 * What applying needs from the rest of the engine. The command layer adapts the daemon's functions
 * to this, so the sequencing and the output stay testable without a machine.
 */
export interface ComposeEngine {
  /** Pulls an image; layers already present are reported as such by the engine's own pull. */
  pull(service: string, image: string): ({ ok: true; durationMs: number; layers: PulledLayer[] }) | { ok: false; message: string };
  /** Builds a service's image; the build writes its own (BuildKit) output and returns its duration. */
  build(service: string, image: string): StepResult;
  createNetwork(key: string, name: string): StepResult;
  createVolume(key: string, name: string): StepResult;
  createContainer(service: string, name: string, number: number): StepResult;
  /** With `onlyIfImageChanged`, a container whose image is the one the tag now names is left as it is. */
  recreateContainer(service: string, name: string, number: number, onlyIfImageChanged?: boolean): RecreateResult;
  startContainer(name: string): StepResult;
  /** Waits until the container's healthcheck passes (or fails: then `ok: false` with compose's message). */
  waitHealthy(name: string): StepResult;
  waitCompleted(name: string): StepResult;
  stopContainer(name: string): StepResult;
  removeContainer(name: string): StepResult;
  removeNetwork(name: string): StepResult;
  removeVolume(name: string): StepResult;
  removeImage(image: string): StepResult;
}

/** Progress words per operation: the working text, the done text. */
const WORDS: Record<Operation['kind'], [string, string]> = {
  pull: ['Pulling', 'Pulled'],
  build: ['Building', 'Built'],
  createNetwork: ['Creating', 'Created'],
  createVolume: ['Creating', 'Created'],
  createContainer: ['Creating', 'Created'],
  recreateContainer: ['Recreate', 'Recreated'],
  startContainer: ['Starting', 'Started'],
  running: ['Running', 'Running'],
  created: ['Created', 'Created'],
  waitHealthy: ['Waiting', 'Healthy'],
  waitCompleted: ['Waiting', 'Exited'],
  stopContainer: ['Stopping', 'Stopped'],
  removeContainer: ['Removing', 'Removed'],
  removeNetwork: ['Removing', 'Removed'],
  removeVolume: ['Removing', 'Removed'],
  removeImage: ['Removing', 'Removed'],
};

/** Receives output as it is ready: the pull block before any build writes its own output. */
export type PieceSink = (pieces: Piece[]) => void;

export interface ApplyOutcome {
  /** Compose's error when a step failed; the block shows the failing line in red first. */
  error?: string;
  exitCode: number;
}

function call(engine: ComposeEngine, operation: Operation): RecreateResult {
  switch (operation.kind) {
    case 'build':
      return engine.build(operation.service, operation.image);
    case 'createNetwork':
      return engine.createNetwork(operation.key, operation.name);
    case 'createVolume':
      return engine.createVolume(operation.key, operation.name);
    case 'createContainer':
      return engine.createContainer(operation.service, operation.name, operation.number);
    case 'recreateContainer':
      return engine.recreateContainer(operation.service, operation.name, operation.number, operation.onlyIfImageChanged);
    case 'startContainer':
      return engine.startContainer(operation.name);
    case 'running':
    case 'created':
      return { ok: true, durationMs: 0 };
    case 'waitHealthy':
      return engine.waitHealthy(operation.name);
    case 'waitCompleted':
      return engine.waitCompleted(operation.name);
    case 'stopContainer':
      return engine.stopContainer(operation.name);
    case 'removeContainer':
      return engine.removeContainer(operation.name);
    case 'removeNetwork':
      return engine.removeNetwork(operation.name);
    case 'removeVolume':
      return engine.removeVolume(operation.name);
    case 'removeImage':
      return engine.removeImage(operation.image);
    case 'pull':
      return { ok: false, message: 'pulls are applied by applyPulls' };
  }
}

/**
 * Pulls run first, in their own block (the service line with its layers as children). Compose pulls the
 * services' images in parallel, so every pull starts at the block's start; the engine still does them in turn.
 */
function applyPulls(engine: ComposeEngine, pulls: Operation[], options: ProgressOptions): { pieces: Piece[]; error?: string } {
  const timeline: TimedEvent[] = [];
  let end = 0;
  let error: string | undefined;
  for (const operation of pulls) {
    if (operation.kind !== 'pull') continue;
    const start = 0;
    timeline.push({ at: start, event: { id: operation.service, text: 'Pulling', status: 'working', statusText: '' } });
    const result = engine.pull(operation.service, operation.image);
    if (!result.ok) {
      timeline.push({ at: start, event: { id: operation.service, text: 'Error', status: 'error', statusText: result.message } });
      error = `Error response from daemon: ${result.message}`;
      break;
    }
    // Layers: announced together, then each downloads and extracts in turn over the pull's duration.
    const total = result.layers.reduce((sum, layer) => sum + layer.size, 0) || 1;
    for (const layer of result.layers) {
      timeline.push({ at: start, event: { id: layer.id, parentId: operation.service, text: 'Pulling fs layer', status: 'working', statusText: '', percent: 0 } });
    }
    let at = start;
    for (const layer of result.layers) {
      const share = Math.max(100, Math.round((result.durationMs * layer.size) / total));
      timeline.push({ at: at + share / 2, event: { id: layer.id, parentId: operation.service, text: 'Downloading', status: 'working', statusText: '', current: layer.size / 2, total: layer.size, percent: 50 } });
      at += share;
      timeline.push({ at, event: { id: layer.id, parentId: operation.service, text: 'Pull complete', status: 'done', statusText: '', percent: 100 } });
    }
    const done = Math.max(at, start + result.durationMs);
    timeline.push({ at: done, event: { id: operation.service, text: 'Pulled', status: 'done', statusText: '' } });
    end = Math.max(end, done);
  }
  return { pieces: renderProgress(timeline, end, options), ...(error ? { error } : {}) };
}

/**
 * Applies `operations` (from planUp or planDown): pulls in their own block, then everything else in
 * one block with `options.title`. On a terminal the block is drawn once builds are done (a build draws
 * its own display); plain lines go to the sink as each event happens, so they sit around a build's output.
 * A piece's delay is time the engine's steps have already spent and the terminal has not yet shown.
 */
export function applyPlan(operations: Operation[], engine: ComposeEngine, options: ProgressOptions, sink: PieceSink): ApplyOutcome {
  const pulls = operations.filter((operation) => operation.kind === 'pull');
  if (pulls.length > 0) {
    const pulled = applyPulls(engine, pulls, options);
    sink(pulled.pieces);
    if (pulled.error) return { error: pulled.error, exitCode: 18 };
  }
  const live = options.mode === 'plain';
  const timeline: TimedEvent[] = [];
  let clock = 0;
  let firstDrawAt = 0;
  let shownAt = 0;
  const push = (at: number, event: ProgressEvent) => {
    timeline.push({ at, event });
    if (!live) return;
    sink([{ text: plainLine(event, options.dryRun), delay: Math.max(0, at - shownAt) }]);
    shownAt = Math.max(shownAt, at);
  };
  // Containers a rebuild left as they were: their start is no start.
  const leftRunning = new Set<string>();
  for (const operation of operations) {
    if (operation.kind === 'pull') continue;
    const { id } = describeOperation(operation);
    const [working, done] = WORDS[operation.kind];
    if (operation.kind === 'running' || operation.kind === 'created') {
      push(clock, { id, status: 'done', statusText: done });
      continue;
    }
    if (operation.kind === 'startContainer' && leftRunning.has(operation.name)) continue;
    if (operation.kind === 'recreateContainer' && operation.onlyIfImageChanged) {
      const decided = call(engine, operation);
      if (decided.ok && 'unchanged' in decided) {
        if (decided.unchanged === 'running') leftRunning.add(operation.name);
        push(clock, { id, status: 'done', statusText: decided.unchanged === 'running' ? 'Running' : 'Created' });
        continue;
      }
      push(clock, { id, status: 'working', statusText: working });
      if (!decided.ok) {
        push(clock, { id, status: 'error', statusText: 'Error' });
        if (!live) sink(renderProgress(timeline, clock, { ...options, firstDrawAt }));
        return { error: decided.message, exitCode: 1 };
      }
      clock += decided.durationMs;
      push(clock, { id, status: 'done', statusText: done });
      continue;
    }
    push(clock, { id, status: 'working', statusText: working });
    const result = call(engine, operation);
    if (!result.ok) {
      // A failed build has said so in BuildKit's display; Compose adds only its error line.
      if (operation.kind === 'build') return { error: result.message, exitCode: 17 };
      push(clock, { id, status: 'error', statusText: 'Error' });
      if (!live) sink(renderProgress(timeline, clock, { ...options, firstDrawAt }));
      return { error: result.message, exitCode: 1 };
    }
    clock += result.durationMs;
    if (operation.kind === 'build') {
      firstDrawAt = clock;
      shownAt = clock;
    }
    push(clock, { id, status: 'done', statusText: done });
  }
  if (!live && timeline.length > 0) sink(renderProgress(timeline, clock, { ...options, firstDrawAt }));
  return { exitCode: 0 };
}
