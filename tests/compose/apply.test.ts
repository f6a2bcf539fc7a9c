// Applying plans: the order of engine calls and the output Compose shows for them, with a scripted engine.
// Exit codes: docker/compose failure categories (pull 18, build 17).

import { describe, expect, it } from 'vitest';
import { applyPlan, type ComposeEngine, type StepResult } from '../../src/engine/compose/apply.ts';
import { planUp, type Operation } from '../../src/engine/compose/plan.ts';
import type { Piece, ProgressOptions } from '../../src/engine/compose/progress.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';
import { renderScreen } from '../../src/headless/screen.ts';
import { courseFiles, HOME, load } from './helpers.ts';

function scriptedEngine(calls: string[], failures: Record<string, string> = {}): ComposeEngine {
  const step = (name: string, durationMs: number): StepResult => {
    calls.push(name);
    return failures[name] ? { ok: false, message: failures[name] } : { ok: true, durationMs };
  };
  return {
    pull: (service, image) => {
      calls.push(`pull ${image}`);
      if (failures[`pull ${image}`]) return { ok: false, message: failures[`pull ${image}`] };
      return { ok: true, durationMs: 2000, layers: [{ id: 'a1b2c3d4e5f6', size: 30_000_000 }, { id: '0f9e8d7c6b5a', size: 10_000_000 }] };
    },
    build: (service) => step(`build ${service}`, 1500),
    createNetwork: (_key, name) => step(`network ${name}`, 100),
    createVolume: (_key, name) => step(`volume ${name}`, 0),
    createContainer: (_service, name) => step(`create ${name}`, 100),
    recreateContainer: (_service, name) => step(`recreate ${name}`, 200),
    startContainer: (name) => step(`start ${name}`, 300),
    waitHealthy: (name) => step(`healthy ${name}`, 1000),
    waitCompleted: (name) => step(`completed ${name}`, 1000),
    stopContainer: (name) => step(`stop ${name}`, 300),
    removeContainer: (name) => step(`rm ${name}`, 100),
    removeNetwork: (name) => step(`rm network ${name}`, 100),
    removeVolume: (name) => step(`rm volume ${name}`, 0),
    removeImage: (image) => step(`rmi ${image}`, 0),
  };
}

function coursePlan(): Operation[] {
  const result = load(courseFiles(), { cwd: `${HOME}/project/docker` });
  if (!result.ok) throw new Error(result.message);
  const plan = planUp(result.project, createInitialState());
  if (!plan.ok) throw new Error(plan.message);
  return plan.operations;
}

const plain: ProgressOptions = { mode: 'plain', columns: 80, rows: 24, title: 'Running' };

describe('applyPlan', () => {
  it('calls the engine in plan order', () => {
    const calls: string[] = [];
    applyPlan(coursePlan(), scriptedEngine(calls), plain, () => {});
    expect(calls).toEqual([
      'pull postgres:13',
      'build web',
      'network docker_default',
      'volume docker_postgres_data',
      'create docker-db-1',
      'create docker-web-1',
      'start docker-db-1',
      'start docker-web-1',
    ]);
  });

  it('prints plain progress lines, the pull first', () => {
    const out: Piece[] = [];
    applyPlan(coursePlan(), scriptedEngine([]), plain, (pieces) => out.push(...pieces));
    const text = out.map((piece) => piece.text).join('');
    expect(text.startsWith(' db Pulling \n a1b2c3d4e5f6 Pulling fs layer \n')).toBe(true);
    expect(text).toContain(' db Pulled \n Service web  Building\n Service web  Built\n Network docker_default  Creating\n');
    expect(text.endsWith(' Container docker-db-1  Started\n Container docker-web-1  Starting\n Container docker-web-1  Started\n')).toBe(true);
  });

  it('draws the main block once the build is done, timing the build from its start', async () => {
    const out: Piece[] = [];
    applyPlan(coursePlan().filter((operation) => operation.kind !== 'pull'), scriptedEngine([]), { ...plain, mode: 'tty', columns: 90 }, (pieces) => out.push(...pieces));
    const screen = await renderScreen(`$ docker compose up -d\n${out.map((piece) => piece.text).join('')}`, 90);
    // Each line fills the 90 columns exactly: the timer and its trailing space end at the right edge.
    const line = (left: string, timer: string) => `${left.padEnd(90 - timer.length - 1)}${timer} \n`;
    expect(screen).toBe(
      '$ docker compose up -d\n' +
        '[+] Running 5/5\n' +
        line(' ✔ Service web                    Built', '1.5s') +
        line(' ✔ Network docker_default         Created', '0.1s') +
        line(' ✔ Volume "docker_postgres_data"  Created', '0.0s') +
        line(' ✔ Container docker-db-1          Started', '0.5s') +
        line(' ✔ Container docker-web-1         Started', '0.7s'),
    );
  });

  it('stops at a failed pull with exit code 18', () => {
    const calls: string[] = [];
    const outcome = applyPlan(coursePlan(), scriptedEngine(calls, { 'pull postgres:13': 'manifest unknown' }), plain, () => {});
    expect(outcome).toEqual({ error: 'Error response from daemon: manifest unknown', exitCode: 18 });
    expect(calls).toEqual(['pull postgres:13']);
  });

  it('leaves a container running when a rebuild made the image it already runs', () => {
    const calls: string[] = [];
    const engine = { ...scriptedEngine(calls), recreateContainer: (_service: string, name: string) => (calls.push(`recreate? ${name}`), { ok: true as const, durationMs: 0 as const, unchanged: 'running' as const }) };
    const operations: Operation[] = [
      { kind: 'build', service: 'web', image: 'docker-web' },
      { kind: 'running', service: 'db', name: 'docker-db-1' },
      { kind: 'recreateContainer', service: 'web', name: 'docker-web-1', number: 1, containerId: 'c', onlyIfImageChanged: true },
      { kind: 'startContainer', service: 'web', name: 'docker-web-1' },
    ];
    const out: Piece[] = [];
    applyPlan(operations, engine, plain, (pieces) => out.push(...pieces));
    expect(calls).toEqual(['build web', 'recreate? docker-web-1']);
    expect(out.map((piece) => piece.text).join('')).toBe(
      ' Service web  Building\n Service web  Built\n Container docker-db-1  Running\n Container docker-web-1  Running\n',
    );
  });
});
