// `ps`, `ls`, `images`, `version` and attached-log prefixes.
// Sources: docker/compose cmd/formatter/container.go (ps columns, quoted command cut to 20), cmd/formatter/pretty.go
// (`tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)` for ls and images), cmd/compose/list.go (`running(2)`),
// cmd/compose/images.go (columns), cmd/formatter/logs.go (`%-{width}s |`, width = longest + 1) and colors.go.

import { describe, expect, it } from 'vitest';
import { LABEL } from '../../src/engine/compose/labels.ts';
import { attachingLine, canonicalName, LogPrinter } from '../../src/engine/compose/log-prefix.ts';
import { lsTable, psTable, versionText } from '../../src/engine/compose/tables.ts';
import type { ContainerRecord } from '../../src/engine/state/machine-state.ts';

const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);

function container(name: string, service: string, status: ContainerRecord['status'], extra: Partial<ContainerRecord> = {}): ContainerRecord {
  return {
    name,
    image: service === 'db' ? 'postgres:13' : 'docker-web',
    path: service === 'db' ? 'docker-entrypoint.sh' : 'python',
    args: service === 'db' ? ['postgres'] : ['app.py'],
    created: NOW - 2 * 60_000,
    startedAt: NOW - 2 * 60_000,
    finishedAt: 0,
    exitCode: 0,
    status,
    config: { labels: { [LABEL.project]: 'docker', [LABEL.service]: service, [LABEL.oneoff]: 'False', [LABEL.configFiles]: '/home/learner/project/docker/docker-compose.yml' }, exposedPorts: [] },
    hostConfig: { portBindings: [{ hostIp: '', hostPort: service === 'db' ? 5432 : 5000, containerPort: service === 'db' ? 5432 : 5000, protocol: 'tcp' }] },
    ...extra,
  } as unknown as ContainerRecord;
}

describe('tables', () => {
  it('prints docker compose ps', () => {
    expect(psTable([container('docker-web-1', 'web', 'running'), container('docker-db-1', 'db', 'running')], NOW)).toBe(
      'NAME           IMAGE         COMMAND                  SERVICE   CREATED         STATUS         PORTS\n' +
        'docker-db-1    postgres:13   "docker-entrypoint.s…"   db        2 minutes ago   Up 2 minutes   0.0.0.0:5432->5432/tcp, [::]:5432->5432/tcp\n' +
        'docker-web-1   docker-web    "python app.py"          web       2 minutes ago   Up 2 minutes   0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp\n',
    );
  });

  it('prints docker compose ls with counted states and 20-wide columns', () => {
    const state = { containers: [container('docker-web-1', 'web', 'running'), container('docker-db-1', 'db', 'running')] };
    expect(lsTable(state)).toBe(
      'NAME                STATUS              CONFIG FILES\n' + 'docker              running(2)          /home/learner/project/docker/docker-compose.yml\n',
    );
  });

  it('lists stopped projects only with -a', () => {
    const state = { containers: [container('docker-web-1', 'web', 'exited'), container('docker-db-1', 'db', 'running')] };
    expect(lsTable(state, { all: false })).toContain('exited(1), running(1)');
    const stopped = { containers: [container('docker-web-1', 'web', 'exited')] };
    expect(lsTable(stopped)).toBe('NAME                STATUS              CONFIG FILES\n');
    expect(lsTable(stopped, { all: true })).toContain('docker              exited(1)');
  });

  it('prints the version of the Compose shipped with Docker 28.2.2', () => {
    expect(versionText(false)).toBe('Docker Compose version v2.36.2\n');
    expect(versionText(true)).toBe('2.36.2\n');
  });
});

describe('attached logs', () => {
  it('pads every prefix to the longest name plus one, without colour when piped', () => {
    const printer = new LogPrinter({ colour: false });
    for (const name of ['db-1', 'web-1']) printer.register(name);
    expect(attachingLine(['db-1', 'web-1'])).toBe('Attaching to db-1, web-1\n');
    expect(printer.line('db-1', 'database system is ready to accept connections')).toBe('db-1   | database system is ready to accept connections\n');
    expect(printer.line('web-1', ' * Running on http://0.0.0.0:5000')).toBe('web-1  |  * Running on http://0.0.0.0:5000\n');
  });

  it('colours containers cyan, then yellow, in the order they attach', () => {
    const printer = new LogPrinter({ colour: true });
    expect(printer.prefix('db-1')).toBe('\x1b[36mdb-1  |\x1b[0m');
    expect(printer.prefix('web-1')).toBe('\x1b[33mweb-1  |\x1b[0m');
    expect(printer.prefix('db-1')).toBe('\x1b[36mdb-1   |\x1b[0m');
  });

  it('reports an exit in the container colour after clearing the line', () => {
    const printer = new LogPrinter({ colour: false });
    expect(printer.status('web-1', 'exited with code 1')).toBe('\r\x1b[Kweb-1 exited with code 1\n');
  });

  it('drops the project from container names', () => {
    expect(canonicalName('docker-web-1', 'docker')).toBe('web-1');
  });
});
