// Go encoding/json as docker inspect and {{json}} print it.
// Sources: docker/cli cli/command/inspect/inspector.go (`IndentedInspector`: `[]` when empty, json.Indent with
// four spaces, a trailing newline), Go encoding/json encode.go (HTML escaping, \u2028, \b and \f since Go 1.22,
// sorted map keys), docker/cli templates/templates.go (`json` func: SetEscapeHTML(false), trailing newline trimmed).
// The expected inspect text is the real client's `docker context inspect default`.

import { describe, expect, it } from 'vitest';
import { goJson, inspectJson, templateJson } from '../../src/engine/format/json.ts';

describe('inspectJson', () => {
  it('matches docker context inspect default exactly', () => {
    const context = {
      Name: 'default',
      Metadata: {},
      Endpoints: { docker: { Host: 'unix:///var/run/docker.sock', SkipTLSVerify: false } },
      TLSMaterial: {},
      Storage: { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
    };
    expect(inspectJson([context])).toBe(
      [
        '[',
        '    {',
        '        "Name": "default",',
        '        "Metadata": {},',
        '        "Endpoints": {',
        '            "docker": {',
        '                "Host": "unix:///var/run/docker.sock",',
        '                "SkipTLSVerify": false',
        '            }',
        '        },',
        '        "TLSMaterial": {},',
        '        "Storage": {',
        '            "MetadataPath": "\\u003cIN MEMORY\\u003e",',
        '            "TLSPath": "\\u003cIN MEMORY\\u003e"',
        '        }',
        '    }',
        ']',
        '',
      ].join('\n'),
    );
  });

  it('prints [] for nothing', () => {
    expect(inspectJson([])).toBe('[]\n');
  });
});

describe('goJson', () => {
  it('escapes like Go', () => {
    expect(goJson('a&b<c>\n\t\r\b\f\u0001"\\\u2028')).toBe('"a\\u0026b\\u003cc\\u003e\\n\\t\\r\\b\\f\\u0001\\"\\\\\\u2028"');
    expect(goJson('\ud800x')).toBe('"\ufffdx"');
    expect(goJson('도커 🐳')).toBe('"도커 🐳"');
  });

  it('sorts Map keys like a Go map and keeps object order like a struct', () => {
    expect(goJson(new Map([['b', 1], ['a', 2]]))).toBe('{"a":2,"b":1}');
    expect(goJson({ b: 1, a: 2 })).toBe('{"b":1,"a":2}');
  });

  it('encodes numbers, null and empty containers as Go does', () => {
    expect(goJson([1, 1.5, 1e21, 1e-7, 192004762, null, [], {}])).toBe('[1,1.5,1e+21,1e-7,192004762,null,[],{}]');
    expect(goJson({ skip: undefined, keep: null })).toBe('{"keep":null}');
  });

  it('indents nested arrays', () => {
    expect(goJson({ Cmd: ['nginx', '-g'] }, { indent: '    ' })).toBe('{\n    "Cmd": [\n        "nginx",\n        "-g"\n    ]\n}');
  });
});

describe('templateJson', () => {
  it('does not escape HTML characters', () => {
    expect(templateJson({ Ports: '0.0.0.0:80->80/tcp', Label: 'a<b&c' })).toBe('{"Ports":"0.0.0.0:80->80/tcp","Label":"a<b&c"}');
  });
});
