// Dockerfile word processing as BuildKit's shell lexer does it: quotes, escapes and $VAR / ${VAR:-default} expansion.

/** Variables visible to an instruction (build args and ENV), by name. */
export type VariableLookup = (name: string) => string | undefined;

export interface ProcessOptions {
  escapeToken: string;
  /** Names used but not defined, for the UndefinedVar check. */
  undefinedSeen?: Set<string>;
}

function isNameStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch);
}

function isNameChar(ch: string): boolean {
  return /[A-Za-z0-9_]/.test(ch);
}

/** Expands `${...}` starting at `text[start] === '{'`; returns the value and the index after `}`. */
function expandBraced(text: string, start: number, lookup: VariableLookup, options: ProcessOptions): { value: string; end: number } {
  let i = start + 1;
  if (text[i] === '#') {
    let name = '';
    i++;
    while (i < text.length && isNameChar(text[i])) name += text[i++];
    if (text[i] === '}') return { value: String((lookup(name) ?? '').length), end: i + 1 };
  }
  let name = '';
  while (i < text.length && isNameChar(text[i])) name += text[i++];
  const value = lookup(name);
  if (value === undefined) options.undefinedSeen?.add(name);
  if (text[i] === '}') return { value: value ?? '', end: i + 1 };
  let operator = text[i];
  i++;
  let colon = false;
  if (operator === ':') {
    colon = true;
    operator = text[i];
    i++;
  }
  // The word after the operator runs to the matching brace and is itself expanded.
  let depth = 1;
  let word = '';
  while (i < text.length) {
    if (text[i] === '{') depth++;
    if (text[i] === '}') {
      depth--;
      if (depth === 0) break;
    }
    word += text[i++];
  }
  const end = i + 1;
  const expandedWord = processWord(word, lookup, options);
  const unsetOrEmpty = value === undefined || (colon && value === '');
  switch (operator) {
    case '-':
      return { value: unsetOrEmpty ? expandedWord : (value ?? ''), end };
    case '+':
      return { value: unsetOrEmpty ? '' : expandedWord, end };
    case '?':
      return { value: value ?? '', end };
    case '%':
      return { value: value !== undefined && value.endsWith(expandedWord) ? value.slice(0, value.length - expandedWord.length) : (value ?? ''), end };
    case '#':
      return { value: value !== undefined && value.startsWith(expandedWord) ? value.slice(expandedWord.length) : (value ?? ''), end };
    default:
      return { value: value ?? '', end };
  }
}

/**
 * Processes one word: removes quotes, applies escapes and expands variables (not inside single quotes).
 * Unknown variables expand to the empty string, as in BuildKit.
 */
export function processWord(text: string, lookup: VariableLookup, options: ProcessOptions): string {
  return processWords(text, lookup, options, false)[0] ?? '';
}

/** Splits `text` into shell words (unquoted whitespace separates them), processing each as `processWord` does. */
export function processWordList(text: string, lookup: VariableLookup, options: ProcessOptions): string[] {
  return processWords(text, lookup, options, true);
}

function processWords(text: string, lookup: VariableLookup, options: ProcessOptions, split: boolean): string[] {
  const escape = options.escapeToken;
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const expandAt = (): void => {
    // text[i] === '$'
    const next = text[i + 1];
    if (next === '{') {
      const { value, end } = expandBraced(text, i + 1, lookup, options);
      word += value;
      i = end;
      return;
    }
    if (next !== undefined && isNameStart(next)) {
      let name = '';
      let j = i + 1;
      while (j < text.length && isNameChar(text[j])) name += text[j++];
      const value = lookup(name);
      if (value === undefined) options.undefinedSeen?.add(name);
      word += value ?? '';
      i = j;
      return;
    }
    word += '$';
    i++;
  };
  while (i < text.length) {
    const ch = text[i];
    if (split && /\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (ch === escape) {
      if (i + 1 < text.length) word += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close === -1 ? text.length : close;
      word += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === escape && i + 1 < text.length && (text[i + 1] === '"' || text[i + 1] === '$' || text[i + 1] === escape)) {
          word += text[i + 1];
          i += 2;
        } else if (text[i] === '$') {
          expandAt();
        } else {
          word += text[i++];
        }
      }
      i++;
      continue;
    }
    if (ch === '$') {
      expandAt();
      continue;
    }
    word += ch;
    i++;
  }
  if (inWord || !split) words.push(word);
  return words;
}
