// Go text/template as docker/cli runs `--format`.
// Sources: Go text/template (parse/lex.go, parse/parse.go, exec.go, funcs.go) for syntax, evaluation and error
// texts; docker/cli templates/templates.go (json, split, join, title, lower, upper, pad, truncate and the header
// functions) and cli/command/formatter/formatter.go (`table` prefix, `\t` and `\n`, `template parsing error: `).
// fixtures/go-template-cases.json is recorded from the real docker 28.2.2 client by
// fixtures/record-go-template-cases.py (`docker context ls --format …`, which needs no daemon).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dockerTemplateError,
  executeTemplate,
  goStruct,
  parseTemplate,
  prepareFormat,
  renderTemplate,
} from '../../src/engine/format/go-template.ts';
import { tabwrite } from '../../src/engine/format/table.ts';

interface RecordedCase {
  format: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const recorded: RecordedCase[] = JSON.parse(readFileSync(new URL('./fixtures/go-template-cases.json', import.meta.url), 'utf8'));

/** The default context as `docker context ls` formats it: a formatter context whose fields are methods. */
function contextRow() {
  return goStruct('*formatter.clientContextContext', {
    Current: () => true,
    Description: () => 'Current DOCKER_HOST based configuration',
    DockerEndpoint: () => 'unix:///var/run/docker.sock',
    Error: () => '',
    Name: () => 'default',
  });
}

/** What docker/cli's formatter writes for one row: the output and a newline, or the wrapped error. */
function formatRow(format: string): { stdout: string; stderr: string; exitCode: number } {
  const result = renderTemplate(format, contextRow());
  if (!result.ok) return { stdout: '', stderr: `${dockerTemplateError(result.error)}\n`, exitCode: 1 };
  return { stdout: `${result.text}\n`, stderr: '', exitCode: 0 };
}

describe('templates recorded from the real client', () => {
  it.each(recorded.map((entry) => [entry.format, entry] as const))('%s', (_format, entry) => {
    expect(formatRow(entry.format)).toEqual({ stdout: entry.stdout, stderr: entry.stderr, exitCode: entry.exitCode });
  });
});

describe('maps, as docker inspect sees its raw JSON', () => {
  const data = {
    Name: '/web',
    State: { Status: 'running', Running: true, Pid: 1234 },
    Config: { Labels: { 'com.example.team': 'blue' }, Env: ['A=1', 'B=2'] },
    Endpoints: { docker: goStruct('store.EndpointMeta', { Host: 'unix:///var/run/docker.sock', SkipTLSVerify: false }) },
  };

  it('walks nested paths and prints Go values', () => {
    expect(renderTemplate('{{.State.Status}} {{.State.Pid}} {{.Config.Env}}', data)).toEqual({
      ok: true,
      text: 'running 1234 [A=1 B=2]',
    });
    expect(renderTemplate('{{.Endpoints}}', data)).toEqual({ ok: true, text: 'map[docker:{unix:///var/run/docker.sock false}]' });
    expect(renderTemplate('{{index .Config.Labels "com.example.team"}}', data)).toEqual({ ok: true, text: 'blue' });
  });

  it('prints <no value> for a missing key, or fails with missingkey=error', () => {
    expect(renderTemplate('{{.State.Nope}}', data)).toEqual({ ok: true, text: '<no value>' });
    expect(renderTemplate('{{.Nope}}', data, { missingKey: 'error' })).toEqual({
      ok: false,
      error: 'template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"',
    });
  });

  it('ranges over maps in key order and over slices with index', () => {
    const labels = { b: '2', a: '1' };
    expect(renderTemplate('{{range $k, $v := .}}{{$k}}={{$v}};{{end}}', labels)).toEqual({ ok: true, text: 'a=1;b=2;' });
    expect(renderTemplate('{{range $i, $e := .Config.Env}}{{$i}}:{{$e}} {{end}}', data)).toEqual({ ok: true, text: '0:A=1 1:B=2 ' });
    expect(renderTemplate('{{range .Missing}}x{{else}}empty{{end}}', { Missing: [] })).toEqual({ ok: true, text: 'empty' });
  });

  it('renders json compactly without HTML escaping', () => {
    expect(renderTemplate('{{json .State}}', data)).toEqual({ ok: true, text: '{"Status":"running","Running":true,"Pid":1234}' });
    expect(renderTemplate('{{json .}}', { A: '<b>&' })).toEqual({ ok: true, text: '{"A":"<b>&"}' });
  });
});

describe('table formats', () => {
  it('splits the table prefix and turns \\t into tabs', () => {
    expect(prepareFormat('table {{.ID}}\\t{{.Names}}')).toEqual({ table: true, source: '{{.ID}}\t{{.Names}}' });
    expect(prepareFormat('  {{.ID}}  ')).toEqual({ table: false, source: '{{.ID}}' });
    expect(prepareFormat('json')).toEqual({ table: false, source: '{{json .}}' });
  });

  it('renders a header through the header functions, then the rows, through the tabwriter', () => {
    // Matches `docker context ls --format 'table {{.Name}}\t{{.Description}}'` from the real client.
    const { source } = prepareFormat('table {{.Name}}\\t{{upper .Description}}');
    const parsed = parseTemplate(source);
    if (!parsed.ok) throw new Error(parsed.error);
    const header = executeTemplate(parsed.template, { Name: 'NAME', Description: 'DESCRIPTION' }, { header: true });
    const row = executeTemplate(parsed.template, contextRow());
    if (!header.ok || !row.ok) throw new Error('render failed');
    expect(tabwrite(`${header.text}\n${row.text}\n`)).toBe(
      'NAME      DESCRIPTION\ndefault   CURRENT DOCKER_HOST BASED CONFIGURATION\n',
    );
  });
});

describe('whitespace trimming and comments', () => {
  it('trims around {{- and -}}', () => {
    expect(renderTemplate('a  {{- "b" -}}  c', null)).toEqual({ ok: true, text: 'abc' });
    expect(renderTemplate('a {{- /* note */ -}} b', null)).toEqual({ ok: true, text: 'ab' });
  });

  it('reports the line of a parse error', () => {
    expect(renderTemplate('line one\n{{.A}', {})).toEqual({ ok: false, error: "template: :2: bad character U+007D '}'" });
  });
});
