// The notes' Flask + PostgreSQL project end to end, through the machine as the terminal and the sim drive it.

import { describe, expect, it } from 'vitest';
import { createMachine, type ScenarioName } from '../../src/engine/index.ts';
import { runLine } from '../support/run-line.ts';

type TestMachine = ReturnType<typeof createMachine>;

function run(machine: TestMachine, line: string, options: { tty?: boolean } = {}) {
  return runLine(machine, line, { tty: options.tty ?? false, columns: 100 });
}


/** The notes' compose file with its one fix: `..:/app` binds the project folder, not a new folder named `.. `. */
const FIXED_BIND = `cat > docker-compose.yml <<'EOF'
services:
  web:
    build:
      context: ..
      dockerfile: docker/Dockerfile
    ports:
      - "5000:5000"
    environment:
      - DB_USER=myuser
      - DB_PASSWORD=mypassword
      - DB_HOST=db
      - DB_PORT=5432
      - DB_NAME=networkproject
    depends_on:
      - db
    volumes:
      - ..:/app

  db:
    image: postgres:13
    environment:
      - POSTGRES_DB=networkproject
      - POSTGRES_USER=myuser
      - POSTGRES_PASSWORD=mypassword
    volumes:
      - postgres_data:/var/lib/postgresql/data
    ports:
      - "5432:5432"

volumes:
  postgres_data:
EOF`;

function project(scenario: ScenarioName = 'flask-postgres'): TestMachine {
  const machine = createMachine({ scenario });
  expect(run(machine, 'cd ~/networkproject/docker').exitCode).toBe(0);
  return machine;
}

/** Lines of `text` that mention `needle`, in order: to check what came before what. */
function indexOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  expect(at, `${JSON.stringify(needle)} in the output`).toBeGreaterThanOrEqual(0);
  return at;
}

describe("the notes' project, docker compose up --build -d", () => {
  it('pulls postgres:13, builds the web image, creates network and volume, and starts db before web', () => {
    const machine = project();
    const up = run(machine, 'docker compose up --build -d');
    expect(up.exitCode).toBe(0);
    expect(up.stdout).toBe('');
    const out = up.stderr;
    expect(out).toContain('the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion');
    const order = [
      ' db Pulled \n',
      'Compose can now delegate builds to bake for better performance.\n To do so, set COMPOSE_BAKE=true.\n',
      '[web 4/5] RUN pip install -r requirements.txt',
      ' Service web  Built\n',
      ' Network docker_default  Created\n',
      ' Volume "docker_postgres_data"  Created\n',
      ' Container docker-db-1  Started\n',
      ' Container docker-web-1  Started\n',
    ].map((needle) => indexOf(out, needle));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    expect(run(machine, 'docker images --format "{{.Repository}}:{{.Tag}}"').stdout.split('\n').sort()).toEqual(['', 'docker-web:latest', 'postgres:13']);
    expect(run(machine, 'docker network ls --format "{{.Name}}"').stdout).toContain('docker_default\n');
    expect(run(machine, 'docker volume ls -q').stdout).toBe('docker_postgres_data\n');
  });

  it("makes the folder `.. ` the notes' bind names, so /app is empty and the app cannot start", () => {
    const machine = project();
    run(machine, 'docker compose up --build -d');
    expect(run(machine, 'ls -A').stdout).toBe('.. \nDockerfile\ndocker-compose.yml\n');
    const ps = run(machine, 'docker compose ps -a');
    expect(ps.stdout).toMatch(/^docker-web-1 +docker-web +"python app.py" +web +.* Exited \(2\) /m);
    expect(ps.stdout).toMatch(/^docker-db-1 +postgres:13 +"docker-entrypoint.s…" +db +.* Up .* 0\.0\.0\.0:5432->5432\/tcp, \[::\]:5432->5432\/tcp$/m);
    // Python writes the error on stderr, and Compose keeps each line on the stream it came from.
    const logs = run(machine, 'docker compose logs web');
    expect(logs.stderr.split('\n').filter((line) => !line.includes('level=warning'))).toEqual(["web-1  | python: can't open file '/app/app.py': [Errno 2] No such file or directory", '']);
    expect(logs.stdout).toBe('');
  });

  it('lists only running containers in ps, and the running project in ls', () => {
    const machine = project();
    run(machine, 'docker compose up --build -d');
    const ps = run(machine, 'docker compose ps');
    expect(ps.stdout.split('\n')[0]).toBe('NAME          IMAGE         COMMAND                  SERVICE   CREATED         STATUS         PORTS');
    expect(ps.stdout).toContain('docker-db-1');
    expect(ps.stdout).not.toContain('docker-web-1');
    expect(run(machine, 'docker compose ls').stdout).toBe(
      'NAME                STATUS                  CONFIG FILES\ndocker              exited(1), running(1)   /home/learner/networkproject/docker/docker-compose.yml\n',
    );
  });
});

describe('the app, once the bind names the project folder', () => {
  function fixedProject(): TestMachine {
    const machine = project();
    run(machine, 'docker compose up --build -d');
    expect(run(machine, FIXED_BIND).exitCode).toBe(0);
    return machine;
  }

  it('recreates web with the project mounted at /app, and answers on port 5000 from Flask', () => {
    const machine = fixedProject();
    const up = run(machine, 'docker compose up -d');
    expect(up.exitCode).toBe(0);
    expect(up.stderr).not.toContain('the attribute `version` is obsolete');
    expect(up.stderr).toContain(' Container docker-db-1  Running\n Container docker-web-1  Recreate\n Container docker-web-1  Recreated\n');
    expect(run(machine, 'docker compose ps').stdout).toMatch(/^docker-web-1 +docker-web +"python app.py" +web +.* Up .* 0\.0\.0\.0:5000->5000\/tcp, \[::\]:5000->5000\/tcp$/m);
    expect(run(machine, 'curl -s localhost:5000')).toEqual({ stdout: 'Hello from Flask! The database is reachable.', stderr: '', exitCode: 0 });
  });

  it("answers with psycopg2's error while the database is stopped, and recovers when it starts", () => {
    const machine = fixedProject();
    run(machine, 'docker compose up -d');
    expect(run(machine, 'docker compose stop db').stderr).toBe(' Container docker-db-1  Stopping\n Container docker-db-1  Stopped\n');
    const down = run(machine, 'curl -s -i localhost:5000');
    expect(down.stdout).toMatch(/^HTTP\/1\.1 500 INTERNAL SERVER ERROR\r?\n/);
    expect(down.stdout).toContain('Database error: could not translate host name "db" to address: Name or service not known');
    run(machine, 'docker compose start db');
    expect(run(machine, 'curl -s localhost:5000').stdout).toBe('Hello from Flask! The database is reachable.');
  });

  it('rebuilds on --build but recreates web only when the build made a new image', () => {
    const machine = fixedProject();
    // The context is the whole project, the edited compose file included: this build makes a new image.
    expect(run(machine, 'docker compose up --build -d').stderr).toContain(' Container docker-web-1  Recreate\n');
    const cached = run(machine, 'docker compose up --build -d');
    expect(cached.stderr).toContain('#10 [web 5/5] COPY . .\n#10 CACHED\n');
    expect(cached.stderr).toContain(' Container docker-db-1  Running\n Container docker-web-1  Running\n');
    expect(cached.stderr).not.toContain('Recreate');
    run(machine, 'echo "# edited" >> ../app.py');
    const rebuilt = run(machine, 'docker compose up --build -d');
    expect(rebuilt.stderr).toContain(' Container docker-web-1  Recreate\n Container docker-web-1  Recreated\n');
  });

  it('serves an edit of app.py from the bind mount once web restarts', () => {
    const machine = fixedProject();
    run(machine, 'docker compose up -d');
    run(machine, "cd .. && cat > app.py <<'EOF'\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route(\"/\")\ndef index():\n    return \"Edited on the host\"\n\n\nif __name__ == \"__main__\":\n    app.run(host=\"0.0.0.0\", port=5000)\nEOF\ncd docker");
    run(machine, 'docker compose restart web');
    expect(run(machine, 'curl -s localhost:5000').stdout).toBe('Edited on the host');
  });
});

describe('the database volume', () => {
  it('keeps its data over down and up: the second start skips initialisation', () => {
    const machine = project();
    run(machine, 'docker compose up --build -d');
    expect(run(machine, 'docker compose logs db').stdout).toContain('db-1  | The files belonging to this database system will be owned by user "postgres".\n');
    const down = run(machine, 'docker compose down');
    expect(down.stderr).toContain(' Container docker-db-1  Removed\n');
    expect(down.stderr).toContain(' Network docker_default  Removed\n');
    expect(down.stderr).not.toContain('Volume');
    expect(run(machine, 'docker volume ls -q').stdout).toBe('docker_postgres_data\n');
    run(machine, 'docker compose up -d');
    const logs = run(machine, 'docker compose logs db').stdout;
    expect(logs).toContain('db-1  | PostgreSQL Database directory appears to contain a database; Skipping initialization\n');
    expect(logs).not.toContain('The files belonging to this database system');
  });

  it('is gone after down -v, so the next start initialises a new database', () => {
    const machine = project();
    run(machine, 'docker compose up --build -d');
    const down = run(machine, 'docker compose down -v');
    expect(down.stderr).toContain(' Volume docker_postgres_data  Removed\n');
    expect(run(machine, 'docker volume ls -q').stdout).toBe('');
    run(machine, 'docker compose up -d');
    expect(run(machine, 'docker compose logs db').stdout).toContain('The files belonging to this database system will be owned by user "postgres".');
  });
});

describe('attached up', () => {
  it("prefixes each service's logs until Ctrl+C, then stops the project gracefully", () => {
    const machine = project();
    run(machine, 'docker compose build');
    const up = run(machine, 'docker compose up');
    expect(up.exitCode).toBe(130);
    expect(up.stdout).toContain('Attaching to db-1, web-1\n');
    expect(up.stderr).toContain("web-1  | python: can't open file '/app/app.py': [Errno 2] No such file or directory\n");
    expect(up.stdout).toContain('web-1 exited with code 2\n');
    expect(up.stderr).toMatch(/^db-1 {3}\| .*database system is ready to accept connections$/m);
    expect(up.stderr).toContain('Gracefully stopping... (press Ctrl+C again to force)\n Container docker-db-1  Stopping\n Container docker-db-1  Stopped\n');
  });
});

describe('docker-compose, the v1 command of the notes', () => {
  it('runs Compose v2 as docker compose does', () => {
    const machine = project();
    const v1 = run(machine, 'docker-compose config --services');
    expect(v1).toEqual(run(project(), 'docker compose config --services'));
    expect(v1.stdout).toBe('db\nweb\n');
  });
});

describe("the notes' Dockerfile as written", () => {
  it('fails to build on the EXPOSE without a port, exit 17, with the parse error as the last line', () => {
    const machine = project('flask-postgres-notes');
    const up = run(machine, 'docker compose up --build -d');
    expect(up.exitCode).toBe(17);
    expect(up.stderr.endsWith('\nfailed to solve: dockerfile parse error on line 6: EXPOSE requires at least one argument\n')).toBe(true);
    expect(run(machine, 'docker ps -a -q').stdout).toBe('');
  });

  it('then fails on `pip install` without requirements, as pip and BuildKit say', () => {
    const machine = project('flask-postgres-notes');
    run(machine, `printf 'FROM python:3.9-slim\\nWORKDIR /app\\nCOPY requirements.txt .\\nRUN pip install\\n' > Dockerfile`);
    const build = run(machine, 'docker compose build');
    expect(build.exitCode).toBe(17);
    expect(build.stderr).toContain('ERROR: You must give at least one requirement to install (see "pip help install")');
    expect(build.stderr.endsWith('\nfailed to solve: process "/bin/sh -c pip install" did not complete successfully: exit code: 1\n')).toBe(true);
  });

  it("runs `CMD ['python', 'app.py']` as shell form, so the container ends with sh's not found, exit 127", () => {
    const machine = project('flask-postgres-notes');
    run(machine, `printf "FROM python:3.9-slim\\nWORKDIR /app\\nCOPY requirements.txt .\\nRUN pip install -r requirements.txt\\nCMD ['python', 'app.py']\\n" > Dockerfile`);
    expect(run(machine, 'docker compose up --build -d').exitCode).toBe(0);
    expect(run(machine, 'docker compose logs web').stderr).toContain('web-1  | /bin/sh: 1: [python,: not found\n');
    expect(run(machine, 'docker compose ps -a').stdout).toMatch(/^docker-web-1 .*"\/bin\/sh -c \['python…" .* Exited \(127\) /m);
  });
});
