// Variable substitution in compose files as compose-go's template package does it: $VAR, ${VAR:-default}, ${VAR?err}, $$.

export type Lookup = (name: string) => string | undefined;

export type SubstituteResult =
  | { ok: true; value: string; unset: string[] }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'required'; message: string };

const NAME_START = /[_a-zA-Z]/;
const NAME_CHAR = /[_a-zA-Z0-9]/;

/** Finds the `}` that closes the `${` whose body starts at `from`, skipping nested `${…}`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

interface Collected {
  unset: string[];
}

type Piece = { ok: true; value: string } | Exclude<SubstituteResult, { ok: true }>;

function braced(body: string, lookup: Lookup, collected: Collected): Piece {
  let end = 0;
  if (!NAME_START.test(body[0] ?? '')) return { ok: false, error: 'invalid' };
  while (end < body.length && NAME_CHAR.test(body[end])) end++;
  const name = body.slice(0, end);
  const rest = body.slice(end);
  const value = lookup(name);
  if (rest === '') {
    if (value === undefined) collected.unset.push(name);
    return { ok: true, value: value ?? '' };
  }
  const match = /^(:?)([-?+])/.exec(rest);
  if (!match) return { ok: false, error: 'invalid' };
  const emptyCounts = match[1] === ':';
  const operator = match[2];
  const argument = rest.slice(match[0].length);
  const missing = value === undefined || (emptyCounts && value === '');
  const expand = (text: string): Piece => substituteInto(text, lookup, collected);
  if (operator === '-') return missing ? expand(argument) : { ok: true, value: value! };
  if (operator === '+') return missing ? { ok: true, value: '' } : expand(argument);
  if (!missing) return { ok: true, value: value! };
  const reason = expand(argument);
  if (!reason.ok) return reason;
  const message =
    reason.value === '' ? `required variable ${name} is missing a value` : `required variable ${name} is missing a value: ${reason.value}`;
  return { ok: false, error: 'required', message };
}

function substituteInto(text: string, lookup: Lookup, collected: Collected): Piece {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '$') {
      out += char;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '{') {
      const close = closingBrace(text, i + 2);
      if (close < 0) return { ok: false, error: 'invalid' };
      const piece = braced(text.slice(i + 2, close), lookup, collected);
      if (!piece.ok) return piece;
      out += piece.value;
      i = close;
    } else if (next !== undefined && NAME_START.test(next)) {
      let end = i + 1;
      while (end < text.length && NAME_CHAR.test(text[end])) end++;
      const name = text.slice(i + 1, end);
      const value = lookup(name);
      if (value === undefined) collected.unset.push(name);
      out += value ?? '';
      i = end - 1;
    } else {
      // A lone `$` (or `$1`, `$ `) is not a template: compose refuses it rather than guess.
      return { ok: false, error: 'invalid' };
    }
  }
  return { ok: true, value: out };
}

/** Substitutes every variable in `text`; `unset` lists the names that were used without a value or default. */
export function substitute(text: string, lookup: Lookup): SubstituteResult {
  const collected: Collected = { unset: [] };
  const piece = substituteInto(text, lookup, collected);
  if (!piece.ok) return piece;
  return { ok: true, value: piece.value, unset: collected.unset };
}

/** The warning compose prints (once per use) for a variable with no value and no default. */
export function unsetVariableWarning(name: string): string {
  return `The "${name}" variable is not set. Defaulting to a blank string.`;
}

/** compose-go's messages for a substitution that failed at `path` (`services.web.image`), holding `template`. */
export function interpolationError(result: Exclude<SubstituteResult, { ok: true }>, path: string, template: string): string {
  if (result.error === 'invalid') {
    return `invalid interpolation format for ${path}.\nYou may need to escape any $ with another $.\n${template}`;
  }
  return `error while interpolating ${path}: ${result.message}`;
}
