// Small text helpers shared by the formatters: Go's quoting and docker/cli's ellipsis truncation.

/** Go's `strconv.Quote` for the printable text Docker shows (escapes `"` and `\` and control characters). */
export function quoteGo(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') quoted += `\\${char}`;
    else if (char === '\n') quoted += '\\n';
    else if (char === '\t') quoted += '\\t';
    else if (char === '\r') quoted += '\\r';
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else quoted += char;
  }
  return `${quoted}"`;
}

/** docker/cli's `formatter.Ellipsis`: cut to `maxWidth` characters, the last one becoming `…`. */
export function ellipsis(text: string, maxWidth: number): string {
  const chars = [...text];
  if (chars.length <= maxWidth) return text;
  if (maxWidth <= 1) return chars.slice(0, maxWidth).join('');
  return `${chars.slice(0, maxWidth - 1).join('')}…`;
}
