// The planner: desired project against observed engine state, printed one operation a line.
// Model: docker/compose pkg/compose/convergence.go (create missing, recreate on a config-hash change,
// leave running containers "Running", start in dependency order) and down.go (stop and remove in reverse
// dependency order, networks, volumes only with -v). Names: `<project>-<service>-1`, `<project>_default`.

import { describe, expect, it } from 'vitest';
import { configHash, containerLabels, LABEL, networkLabels, volumeLabels } from '../../src/engine/compose/labels.ts';
import type { ComposeProject } from '../../src/engine/compose/model.ts';
import { planDown, planText, planUp } from '../../src/engine/compose/plan.ts';
import type { ContainerRecord, MachineState } from '../../src/engine/state/machine-state.ts';
import { createInitialState } from '../../src/engine/state/initial-state.ts';
import { courseFiles, HOME, load } from './helpers.ts';

function courseProject(files = courseFiles()): ComposeProject {
  const result = load(files, { cwd: `${HOME}/project/docker` });
  if (!result.ok) throw new Error(result.message);
  return result.project;
}

function image(state: MachineState, tag: string, id: string) {
  state.images.push({
    id,
    repoTags: [tag],
    repoDigests: [],
    created: 0,
    size: 0,
    layers: [],
    config: { cmd: null, entrypoint: null, env: [], workingDir: '', exposedPorts: [], user: '', volumes: [], labels: {}, program: 'generic' },
    files: {},
  });
}

/** The state `up` leaves behind, built directly so the planner is tested on its own. */
function upState(project: ComposeProject): MachineState {
  const state = createInitialState();
  image(state, 'postgres:13', 'sha256:' + '1'.repeat(64));
  image(state, 'docker-web:latest', 'sha256:' + '2'.repeat(64));
  state.networks.push({ id: 'n', name: 'docker_default', driver: 'bridge', scope: 'local', created: 0, subnet: '', gateway: '', internal: false, labels: networkLabels(project, 'default'), builtin: false });
  state.volumes.push({ name: 'docker_postgres_data', driver: 'local', created: 0, labels: volumeLabels(project, 'postgres_data'), anonymous: false, files: {} });
  for (const service of project.services) {
    const imageId = state.images[service.name === 'db' ? 0 : 1].id;
    state.containers.push({
      id: service.name.padEnd(64, '0'),
      name: `docker-${service.name}-1`,
      imageId,
      status: 'running',
      config: { labels: containerLabels(project, service, 1, imageId) },
    } as unknown as ContainerRecord);
  }
  return state;
}

describe('planUp', () => {
  it('on a fresh machine pulls, builds, creates and starts in dependency order', () => {
    const project = courseProject();
    const plan = planUp(project, createInitialState());
    expect(plan.ok && planText(plan.operations)).toBe(
      'db  Pull\n' +
        'Service web  Build\n' +
        'Network docker_default  Create\n' +
        'Volume "docker_postgres_data"  Create\n' +
        'Container docker-db-1  Create\n' +
        'Container docker-web-1  Create\n' +
        'Container docker-db-1  Start\n' +
        'Container docker-web-1  Start\n',
    );
  });

  it('leaves an up-to-date project running', () => {
    const project = courseProject();
    const plan = planUp(project, upState(project));
    expect(plan.ok && planText(plan.operations)).toBe('Container docker-db-1  Running\nContainer docker-web-1  Running\n');
  });

  it('recreates only the service whose configuration changed', () => {
    const project = courseProject();
    const state = upState(project);
    const files = courseFiles();
    files[`${HOME}/project/docker/docker-compose.yml`] = files[`${HOME}/project/docker/docker-compose.yml`].replace('DB_PORT=5432', 'DB_PORT=5433');
    const changed = courseProject(files);
    expect(configHash(changed.services[1])).not.toBe(configHash(project.services[1]));
    const plan = planUp(changed, state);
    // Services converge in dependency order: db is found running before web is recreated.
    expect(plan.ok && planText(plan.operations)).toBe('Container docker-db-1  Running\nContainer docker-web-1  Recreate\nContainer docker-web-1  Start\n');
  });

  it('rebuilds with --build and leaves the recreate to be decided once the image is built', () => {
    const project = courseProject();
    const plan = planUp(project, upState(project), { build: true });
    expect(plan.ok && planText(plan.operations)).toBe(
      'Service web  Build\nContainer docker-db-1  Running\nContainer docker-web-1  Recreate\nContainer docker-web-1  Start\n',
    );
    expect(plan.ok && plan.operations.find((operation) => operation.kind === 'recreateContainer')).toMatchObject({ onlyIfImageChanged: true });
  });

  it('starts a stopped container without recreating it', () => {
    const project = courseProject();
    const state = upState(project);
    state.containers[0].status = 'exited';
    const plan = planUp(project, state);
    // A stopped container that needs no change is noted as created, then started.
    expect(plan.ok && planText(plan.operations)).toBe('Container docker-db-1  Created\nContainer docker-web-1  Running\nContainer docker-db-1  Start\n');
  });

  it('warns about containers of services no longer in the file', () => {
    const project = courseProject();
    const state = upState(project);
    state.containers.push({ id: 'c'.repeat(64), name: 'docker-cache-1', status: 'running', config: { labels: { [LABEL.project]: 'docker', [LABEL.service]: 'cache', [LABEL.oneoff]: 'False' } } } as unknown as ContainerRecord);
    const plan = planUp(project, state);
    expect(plan.ok && plan.warnings).toEqual([
      'Found orphan containers ([docker-cache-1]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.',
    ]);
  });

  it('waits for a healthy dependency before starting its dependent', () => {
    const files = courseFiles();
    files[`${HOME}/project/docker/docker-compose.yml`] = files[`${HOME}/project/docker/docker-compose.yml`].replace(
      '    depends_on:\n      - db\n',
      '    depends_on:\n      db:\n        condition: service_healthy\n',
    );
    const project = courseProject(files);
    const plan = planUp(project, upState(courseProject()));
    expect(plan.ok && planText(plan.operations)).toBe('Container docker-db-1  Running\nContainer docker-web-1  Running\nContainer docker-db-1  Wait healthy\n');
  });
});

describe('planDown', () => {
  it('stops and removes containers dependents first, then the network, keeping volumes', () => {
    const project = courseProject();
    expect(planText(planDown(project, upState(project)))).toBe(
      'Container docker-web-1  Stop\nContainer docker-web-1  Remove\nContainer docker-db-1  Stop\nContainer docker-db-1  Remove\nNetwork docker_default  Remove\n',
    );
  });

  it('removes named volumes only with -v', () => {
    const project = courseProject();
    expect(planText(planDown(project, upState(project), { volumes: true }))).toContain('Volume docker_postgres_data  Remove\n');
  });
});
