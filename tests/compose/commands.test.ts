// docker compose subcommands through the machine: lifecycle order, dependencies, projects known by name, tables.

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

/** The plain progress lines of a command, without pulls' layer lines. */
function progressLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith(' Container') || line.startsWith(' Network') || line.startsWith(' Volume'));
}

const WEB_AND_CACHE = `services:
  cache:
    image: redis
  web:
    image: nginx
    ports:
      - "8080:80"
    depends_on:
      - cache
`;

describe('dependency order', () => {
  it('starts dependencies first and stops them last', () => {
    const machine = projectWith(WEB_AND_CACHE);
    const up = run(machine, 'docker compose up -d');
    expect(up.exitCode).toBe(0);
    expect(progressLines(up.stderr).filter((line) => line.endsWith('Started'))).toEqual([' Container app-cache-1  Started', ' Container app-web-1  Started']);
    expect(progressLines(run(machine, 'docker compose stop').stderr)).toEqual([
      ' Container app-web-1  Stopping',
      ' Container app-web-1  Stopped',
      ' Container app-cache-1  Stopping',
      ' Container app-cache-1  Stopped',
    ]);
    expect(progressLines(run(machine, 'docker compose start').stderr)).toEqual([
      ' Container app-cache-1  Starting',
      ' Container app-cache-1  Started',
      ' Container app-web-1  Starting',
      ' Container app-web-1  Started',
    ]);
  });

  it('waits for a dependency to be healthy before starting the service that needs it', () => {
    const machine = projectWith(`services:
  db:
    image: postgres:13
    environment:
      POSTGRES_PASSWORD: secret
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 5s
  web:
    image: nginx
    depends_on:
      db:
        condition: service_healthy
`);
    const before = machine.snapshot().clock;
    const up = run(machine, 'docker compose up -d');
    expect(progressLines(up.stderr).slice(-6)).toEqual([
      ' Container app-db-1  Starting',
      ' Container app-db-1  Started',
      ' Container app-db-1  Waiting',
      ' Container app-db-1  Healthy',
      ' Container app-web-1  Starting',
      ' Container app-web-1  Started',
    ]);
    // The first probe runs one interval after the database started.
    expect(machine.snapshot().clock - before).toBeGreaterThan(5000);
  });

  it('reports a dependency that exited instead of becoming healthy', () => {
    const machine = projectWith(`services:
  db:
    image: postgres:13
  web:
    image: nginx
    depends_on:
      db:
        condition: service_healthy
`);
    const up = run(machine, 'docker compose up -d');
    expect(up.exitCode).toBe(1);
    expect(up.stderr.endsWith('dependency failed to start: container app-db-1 exited (1)\n')).toBe(true);
  });
});

describe('a project known only by name', () => {
  it('is taken down with -p from anywhere, dependents first', () => {
    const machine = projectWith(WEB_AND_CACHE);
    run(machine, 'docker compose up -d');
    run(machine, 'cd /tmp');
    expect(run(machine, 'docker compose down').stderr).toBe('no configuration file provided: not found\n');
    const down = run(machine, 'docker compose -p app down');
    expect(down.exitCode).toBe(0);
    expect(progressLines(down.stderr).filter((line) => line.endsWith('Removed'))).toEqual([
      ' Container app-web-1  Removed',
      ' Container app-cache-1  Removed',
      ' Network app_default  Removed',
    ]);
    expect(run(machine, 'docker ps -a -q').stdout).toBe('');
  });

  it('says when there is nothing to remove', () => {
    const machine = projectWith(WEB_AND_CACHE);
    expect(run(machine, 'docker compose down')).toEqual({ stdout: '', stderr: 'Warning: No resource found to remove for project "app".\n', exitCode: 0 });
  });
});

describe('listing', () => {
  it('lists services, ids and images of the project', () => {
    const machine = projectWith(WEB_AND_CACHE);
    run(machine, 'docker compose up -d');
    expect(run(machine, 'docker compose ps --services').stdout).toBe('cache\nweb\n');
    const ids = run(machine, 'docker compose ps -q').stdout.trim().split('\n');
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{64}$/);
    const images = run(machine, 'docker compose images').stdout.split('\n');
    expect(images[0]).toBe('CONTAINER           REPOSITORY          TAG                 PLATFORM            IMAGE ID            SIZE                CREATED');
    expect(images[1]).toMatch(/^app-cache-1 +redis +latest +linux\/amd64 /);
  });

  it('restarts a service on its own', () => {
    const machine = projectWith(WEB_AND_CACHE);
    run(machine, 'docker compose up -d');
    expect(progressLines(run(machine, 'docker compose restart web').stderr)).toEqual([' Container app-web-1  Restarting', ' Container app-web-1  Started']);
  });

  it('refuses a service the project does not have', () => {
    const machine = projectWith(WEB_AND_CACHE);
    expect(run(machine, 'docker compose logs nope')).toEqual({ stdout: '', stderr: 'no such service: nope\n', exitCode: 1 });
  });

  it('shows the last lines of a service with --tail', () => {
    const machine = projectWith(WEB_AND_CACHE);
    run(machine, 'docker compose up -d');
    const lines = run(machine, 'docker compose logs --tail 2 cache').stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^cache-1 {2}\| .*Ready to accept connections tcp$/);
  });

  it('prints its version long, short and as JSON', () => {
    const machine = createMachine();
    expect(run(machine, 'docker compose version').stdout).toBe('Docker Compose version v2.36.2\n');
    expect(run(machine, 'docker compose version --short').stdout).toBe('2.36.2\n');
    expect(run(machine, 'docker compose version --format json').stdout).toBe('{"version":"v2.36.2"}\n');
  });
});

describe('one-off containers', () => {
  it('runs a command in a new container of the service and removes it with --rm', () => {
    const machine = projectWith(`services:
  tool:
    image: alpine
`);
    const once = run(machine, 'docker compose run --rm tool echo hello');
    expect(once.stdout).toBe('hello\n');
    expect(once.exitCode).toBe(0);
    expect(run(machine, 'docker ps -a -q').stdout).toBe('');
  });
});

describe('exec', () => {
  it("runs a command in the service's running container, with the service's environment", () => {
    const machine = projectWith(`services:
  web:
    image: nginx
    environment:
      GREETING: hello
`);
    run(machine, 'docker compose up -d');
    expect(run(machine, 'docker compose exec -T web sh -c "echo $GREETING"'.replace('$GREETING', '\\$GREETING'))).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 });
    expect(run(machine, 'docker compose exec nope ls')).toEqual({ stdout: '', stderr: 'no such service: nope\n', exitCode: 1 });
    run(machine, 'docker compose stop');
    expect(run(machine, 'docker compose exec web ls')).toEqual({ stdout: '', stderr: 'service "web" is not running\n', exitCode: 1 });
  });
});

describe('stopping', () => {
  it("gives a process that ignores SIGTERM the service's stop_grace_period before it is killed", () => {
    const machine = projectWith(`services:
  app:
    image: alpine
    command: sleep 1000
    stop_grace_period: 3s
`);
    run(machine, 'docker compose up -d');
    const before = machine.snapshot().clock;
    run(machine, 'docker compose stop');
    const waited = machine.snapshot().clock - before;
    expect(waited).toBeGreaterThanOrEqual(3000);
    expect(waited).toBeLessThan(10_000);
    expect(run(machine, 'docker compose ps -a').stdout).toContain('Exited (137)');
  });
});

describe('build', () => {
  it('builds quietly with -q, the image tagged <project>-<service>', () => {
    const machine = createMachine({ scenario: 'flask-postgres' });
    const build = run(machine, 'cd ~/networkproject/docker && docker compose build -q');
    expect(build.exitCode).toBe(0);
    expect(build.stdout).toBe('');
    expect(build.stderr).not.toContain('Building');
    expect(run(machine, 'docker images --format "{{.Repository}}:{{.Tag}}"').stdout).toBe('docker-web:latest\n');
  });
});
