// Compose and health checks: a service's healthcheck in its container, and `depends_on: condition: service_healthy` waiting for the real state.

import { describe, expect, it } from 'vitest';
import { createMachine } from '../../src/engine/index.ts';
import { runLine } from '../support/run-line.ts';

type TestMachine = ReturnType<typeof createMachine>;

function run(machine: TestMachine, line: string, options: { tty?: boolean } = {}) {
  return runLine(machine, line, { tty: options.tty ?? false, columns: 100 });
}


function projectWith(compose: string): TestMachine {
  const machine = createMachine();
  expect(run(machine, `mkdir app && cd app && cat > compose.yaml <<'EOF'\n${compose}EOF`).exitCode).toBe(0);
  return machine;
}

function containerLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith(' Container'));
}

const dependingOn = (healthcheck: string) => `services:
  db:
    image: postgres:13
    environment:
      POSTGRES_PASSWORD: secret
${healthcheck}  web:
    image: nginx
    depends_on:
      db:
        condition: service_healthy
`;

describe('a service healthcheck', () => {
  it('becomes the container’s Config.Healthcheck, durations in nanoseconds', () => {
    const machine = projectWith(`services:
  db:
    image: postgres:13
    environment:
      POSTGRES_PASSWORD: secret
    healthcheck:
      test: pg_isready -U postgres
      interval: 5s
      timeout: 2s
      retries: 4
      start_period: 1m
`);
    run(machine, 'docker compose up -d');
    expect(run(machine, "docker inspect -f '{{json .Config.Healthcheck}}' app-db-1").stdout).toBe(
      '{"Test":["CMD-SHELL","pg_isready -U postgres"],"Interval":5000000000,"Timeout":2000000000,"StartPeriod":60000000000,"Retries":4}\n',
    );
    run(machine, 'sleep 6');
    expect(run(machine, 'docker compose ps').stdout).toMatch(/\napp-db-1 .* Up \d+ seconds \(healthy\) /);
  });

  it('with disable: true is NONE, so a service_healthy dependent has nothing to wait for', () => {
    const machine = projectWith(dependingOn('    healthcheck:\n      disable: true\n'));
    const up = run(machine, 'docker compose up -d');
    expect(run(machine, "docker inspect -f '{{json .Config.Healthcheck}}' app-db-1").stdout).toBe('{"Test":["NONE"]}\n');
    expect(up.exitCode).toBe(1);
    expect(up.stderr.endsWith('dependency failed to start: container app-db-1 has no healthcheck configured\n')).toBe(true);
  });
});

describe('service_healthy', () => {
  it('waits for the probe to pass, polling every half second, and shows the dependency Healthy', () => {
    const machine = projectWith(dependingOn('    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n      interval: 3s\n'));
    const up = run(machine, 'docker compose up -d');
    expect(up.exitCode).toBe(0);
    expect(containerLines(up.stderr).slice(-5)).toEqual([
      ' Container app-db-1  Started',
      ' Container app-db-1  Waiting',
      ' Container app-db-1  Healthy',
      ' Container app-web-1  Starting',
      ' Container app-web-1  Started',
    ]);
    const state = machine.snapshot();
    const db = state.containers.find((container) => container.name === 'app-db-1')!;
    const web = state.containers.find((container) => container.name === 'app-web-1')!;
    const probe = db.health!.log[0];
    expect(probe.output).toBe('/var/run/postgresql:5432 - accepting connections\n');
    // The web container starts at the first half-second tick after the probe ended.
    expect(web.startedAt).toBeGreaterThan(probe.end);
    expect(web.startedAt - probe.end).toBeLessThan(1000);
  });

  it('fails up with Compose’s words when the dependency turns unhealthy, leaving the dependent created', () => {
    const machine = projectWith(dependingOn('    healthcheck:\n      test: ["CMD", "pg_isready", "-h", "elsewhere"]\n      interval: 2s\n      retries: 2\n'));
    const up = run(machine, 'docker compose up -d');
    expect(up.exitCode).toBe(1);
    expect(containerLines(up.stderr).slice(-2)).toEqual([' Container app-db-1  Waiting', ' Container app-db-1  Error']);
    expect(up.stderr.endsWith('dependency failed to start: container app-db-1 is unhealthy\n')).toBe(true);
    expect(run(machine, 'docker ps -a --format "{{.Names}} {{.Status}}"').stdout).toMatch(/^app-web-1 Created\napp-db-1 Up \d+ seconds \(unhealthy\)\n$/);
  });
});
