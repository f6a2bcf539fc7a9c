// Checks the line editor by playing what it writes into a headless xterm and reading the screen back.
import { describe, expect, it } from 'vitest';
import headless from '@xterm/headless';
import { LineEditor, charWidth, splitKeys, type EditorKey } from './line-editor.ts';

const PROMPT = 'learner@dockyard:~$ ';

function setup(columns = 40) {
  const terminal = new headless.Terminal({ cols: columns, rows: 10, allowProposedApi: true });
  const editor = new LineEditor(() => terminal.cols);
  const write = (data: string) => new Promise<void>((resolve) => terminal.write(data, resolve));
  const screen = () => {
    const rows: string[] = [];
    const buffer = terminal.buffer.active;
    for (let i = 0; i < buffer.length; i += 1) rows.push(buffer.getLine(i)?.translateToString(true) ?? '');
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows;
  };
  const cursor = () => ({ x: terminal.buffer.active.cursorX, y: terminal.buffer.active.cursorY });
  const press = async (...keys: Array<EditorKey | string>) => {
    for (const key of keys) {
      const parsed = typeof key === 'string' ? splitKeys(key) : [key];
      for (const one of parsed) await write(editor.apply(one));
    }
  };
  return { terminal, editor, write, screen, cursor, press };
}

describe('splitKeys', () => {
  it('turns arrows, Home/End and Delete escape sequences into named keys', () => {
    expect(splitKeys('\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F\x1b[3~').map((key) => key.kind)).toEqual([
      'up',
      'down',
      'right',
      'left',
      'home',
      'end',
      'delete',
    ]);
  });

  it('keeps a paste as text and treats each line break as Enter', () => {
    expect(splitKeys('docker ps\r\ndocker images\n')).toEqual([
      { kind: 'text', text: 'docker ps' },
      { kind: 'enter' },
      { kind: 'text', text: 'docker images' },
      { kind: 'enter' },
    ]);
  });

  it('names Ctrl+C, Ctrl+D, Ctrl+L and Backspace', () => {
    expect(splitKeys('\x03\x04\x0c\x7f').map((key) => key.kind)).toEqual(['interrupt', 'end-of-input', 'clear-screen', 'backspace']);
  });
});

describe('charWidth', () => {
  it('counts Hangul as two columns and ASCII as one', () => {
    expect(charWidth('집')).toBe(2);
    expect(charWidth('a')).toBe(1);
  });
});

describe('LineEditor', () => {
  it('echoes typed text after the prompt', async () => {
    const { editor, write, screen, press } = setup();
    await write(editor.begin(PROMPT, 0));
    await press('docker ps');
    expect(screen()).toEqual([`${PROMPT}docker ps`]);
    expect(editor.line).toBe('docker ps');
  });

  it('inserts in the middle after moving left, and deletes with Backspace', async () => {
    const { editor, write, screen, cursor, press } = setup();
    await write(editor.begin(PROMPT, 0));
    await press('docker p', '\x1b[D', '\x1b[D', 'x', '\x7f', 'ps -a');
    expect(editor.line).toBe('dockerps -a p');
    expect(screen()).toEqual([`${PROMPT}dockerps -a p`]);
    expect(cursor()).toEqual({ x: PROMPT.length + 'dockerps -a'.length, y: 0 });
  });

  it('keeps a line that wraps past the width intact while editing its first row', async () => {
    const { editor, write, screen, cursor, press } = setup(30);
    await write(editor.begin(PROMPT, 0));
    await press('docker run --name web nginx');
    await press('\x1b[H', 'X');
    expect(editor.line).toBe('Xdocker run --name web nginx');
    const full = `${PROMPT}Xdocker run --name web nginx`;
    expect(screen()).toEqual([full.slice(0, 30), full.slice(30)]);
    expect(cursor()).toEqual({ x: PROMPT.length + 1, y: 0 });
  });

  it('moves the cursor onto the next row when the line exactly fills the width', async () => {
    const { editor, write, cursor, press } = setup(30);
    await write(editor.begin(PROMPT, 0));
    await press('x'.repeat(30 - PROMPT.length));
    expect(cursor()).toEqual({ x: 0, y: 1 });
    await press('\x7f');
    expect(cursor()).toEqual({ x: 29, y: 0 });
  });

  it('brings back earlier lines with Up and the unfinished draft with Down', async () => {
    const { editor, write, press } = setup();
    editor.remember('docker run hello-world');
    editor.remember('docker ps -a');
    await write(editor.begin(PROMPT, 0));
    await press('dock', '\x1b[A');
    expect(editor.line).toBe('docker ps -a');
    await press('\x1b[A');
    expect(editor.line).toBe('docker run hello-world');
    await press('\x1b[B', '\x1b[B');
    expect(editor.line).toBe('dock');
  });

  it('deletes the character under the cursor with Ctrl+D on a line with text, and nothing at its end', async () => {
    const { editor, write, screen, press } = setup();
    await write(editor.begin(PROMPT, 0));
    await press('docker pss', '\x04');
    expect(editor.line).toBe('docker pss');
    await press('\x1b[D', '\x04');
    expect(editor.line).toBe('docker ps');
    expect(screen()).toEqual([`${PROMPT}docker ps`]);
  });

  it('clears the line before the cursor with Ctrl+U', async () => {
    const { editor, write, screen, press } = setup();
    await write(editor.begin(PROMPT, 0));
    await press('docker images', '\x15');
    expect(editor.line).toBe('');
    expect(screen()).toEqual([PROMPT]);
  });

  it('draws a prompt that starts mid-row when the last output had no newline', async () => {
    const { editor, write, screen, press } = setup();
    await write('no newline');
    await write(editor.begin(PROMPT, 10));
    await press('ls', '\x1b[D', 'a');
    expect(editor.line).toBe('las');
    expect(screen()).toEqual([`no newline${PROMPT}las`]);
  });

  it('ends the line on a new row when Enter is pressed with the cursor in the middle', async () => {
    const { editor, write, cursor, press } = setup();
    await write(editor.begin(PROMPT, 0));
    await press('docker ps', '\x1b[H');
    await write(editor.finish());
    expect(cursor()).toEqual({ x: 0, y: 1 });
  });
});
