// Loading projects: file lookup, project names, .env and interpolation, and the course's own compose file.
// Sources: compose-spec/compose-go cli/options.go (DefaultFileNames, the parent-directory walk, the
// "Found multiple config files" warnings, env precedence), loader/loader.go (obsolete `version` warning,
// NormalizeProjectName), format/volume.go (short volume syntax, `.`/`/`/`~` sources are binds).

import { describe, expect, it } from 'vitest';
import { courseFiles, HOME, load } from './helpers.ts';

describe('the course compose file', () => {
  const result = load(courseFiles(), { cwd: `${HOME}/project/docker` });
  if (!result.ok) throw new Error(result.message);
  const { project } = result;
  const web = project.services.find((service) => service.name === 'web')!;
  const db = project.services.find((service) => service.name === 'db')!;

  it('takes its project name from the folder holding the file', () => {
    expect(project.name).toBe('docker');
  });

  it('warns that `version` is obsolete, naming the file', () => {
    expect(result.warnings).toEqual([
      `${HOME}/project/docker/docker-compose.yml: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
    ]);
  });

  it('resolves the build context against the compose file and keeps the Dockerfile relative to it', () => {
    expect(web.build).toMatchObject({ context: `${HOME}/project`, dockerfile: 'docker/Dockerfile' });
  });

  it('reads `.. :/app` as a bind of a folder literally named ".. " beside the compose file', () => {
    expect(web.volumes).toEqual([{ type: 'bind', source: `${HOME}/project/docker/.. `, target: '/app', readOnly: false, createHostPath: true }]);
  });

  it('names the volume, the default network and the dependency', () => {
    expect(db.volumes[0]).toMatchObject({ type: 'volume', source: 'postgres_data', target: '/var/lib/postgresql/data' });
    expect(project.volumes.postgres_data.name).toBe('docker_postgres_data');
    expect(project.networks.default.name).toBe('docker_default');
    expect(web.dependsOn).toEqual({ db: { condition: 'service_started', required: true, restart: false } });
  });

  it('parses the short port syntax', () => {
    expect(web.ports).toEqual([{ mode: 'ingress', target: 5000, published: '5000', protocol: 'tcp' }]);
  });
});

describe('finding the compose file', () => {
  const compose = 'services:\n  web:\n    image: nginx\n';

  it('walks up from the working directory to the nearest compose file', () => {
    const result = load({ [`${HOME}/site/compose.yaml`]: compose }, { cwd: `${HOME}/site/src/deep` });
    expect(result.ok && result.project.composeFiles).toEqual([`${HOME}/site/compose.yaml`]);
    expect(result.ok && result.project.name).toBe('site');
  });

  it('prefers compose.yaml and warns when several names exist', () => {
    const result = load({ [`${HOME}/site/docker-compose.yml`]: compose, [`${HOME}/site/compose.yaml`]: compose }, { cwd: `${HOME}/site` });
    expect(result.warnings).toEqual([
      `Found multiple config files with supported names: ${HOME}/site/compose.yaml, ${HOME}/site/docker-compose.yml`,
      `Using ${HOME}/site/compose.yaml`,
    ]);
  });

  it('adds the override file beside the chosen one', () => {
    const result = load(
      { [`${HOME}/site/compose.yaml`]: compose, [`${HOME}/site/compose.override.yml`]: 'services:\n  web:\n    ports: ["8080:80"]\n' },
      { cwd: `${HOME}/site` },
    );
    expect(result.ok && result.project.services[0].ports[0].published).toBe('8080');
  });
});

describe('project names', () => {
  const compose = 'services:\n  web:\n    image: nginx\n';

  it('normalises the folder name: lowercase, only [a-z0-9_-], no leading - or _', () => {
    const result = load({ [`${HOME}/_My App.v2/compose.yaml`]: compose }, { cwd: `${HOME}/_My App.v2` });
    expect(result.ok && result.project.name).toBe('myappv2');
  });

  it('takes -p over COMPOSE_PROJECT_NAME over `name:` over the folder', () => {
    const named = `name: fromfile\n${compose}`;
    const files = { [`${HOME}/site/compose.yaml`]: named };
    const cwd = `${HOME}/site`;
    expect(load(files, { cwd }).ok && load(files, { cwd })).toMatchObject({ project: { name: 'fromfile' } });
    expect(load(files, { cwd, env: { COMPOSE_PROJECT_NAME: 'fromenv' } })).toMatchObject({ project: { name: 'fromenv' } });
    expect(load(files, { cwd, env: { COMPOSE_PROJECT_NAME: 'fromenv' }, projectName: 'fromflag' })).toMatchObject({ project: { name: 'fromflag' } });
  });
});

describe('interpolation', () => {
  it('uses the shell environment, then .env beside the compose file, then defaults', () => {
    const result = load(
      {
        [`${HOME}/site/compose.yaml`]:
          'services:\n  web:\n    image: "nginx:${TAG:-latest}"\n    environment:\n      GREETING: ${GREETING}\n      PRICE: "$$5"\n      MODE: ${MODE-dev}\n',
        [`${HOME}/site/.env`]: 'GREETING=hello from .env\nTAG=1.27 # the tag\n',
      },
      { cwd: `${HOME}/site`, env: { TAG: 'alpine' } },
    );
    if (!result.ok) throw new Error(result.message);
    const web = result.project.services[0];
    expect(web.image).toBe('nginx:alpine');
    expect(web.environment).toEqual({ GREETING: 'hello from .env', PRICE: '$5', MODE: 'dev' });
  });

  it('warns about a variable that is not set and uses an empty string', () => {
    const result = load({ [`${HOME}/site/compose.yaml`]: 'services:\n  web:\n    image: nginx\n    command: echo ${WHO}\n' }, { cwd: `${HOME}/site` });
    expect(result.warnings).toEqual(['The "WHO" variable is not set. Defaulting to a blank string.']);
    expect(result.ok && result.project.services[0].command).toEqual(['echo']);
  });

  it('fills bare environment keys from the project environment and leaves unknown ones unset', () => {
    const result = load(
      { [`${HOME}/site/compose.yaml`]: 'services:\n  web:\n    image: nginx\n    environment:\n      - TOKEN\n      - MISSING\n' },
      { cwd: `${HOME}/site`, env: { TOKEN: 's3cret' } },
    );
    expect(result.ok && result.project.services[0].environment).toEqual({ TOKEN: 's3cret', MISSING: null });
  });
});
