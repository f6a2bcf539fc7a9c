// `.env` and `env_file` files as compose-go's dotenv parser reads them: KEY=VALUE lines, quotes, comments, `export`.

import { substitute, type Lookup } from './interpolate.ts';

export type DotenvResult = { ok: true; values: Record<string, string> } | { ok: false; message: string };

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function unescapeDouble(text: string): string {
  return text.replace(/\\([\\"nrt$])/g, (_, char: string) => ({ n: '\n', r: '\r', t: '\t' })[char] ?? char);
}

/**
 * Parses `content` (named `file` in messages). Unquoted and double-quoted values are interpolated
 * from earlier keys of the same file first, then from `lookup` (the environment).
 */
export function parseDotenv(content: string, file: string, lookup: Lookup): DotenvResult {
  const values: Record<string, string> = {};
  const resolve: Lookup = (name) => (name in values ? values[name] : lookup(name));
  const lines = content.replace(/\r\n/g, '\n').split('\n');
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('export ')) line = line.slice(7).trimStart();
    const eq = line.search(/[=:]/);
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!KEY.test(key)) {
      return { ok: false, message: `failed to read ${file}: line ${index + 1}: unexpected character "${key[0] ?? line[0]}" in variable name "${line}"` };
    }
    if (eq < 0) {
      // A bare KEY takes its value from the environment, and is dropped when there is none.
      const inherited = lookup(key);
      if (inherited !== undefined) values[key] = inherited;
      continue;
    }
    let raw = line.slice(eq + 1).trimStart();
    let value: string;
    if (raw.startsWith("'") || raw.startsWith('"')) {
      const quote = raw[0];
      // A quoted value may span lines until its closing quote.
      let body = raw.slice(1);
      while (!new RegExp(`(^|[^\\\\])${quote}`).test(body) && index + 1 < lines.length) body += `\n${lines[++index]}`;
      const close = quote === "'" ? body.indexOf("'") : body.search(/(?<!\\)"/);
      const inner = close < 0 ? body : body.slice(0, close);
      if (quote === "'") value = inner;
      else {
        const expanded = substitute(unescapeDouble(inner), resolve);
        value = expanded.ok ? expanded.value : inner;
      }
    } else {
      const comment = raw.search(/\s#/);
      if (comment >= 0) raw = raw.slice(0, comment);
      const expanded = substitute(raw.trim(), resolve);
      value = expanded.ok ? expanded.value : raw.trim();
    }
    values[key] = value;
  }
  return { ok: true, values };
}
