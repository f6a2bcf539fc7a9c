// The Dockerfile parser against BuildKit's behaviour and error words.
// Sources: moby/buildkit frontend/dockerfile/parser/parser.go (directives, continuations, heredocs,
// `file with no instructions`, `unterminated heredoc`), parser/line_parsers.go (`ENV must have two arguments`,
// `Syntax error - can't find = …`, JSON arrays `when using JSON array syntax, arrays must be comprised of strings only`,
// non-JSON exec form falls back to shell form), instructions/parse.go (`dockerfile parse error on line N: …`,
// `unknown instruction: …` with util/suggest/error.go's `(did you mean …?)` in the typed case, `… requires at least one argument`,
// `… requires exactly one argument`, `… names can not be blank`, HEALTHCHECK and ONBUILD texts),
// instructions/bflag.go with moby/buildkit#5369 (`unknown flag: --x`, `missing a value on flag: --x`),
// instructions/commands.go CurrentStage (`no build stage in current context`).

import { describe, expect, it } from 'vitest';
import { parseDockerfile, type Instruction } from '../../src/engine/builder/parse.ts';

function commands(text: string): Instruction[] {
  const result = parseDockerfile(text);
  if (!result.ok) throw new Error(result.failure.message);
  return result.dockerfile.stages.flatMap((stage) => stage.commands);
}

function only(text: string): Instruction {
  return commands(`FROM alpine\n${text}\n`)[0];
}

function failure(text: string): string {
  const result = parseDockerfile(text);
  if (result.ok) throw new Error('parsed without error');
  return result.failure.message;
}

describe('instructions', () => {
  it('reads FROM with platform and a lower-cased stage name', () => {
    const result = parseDockerfile('FROM --platform=linux/amd64 golang:1.22 AS build\n');
    expect(result.ok && result.dockerfile.stages[0].from).toMatchObject({ image: 'golang:1.22', stageName: 'build', platform: 'linux/amd64' });
  });

  it('reads WORKDIR, USER, STOPSIGNAL and MAINTAINER as one value', () => {
    expect(only('WORKDIR /app')).toMatchObject({ kind: 'WORKDIR', value: '/app' });
    expect(only('USER app:app')).toMatchObject({ kind: 'USER', value: 'app:app' });
    expect(only('STOPSIGNAL SIGQUIT')).toMatchObject({ kind: 'STOPSIGNAL', value: 'SIGQUIT' });
    expect(only('MAINTAINER Jane <jane@example.com>')).toMatchObject({ kind: 'MAINTAINER', value: 'Jane <jane@example.com>' });
  });

  it('reads COPY and ADD with their flags, sources and destination', () => {
    expect(only('COPY --from=build --chown=app:app --chmod=755 /out/app ./bin/ /usr/local/bin/')).toMatchObject({
      kind: 'COPY',
      from: 'build',
      chown: 'app:app',
      chmod: '755',
      sources: ['/out/app', './bin/'],
      dest: '/usr/local/bin/',
    });
    expect(only('ADD ["a b.txt", "/dest/"]')).toMatchObject({ kind: 'ADD', sources: ['a b.txt'], dest: '/dest/' });
  });

  it('reads RUN, CMD and ENTRYPOINT in exec and shell form', () => {
    expect(only('RUN ["pip", "install", "flask"]')).toMatchObject({ command: { form: 'exec', args: ['pip', 'install', 'flask'] } });
    expect(only('RUN pip install flask')).toMatchObject({ command: { form: 'shell', args: ['pip install flask'] } });
    expect(only('CMD ["python", "app.py"]')).toMatchObject({ kind: 'CMD', command: { form: 'exec', args: ['python', 'app.py'] } });
    expect(only('ENTRYPOINT nginx -g "daemon off;"')).toMatchObject({ kind: 'ENTRYPOINT', command: { form: 'shell', args: ['nginx -g "daemon off;"'] } });
  });

  it("treats the notes' single-quoted CMD as shell form, as BuildKit does with invalid JSON", () => {
    expect(only("CMD ['python', 'app.py']")).toMatchObject({ command: { form: 'shell', args: ["['python', 'app.py']"] } });
  });

  it('reads ENV in both forms and LABEL, keeping quotes for later processing', () => {
    expect(only('ENV a=b c="d e"')).toMatchObject({ kind: 'ENV', pairs: [{ key: 'a', value: 'b', legacy: false }, { key: 'c', value: '"d e"', legacy: false }] });
    expect(only('ENV PATH /usr/local/bin:$PATH')).toMatchObject({ pairs: [{ key: 'PATH', value: '/usr/local/bin:$PATH', legacy: true }] });
    expect(only('LABEL version="1.0" maintainer=me')).toMatchObject({ kind: 'LABEL', pairs: [{ key: 'version' }, { key: 'maintainer', value: 'me' }] });
  });

  it('reads ARG with and without defaults, EXPOSE sorted, VOLUME in both forms', () => {
    expect(only('ARG VERSION=1.0 DEBUG')).toMatchObject({ kind: 'ARG', args: [{ key: 'VERSION', value: '1.0' }, { key: 'DEBUG', value: undefined }] });
    expect(only('EXPOSE 8080 5000/tcp 53/udp')).toMatchObject({ kind: 'EXPOSE', values: ['5000/tcp', '53/udp', '8080'] });
    expect(only('VOLUME /data /logs')).toMatchObject({ kind: 'VOLUME', values: ['/data', '/logs'] });
    expect(only('VOLUME ["/data"]')).toMatchObject({ kind: 'VOLUME', values: ['/data'] });
  });

  it('reads HEALTHCHECK with options, CMD-SHELL for shell form, and NONE', () => {
    expect(only('HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/ || exit 1')).toMatchObject({
      kind: 'HEALTHCHECK',
      test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      interval: 30e9,
      timeout: 3e9,
      retries: 3,
    });
    expect(only('HEALTHCHECK CMD ["pg_isready"]')).toMatchObject({ test: ['CMD', 'pg_isready'] });
    expect(only('HEALTHCHECK NONE')).toMatchObject({ test: ['NONE'] });
  });

  it('reads SHELL as JSON and ONBUILD as its expression', () => {
    expect(only('SHELL ["/bin/bash", "-c"]')).toMatchObject({ kind: 'SHELL', values: ['/bin/bash', '-c'] });
    expect(only('ONBUILD COPY . /app')).toMatchObject({ kind: 'ONBUILD', expression: 'COPY . /app' });
  });

  it('accepts lower-case keywords and keeps them as written', () => {
    expect(only('run echo hi')).toMatchObject({ kind: 'RUN', keyword: 'run' });
  });
});

describe('lines, comments and directives', () => {
  it('joins continuation lines, skipping comments and blank lines inside them', () => {
    const [run] = commands('FROM alpine\nRUN apk add \\\n# a comment\n    curl \\\n\n    git\n');
    expect(run).toMatchObject({ original: 'RUN apk add     curl     git', range: { start: 2, end: 6 } });
  });

  it('uses the escape directive for continuations', () => {
    const [run] = commands('# escape=`\nFROM alpine\nRUN echo a `\n  b\n');
    expect(run).toMatchObject({ original: 'RUN echo a   b' });
  });

  it('reads the syntax and check directives', () => {
    const result = parseDockerfile('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended,LegacyKeyValueFormat\nFROM alpine\n');
    expect(result.ok && result.dockerfile.syntax).toBe('docker/dockerfile:1');
    expect(result.ok && result.dockerfile.skippedChecks).toEqual(['JSONArgsRecommended', 'LegacyKeyValueFormat']);
  });

  it('reads heredocs in RUN and COPY', () => {
    const [run, copy] = commands('FROM alpine\nRUN <<EOF\necho hi\necho there\nEOF\nCOPY <<-"END" /etc/motd\n\tHello $USER\n\tEND\n');
    expect(run).toMatchObject({ kind: 'RUN', heredocs: [{ name: 'EOF', content: 'echo hi\necho there\n', expand: true }] });
    expect(copy).toMatchObject({ kind: 'COPY', heredocSources: [{ name: 'END', content: 'Hello $USER\n', expand: false }], dest: '/etc/motd' });
  });

  it('keeps ARGs before the first FROM as meta args', () => {
    const result = parseDockerfile('ARG TAG=3.9-slim\nFROM python:${TAG}\n');
    expect(result.ok && result.dockerfile.metaArgs[0].args).toEqual([{ key: 'TAG', value: '3.9-slim' }]);
  });

  it('splits stages', () => {
    const result = parseDockerfile('FROM golang AS build\nRUN go build\nFROM alpine\nCOPY --from=build /out /\n');
    expect(result.ok && result.dockerfile.stages.map((stage) => [stage.from.stageName, stage.commands.length])).toEqual([
      ['build', 1],
      ['', 1],
    ]);
  });
});

describe('errors, in BuildKit words', () => {
  it.each([
    ["the notes' EXPOSE with no ports", 'FROM python:3.9-slim\nEXPOSE \nENV\n', 'dockerfile parse error on line 2: EXPOSE requires at least one argument'],
    ['ENV with nothing', 'FROM alpine\nENV\n', 'dockerfile parse error on line 2: ENV requires at least one argument'],
    ['ENV with a name and no value', 'FROM alpine\nENV FOO\n', 'ENV must have two arguments'],
    ['ENV mixing forms', 'FROM alpine\nENV a=1 b\n', 'Syntax error - can\'t find = in "b". Must be of the form: name=value'],
    ['ENV with a blank name', 'FROM alpine\nENV =1\n', 'dockerfile parse error on line 2: ENV names can not be blank'],
    ['LABEL with nothing', 'FROM alpine\nLABEL\n', 'dockerfile parse error on line 2: LABEL requires at least one argument'],
    ['ARG with nothing', 'FROM alpine\nARG\n', 'dockerfile parse error on line 2: ARG requires at least one argument'],
    ['ARG with a blank name', 'FROM alpine\nARG =1\n', 'dockerfile parse error on line 2: ARG names can not be blank'],
    ['an unknown instruction near a real one', 'FROM alpine\nRUNN echo\n', 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)'],
    ['an unknown lower-case instruction', 'FROM alpine\ncopyy . .\n', 'dockerfile parse error on line 2: unknown instruction: copyy (did you mean copy?)'],
    ['an unknown instruction far from any', 'FROM alpine\nPRINT hello\n', 'dockerfile parse error on line 2: unknown instruction: PRINT'],
    ['an instruction before FROM', 'RUN echo hi\n', 'no build stage in current context'],
    ['FROM with two words', 'FROM alpine latest\n', 'dockerfile parse error on line 1: FROM requires either one or three arguments'],
    ['a stage name with symbols', 'FROM alpine AS 1st\n', 'dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols'],
    ['COPY with one argument', 'FROM alpine\nCOPY app.py\n', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['ADD with one argument', 'FROM alpine\nADD app.py\n', 'dockerfile parse error on line 2: ADD requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['an unknown flag', 'FROM alpine\nCOPY --nosuchflag . .\n', 'dockerfile parse error on line 2: unknown flag: --nosuchflag'],
    ['a flag without its value', 'FROM alpine\nCOPY --exclude /.git . .\n', 'dockerfile parse error on line 2: missing a value on flag: --exclude'],
    ['WORKDIR with nothing', 'FROM alpine\nWORKDIR\n', 'dockerfile parse error on line 2: WORKDIR requires exactly one argument'],
    ['USER with nothing', 'FROM alpine\nUSER\n', 'dockerfile parse error on line 2: USER requires exactly one argument'],
    ['VOLUME with nothing', 'FROM alpine\nVOLUME\n', 'dockerfile parse error on line 2: VOLUME requires at least one argument'],
    ['SHELL in shell form', 'FROM alpine\nSHELL /bin/bash -c\n', 'dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form'],
    ['a JSON array of numbers', 'FROM alpine\nCMD [1, 2]\n', 'when using JSON array syntax, arrays must be comprised of strings only'],
    ['HEALTHCHECK with nothing', 'FROM alpine\nHEALTHCHECK\n', 'dockerfile parse error on line 2: HEALTHCHECK requires at least one argument'],
    ['HEALTHCHECK NONE with a command', 'FROM alpine\nHEALTHCHECK NONE x\n', 'dockerfile parse error on line 2: HEALTHCHECK NONE takes no arguments'],
    ['HEALTHCHECK CMD with no command', 'FROM alpine\nHEALTHCHECK CMD\n', 'dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD'],
    ['HEALTHCHECK of an unknown type', 'FROM alpine\nHEALTHCHECK RUN x\n', 'dockerfile parse error on line 2: Unknown type "RUN" in HEALTHCHECK (try CMD)'],
    ['HEALTHCHECK retries below one', 'FROM alpine\nHEALTHCHECK --retries=0 CMD x\n', 'dockerfile parse error on line 2: --retries must be at least 1 (not 0)'],
    ['HEALTHCHECK interval too short', 'FROM alpine\nHEALTHCHECK --interval=1ns CMD x\n', 'dockerfile parse error on line 2: Interval "interval" cannot be less than 1ms'],
    ['ONBUILD ONBUILD', 'FROM alpine\nONBUILD ONBUILD RUN x\n', 'dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed'],
    ['ONBUILD FROM', 'FROM alpine\nONBUILD FROM alpine\n', "dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger"],
    ['an unterminated heredoc', 'FROM alpine\nRUN <<EOF\necho hi\n', 'unterminated heredoc'],
    ['a file of comments only', '# just a comment\n', 'file with no instructions'],
    ['an empty file', '', 'the Dockerfile cannot be empty'],
    ['a repeated directive', '# escape=`\n# escape=`\nFROM alpine\n', 'only one escape parser directive can be used'],
    ['a bad escape token', '# escape=x\nFROM alpine\n', "invalid escape token 'x' does not match ` or \\"],
  ])('%s', (_name, text, message) => {
    expect(failure(text)).toBe(message);
  });

  it('reports a later first-pass error before an earlier second-pass one', () => {
    expect(failure('FROM alpine\nEXPOSE\nENV FOO\n')).toBe('ENV must have two arguments');
  });

  it('points the error at the lines of the failing instruction', () => {
    const result = parseDockerfile('FROM alpine\nRUN echo \\\n  hi\nEXPOSE\n');
    expect(!result.ok && result.failure.ranges).toEqual([{ start: 4, end: 4 }]);
  });
});

describe('lint warnings found while parsing', () => {
  it('flags the legacy ENV form, MAINTAINER and mismatched FROM/AS casing', () => {
    const result = parseDockerfile('FROM alpine as Build\nMAINTAINER me\nENV A 1\n');
    expect(result.ok && result.dockerfile.warnings).toEqual([
      { rule: 'StageNameCasing', message: "Stage name 'Build' should be lowercase", line: 1 },
      { rule: 'FromAsCasing', message: "'as' and 'FROM' keywords' casing do not match", line: 1 },
      { rule: 'MaintainerDeprecated', message: 'Maintainer instruction is deprecated in favor of using label', line: 2 },
      { rule: 'LegacyKeyValueFormat', message: '"ENV key=value" should be used instead of legacy "ENV key value" format', line: 3 },
    ]);
  });
});
