// Reads and writes the plain-text transcript format described in tests/golden/README.md.

export interface TranscriptEntry {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Transcript {
  /** Header comment lines, without the leading `# `. */
  header: string[];
  entries: TranscriptEntry[];
}

const MARKER = /^--- (stdout|stderr|exit (-?\d+)|no newline)$/;

function escapeLine(line: string): string {
  return /^(\$ |> |--- |\\)/.test(line) ? `\\${line}` : line;
}

function unescapeLine(line: string): string {
  return line.startsWith('\\') ? line.slice(1) : line;
}

function writeSection(name: string, text: string): string {
  if (text === '') return '';
  const endsWithNewline = text.endsWith('\n');
  const body = endsWithNewline ? text.slice(0, -1) : text;
  const lines = body.split('\n').map(escapeLine);
  return `--- ${name}\n${lines.join('\n')}\n${endsWithNewline ? '' : '--- no newline\n'}`;
}

export function formatTranscript(transcript: Transcript): string {
  const parts: string[] = [];
  const head = transcript.header.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n');
  if (head) parts.push(`${head}\n`);
  for (const entry of transcript.entries) {
    const [first, ...rest] = entry.command.split('\n');
    let text = `$ ${first}\n${rest.map((line) => `> ${line}\n`).join('')}`;
    text += writeSection('stdout', entry.stdout);
    text += writeSection('stderr', entry.stderr);
    text += `--- exit ${entry.exitCode}\n`;
    parts.push(text);
  }
  return parts.join('\n');
}

export function parseTranscript(source: string): Transcript {
  const lines = source.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header: string[] = [];
  const entries: TranscriptEntry[] = [];
  let index = 0;
  while (index < lines.length && !lines[index].startsWith('$ ')) {
    const line = lines[index++];
    if (line.startsWith('#')) header.push(line.replace(/^# ?/, ''));
    else if (line.trim() !== '') throw new Error(`transcript line ${index}: expected a comment or a command`);
  }
  while (index < lines.length) {
    const line = lines[index];
    if (line.trim() === '') {
      index++;
      continue;
    }
    if (!line.startsWith('$ ')) throw new Error(`transcript line ${index + 1}: expected "$ command", got ${JSON.stringify(line)}`);
    const commandLines = [line.slice(2)];
    index++;
    while (index < lines.length && lines[index].startsWith('> ')) commandLines.push(lines[index++].slice(2));
    const entry: TranscriptEntry = { command: commandLines.join('\n'), stdout: '', stderr: '', exitCode: NaN };
    let current: 'stdout' | 'stderr' | null = null;
    let body: string[] = [];
    const flush = (newline: boolean) => {
      if (current) entry[current] = body.join('\n') + (newline ? '\n' : '');
      current = null;
      body = [];
    };
    for (;;) {
      if (index >= lines.length) throw new Error(`transcript: command ${JSON.stringify(entry.command)} has no "--- exit N" line`);
      const marker = MARKER.exec(lines[index]);
      index++;
      if (!marker) {
        if (!current) throw new Error(`transcript line ${index}: text outside a --- stdout/--- stderr section`);
        body.push(unescapeLine(lines[index - 1]));
        continue;
      }
      if (marker[1] === 'no newline') {
        flush(false);
      } else if (marker[2] !== undefined) {
        flush(true);
        entry.exitCode = Number(marker[2]);
        break;
      } else {
        flush(true);
        current = marker[1] as 'stdout' | 'stderr';
      }
    }
    entries.push(entry);
  }
  return { header, entries };
}

/** Reads `# key: value` settings from a transcript header. */
export function headerSetting(transcript: Transcript, key: string): string | undefined {
  for (const line of transcript.header) {
    const match = /^([\w-]+):\s*(.*)$/.exec(line);
    if (match && match[1] === key) return match[2];
  }
  return undefined;
}
