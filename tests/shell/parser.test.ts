// The parser's syntax tree: words and their parts, operators, redirects, heredocs, compound commands and problems.

import { describe, expect, it } from 'vitest';
import type { Command, List, SimpleCommand, WordPart } from '../../src/engine/shell/ast.ts';
import { Parser, ShellSyntaxError, type SyntaxProblem } from '../../src/engine/shell/parser.ts';

function parse(source: string): List {
  return new Parser(source).parseAll();
}

function firstCommand(source: string): Command {
  return parse(source).items[0].andOr.first.commands[0];
}

function simple(source: string): SimpleCommand {
  const command = firstCommand(source);
  if (command.type !== 'simple') throw new Error(`expected a simple command, got ${command.type}`);
  return command;
}

function problem(source: string): SyntaxProblem {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof ShellSyntaxError) return error.problem;
    throw error;
  }
  throw new Error(`no syntax error in ${JSON.stringify(source)}`);
}

describe('words', () => {
  it('keeps unquoted, single-quoted, double-quoted and escaped text apart', () => {
    const parts = simple(`a'b c'"d $X"\\e`).words[0].parts;
    expect(parts).toEqual<WordPart[]>([
      { type: 'literal', text: 'a' },
      { type: 'quoted', text: 'b c' },
      { type: 'double', parts: [{ type: 'quoted', text: 'd ' }, { type: 'param', name: 'X' }] },
      { type: 'quoted', text: 'e' },
    ]);
  });

  it('reads $VAR, ${VAR}, special parameters and a lone $', () => {
    const words = simple('echo $HOME ${USER} $? $$ $1 $ x$').words.slice(1);
    expect(words.map((word) => word.parts)).toEqual([
      [{ type: 'param', name: 'HOME' }],
      [{ type: 'param', name: 'USER' }],
      [{ type: 'param', name: '?' }],
      [{ type: 'param', name: '$' }],
      [{ type: 'param', name: '1' }],
      [{ type: 'literal', text: '$' }],
      [{ type: 'literal', text: 'x$' }],
    ]);
  });

  it('reads parameter operators with their word', () => {
    const part = simple('echo ${A:-the default}').words[1].parts[0];
    expect(part).toEqual({ type: 'param', name: 'A', op: ':-', arg: { parts: [{ type: 'quoted', text: 'the default' }] } });
    expect(simple('echo ${#A}').words[1].parts[0]).toEqual({ type: 'param', name: 'A', op: 'length' });
  });

  it('nests command substitutions and keeps their source', () => {
    const part = simple('docker rm -f $(docker ps -aq $(echo x))').words[3].parts[0];
    expect(part.type).toBe('command');
    if (part.type !== 'command') return;
    expect(part.source).toBe('docker ps -aq $(echo x)');
    const inner = part.body.items[0].andOr.first.commands[0] as SimpleCommand;
    expect(inner.words[3].parts[0]).toMatchObject({ type: 'command', source: 'echo x' });
  });

  it('reads backquotes as command substitution', () => {
    expect(simple('echo `date`').words[1].parts[0]).toMatchObject({ type: 'command', source: 'date' });
  });

  it('takes ~ at the start of a word and after NAME= only', () => {
    expect(simple('cd ~/app').words[1].parts[0]).toEqual({ type: 'tilde', user: '' });
    expect(simple('echo a~').words[1].parts).toEqual([{ type: 'literal', text: 'a~' }]);
    expect(simple('D=~/x').assignments[0].value.parts[0]).toEqual({ type: 'tilde', user: '' });
  });

  it('joins a backslash-newline continuation into the word', () => {
    expect(simple('echo ab\\\ncd').words[1].parts).toEqual([{ type: 'literal', text: 'abcd' }]);
  });

  it('drops comments that start a word', () => {
    expect(simple('echo a#b # c d').words.length).toBe(2);
  });
});

describe('commands', () => {
  it('separates assignments, words and redirects', () => {
    const command = simple('A=1 B=two cmd arg > out 2>&1');
    expect(command.assignments.map((assignment) => assignment.name)).toEqual(['A', 'B']);
    expect(command.words).toHaveLength(2);
    expect(command.redirects.map((redirect) => [redirect.fd, redirect.op])).toEqual([
      [undefined, '>'],
      [2, '>&'],
    ]);
  });

  it('treats NAME=value after the command name as an argument', () => {
    expect(simple('env A=1').assignments).toEqual([]);
  });

  it('builds and-or lists of pipelines', () => {
    const andOr = parse('a | b && ! c || d').items[0].andOr;
    expect(andOr.first.commands).toHaveLength(2);
    expect(andOr.rest.map((entry) => [entry.op, entry.pipeline.negated])).toEqual([
      ['&&', true],
      ['||', false],
    ]);
  });

  it('splits a line on ; and & and newlines', () => {
    const list = parse('a; b & c\nd');
    expect(list.items.map((item) => item.background)).toEqual([false, true, false, false]);
  });

  it('parses if, for, while and groups', () => {
    expect(firstCommand('if a; then b; elif c; then d; else e; fi')).toMatchObject({ type: 'if', branches: [{}, {}] });
    expect(firstCommand('for x in 1 2 3; do echo $x; done')).toMatchObject({ type: 'for', name: 'x' });
    expect(firstCommand('while true; do :; done')).toMatchObject({ type: 'while' });
    expect(firstCommand('{ a; b; } > f')).toMatchObject({ type: 'group', redirects: [{ op: '>' }] });
    expect(firstCommand('(cd /tmp)')).toMatchObject({ type: 'subshell' });
  });

  it('does not take reserved words in argument position', () => {
    expect(simple('echo if then fi').words).toHaveLength(4);
  });
});

describe('heredocs', () => {
  it('reads the body after the line and expands it unless the delimiter is quoted', () => {
    const open = simple('cat <<EOF\nhi $X\nEOF').redirects[0];
    expect(open.literal).toBe(false);
    expect(open.target.parts).toEqual([{ type: 'quoted', text: 'hi ' }, { type: 'param', name: 'X' }, { type: 'quoted', text: '\n' }]);
    const quoted = simple("cat <<'EOF'\nhi $X\nEOF").redirects[0];
    expect(quoted).toMatchObject({ literal: true, target: { parts: [{ type: 'quoted', text: 'hi $X\n' }] } });
  });

  it('strips leading tabs for <<-', () => {
    expect(simple('cat <<-END\n\t\tx\n\tEND').redirects[0].target.parts).toEqual([{ type: 'quoted', text: 'x\n' }]);
  });

  it('warns when the input ends before the delimiter', () => {
    const parser = new Parser('cat <<EOF\nline');
    parser.parseAll();
    expect(parser.warnings).toEqual([{ line: 1, delimiter: 'EOF' }]);
  });
});

describe('syntax problems', () => {
  it.each<[string, Partial<SyntaxProblem>]>([
    ["echo 'x", { kind: 'quote', matching: "'" }],
    ['echo "x', { kind: 'quote', matching: '"' }],
    ['echo $(x', { kind: 'quote', matching: ')' }],
    ['echo ${x', { kind: 'quote', matching: '}' }],
    ['echo `x', { kind: 'quote', matching: '`' }],
    ['echo a &&', { kind: 'eof' }],
    ['echo a |', { kind: 'eof' }],
    ['if true; then', { kind: 'eof' }],
    ['echo >', { kind: 'token', token: 'newline' }],
    ['; echo', { kind: 'token', token: ';' }],
    ['echo a ;; b', { kind: 'token', token: ';;' }],
    ['a && && b', { kind: 'token', token: '&&' }],
    ['echo )', { kind: 'token', token: ')' }],
    ['fi', { kind: 'token', token: 'fi' }],
  ])('%j', (source, expected) => {
    expect(problem(source)).toMatchObject(expected);
  });

  it('refuses nesting deeper than its limit instead of overflowing the stack', () => {
    expect(problem(`${'('.repeat(50_000)}echo`)).toMatchObject({ kind: 'token', token: '(' });
    expect(problem(`echo ${'$('.repeat(50_000)}`)).toMatchObject({ kind: 'token' });
  });
});
