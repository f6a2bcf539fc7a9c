// `docker compose config` output: compose-go's types (struct field order, `networks: default: null`,
// ports as long syntax with `published` a string, `volume: {}` for named volumes, bind sources made absolute)
// marshalled by yaml.v3 with two-space indentation.

import { describe, expect, it } from 'vitest';
import { projectYaml, yamlString } from '../../src/engine/compose/config-yaml.ts';
import { courseFiles, HOME, load } from './helpers.ts';

describe('projectYaml', () => {
  it('prints the course project normalised', () => {
    const result = load(courseFiles(), { cwd: `${HOME}/project/docker` });
    if (!result.ok) throw new Error(result.message);
    expect(projectYaml(result.project)).toBe(`name: docker
services:
  db:
    environment:
      POSTGRES_DB: networkproject
      POSTGRES_PASSWORD: mypassword
      POSTGRES_USER: myuser
    image: postgres:13
    networks:
      default: null
    ports:
      - mode: ingress
        target: 5432
        published: "5432"
        protocol: tcp
    volumes:
      - type: volume
        source: postgres_data
        target: /var/lib/postgresql/data
        volume: {}
  web:
    build:
      context: ${HOME}/project
      dockerfile: docker/Dockerfile
    depends_on:
      db:
        condition: service_started
        required: true
    environment:
      DB_HOST: db
      DB_NAME: networkproject
      DB_PASSWORD: mypassword
      DB_PORT: "5432"
      DB_USER: myuser
    networks:
      default: null
    ports:
      - mode: ingress
        target: 5000
        published: "5000"
        protocol: tcp
    volumes:
      - type: bind
        source: '${HOME}/project/docker/.. '
        target: /app
        bind:
          create_host_path: true
networks:
  default:
    name: docker_default
volumes:
  postgres_data:
    name: docker_postgres_data
`);
  });

  it('prints a command as a list, split as a shell would', () => {
    const result = load({ [`${HOME}/a/compose.yaml`]: 'services:\n  web:\n    image: python:3.9-slim\n    command: python -c "print(1)"\n' }, { cwd: `${HOME}/a` });
    expect(result.ok && projectYaml(result.project)).toContain('    command:\n      - python\n      - -c\n      - print(1)\n');
  });
});

describe('yamlString', () => {
  it.each([
    ['plain', 'plain'],
    ['5432', '"5432"'],
    ['true', '"true"'],
    ['', '""'],
    ['a: b', "'a: b'"],
    ['trailing ', "'trailing '"],
    ['-c', '-c'],
    ['*star', "'*star'"],
  ])('%j prints as %s', (text, printed) => {
    expect(yamlString(text)).toBe(printed);
  });
});
