// The fixture recorder's word splitting, shared by the recorder and the tests that replay its lines.

/** Splits a command line on spaces; single quotes group words (enough for the recorded lines). */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quoted = false;
  for (const char of line) {
    if (char === "'") {
      quoted = !quoted;
      inWord = true;
    } else if (char === ' ' && !quoted) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}
