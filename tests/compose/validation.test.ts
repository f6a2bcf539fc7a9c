// Load failures worded and numbered as Compose v2 reports them.
// Sources (compose-spec/compose-go v2): loader/loader.go (`validating %s: %w`, the obsolete `version` warning,
// `NormalizeProjectName`, `InvalidProjectNameErr`), loader/validate.go `checkConsistency`
// (`service %q has neither an image nor a build context specified: %w`,
// `service %q refers to undefined volume %s: %w`, `service %q depends on undefined service %q: %w`,
// `service %q refers to undefined network %s: %w`; errdefs.ErrInvalid is "invalid compose project"),
// schema/schema.go (`%s must be a %s`, object → mapping, `%s %s` with the validator's own text, the most
// specific error winning, an unknown key counting one level deeper), santhosh-tekuri/jsonschema v6 kind/kind.go
// (`additional properties %s not allowed`, `value must be one of %s`), docker/go-connections nat/nat.go
// (`invalid hostPort: `, `invalid containerPort: `), compose-go template/template.go
// (`required variable %s is missing a value: %s`) and interpolation/interpolation.go
// (`error while interpolating %s: %w`, `invalid interpolation format for %s.\nYou may need to escape any $ with another $.\n%s`).
// Exit codes: docker/compose's failure categories (file not found 14, compose parse 15).

import { describe, expect, it } from 'vitest';
import { fixture, HOME, load } from './helpers.ts';

const FILE = `${HOME}/app/compose.yaml`;

function loadFixture(name: string) {
  return load({ [FILE]: fixture(name) }, { cwd: `${HOME}/app` });
}

describe('schema validation', () => {
  it.each([
    ['unknown-service-key.yml', `validating ${FILE}: services.web additional properties 'foo' not allowed`],
    ['unknown-top-level-key.yml', `validating ${FILE}:  additional properties 'foo' not allowed`],
    ['ports-not-a-list.yml', `validating ${FILE}: services.web.ports must be a array`],
    ['environment-wrong-type.yml', `validating ${FILE}: services.web.environment must be a mapping`],
    ['build-unknown-key.yml', `validating ${FILE}: services.web.build additional properties 'dockerfil' not allowed`],
    [
      'depends-on-bad-condition.yml',
      `validating ${FILE}: services.web.depends_on.db.condition value must be one of 'service_started', 'service_healthy', 'service_completed_successfully'`,
    ],
  ])('%s is refused with the schema error', (name, message) => {
    const result = loadFixture(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(message);
    expect(result.exitCode).toBe(15);
  });
});

describe('model consistency and parsing', () => {
  it.each([
    ['no-image-no-build.yml', 'service "web" has neither an image nor a build context specified: invalid compose project'],
    ['undefined-volume.yml', 'service "db" refers to undefined volume postgres_data: invalid compose project'],
    ['undefined-dependency.yml', 'service "web" depends on undefined service "db": invalid compose project'],
    ['undefined-network.yml', 'service "web" refers to undefined network front: invalid compose project'],
    ['dependency-cycle.yml', 'dependency cycle detected: a -> b -> a'],
    ['bad-host-port.yml', 'invalid hostPort: abc'],
    ['bad-container-port.yml', 'invalid containerPort: http'],
    ['required-variable.yml', 'error while interpolating services.web.image: required variable NGINX_TAG is missing a value: set NGINX_TAG first'],
    [
      'invalid-interpolation.yml',
      'invalid interpolation format for services.web.command.\nYou may need to escape any $ with another $.\necho $1',
    ],
  ])('%s is refused', (name, message) => {
    const result = loadFixture(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(message);
    expect(result.exitCode).toBe(15);
  });

  it('accepts the same file once the missing volume is declared', () => {
    const result = load({ [FILE]: `${fixture('undefined-volume.yml')}volumes:\n  postgres_data:\n` }, { cwd: `${HOME}/app` });
    expect(result.ok).toBe(true);
  });
});

describe('finding the files', () => {
  it('reports a missing compose file as Compose does, exit 14', () => {
    const result = load({ [`${HOME}/app/notes.txt`]: '' }, { cwd: `${HOME}/app` });
    expect(result).toMatchObject({ ok: false, message: 'no configuration file provided: not found', exitCode: 14 });
  });

  it('reports a missing -f file with its absolute path', () => {
    const result = load({}, { cwd: `${HOME}/app`, files: ['other.yml'] });
    expect(result).toMatchObject({ ok: false, message: `open ${HOME}/app/other.yml: no such file or directory`, exitCode: 14 });
  });

  it('refuses a -p name that normalisation would change', () => {
    const result = load({ [FILE]: 'services:\n  web:\n    image: nginx\n' }, { cwd: `${HOME}/app`, projectName: 'My_App' });
    expect(result).toMatchObject({
      ok: false,
      message:
        'invalid project name "My_App": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number',
    });
  });
});
