// Start scenarios: what a lesson's machine holds before the learner types anything.

import { describe, expect, it } from 'vitest';
import { createMachine, SCENARIO_NAMES, type ScenarioName } from '../../src/engine/index.ts';
import { fixture } from '../compose/helpers.ts';
import { runLine } from '../support/run-line.ts';

function run(machine: ReturnType<typeof createMachine>, line: string) {
  return runLine(machine, line);
}


describe('start scenarios', () => {
  it('lists every scenario by name', () => {
    expect(SCENARIO_NAMES).toEqual(['flask-postgres', 'flask-postgres-notes']);
  });

  it("lays the notes' project into the learner's home", () => {
    const machine = createMachine({ scenario: 'flask-postgres' });
    expect(run(machine, 'cd ~/networkproject && ls -A . docker').stdout).toBe('.:\napp.py\ndocker\nrequirements.txt\n\ndocker:\nDockerfile\ndocker-compose.yml\n');
    expect(machine.prompt()).toBe('learner@dockyard:~/networkproject$ ');
  });

  it("keeps the notes' compose file byte for byte", () => {
    const machine = createMachine({ scenario: 'flask-postgres' });
    expect(run(machine, 'cat ~/networkproject/docker/docker-compose.yml').stdout).toBe(fixture('course/docker/docker-compose.yml'));
  });

  it('reads every database setting the compose file passes to the app', () => {
    const machine = createMachine({ scenario: 'flask-postgres' });
    const app = run(machine, 'cat ~/networkproject/app.py').stdout;
    for (const name of ['DB_USER', 'DB_PASSWORD', 'DB_HOST', 'DB_PORT', 'DB_NAME']) expect(app).toContain(`os.environ.get("${name}"`);
    expect(app).toContain('import psycopg2');
    expect(run(machine, 'cat ~/networkproject/requirements.txt').stdout).toBe('flask\npsycopg2-binary\n');
  });

  it("offers the notes' Dockerfile as written and the one that builds", () => {
    const dockerfile = (name: ScenarioName) => run(createMachine({ scenario: name }), 'cat ~/networkproject/docker/Dockerfile').stdout;
    expect(dockerfile('flask-postgres-notes')).toBe("FROM python:3.9-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install\nCMD ['python', 'app.py']\nEXPOSE \nENV\n");
    expect(dockerfile('flask-postgres')).toContain('RUN pip install -r requirements.txt\nCOPY . .\n');
    expect(dockerfile('flask-postgres')).toContain('CMD ["python", "app.py"]\n');
  });

  it('leaves a machine plain when the name is not a scenario', () => {
    const machine = createMachine({ scenario: 'no-such-scenario' as ScenarioName });
    expect(run(machine, 'ls -A ~').stdout).toBe('');
    expect(machine.prompt()).toBe('learner@dockyard:~$ ');
  });

  it('survives a save and load with its files', () => {
    const machine = createMachine({ scenario: 'flask-postgres' });
    expect(machine.serialize()).toContain('/home/learner/networkproject/docker/docker-compose.yml');
  });
});
