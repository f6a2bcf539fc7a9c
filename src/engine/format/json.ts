// Go's encoding/json output: `docker inspect`'s indented arrays and the compact `{{json .}}` form.

/**
 * Values are encoded as Go would encode the matching types: plain objects as structs (keys in insertion
 * order, `undefined` members left out), `Map`s as Go maps (keys sorted), arrays as slices, `null` as null.
 */
export type JsonValue = unknown;

export interface GoJsonOptions {
  /** Indent unit; `''` gives the compact form. */
  indent?: string;
  /** `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`: json.Marshal does it, `{{json}}` turns it off. */
  escapeHtml?: boolean;
}

const HEX = '0123456789abcdef';

function escapeString(text: string, escapeHtml: boolean): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const char = text[index];
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (code < 0x20) {
      if (char === '\n') out += '\\n';
      else if (char === '\r') out += '\\r';
      else if (char === '\t') out += '\\t';
      else if (char === '\b') out += '\\b';
      else if (char === '\f') out += '\\f';
      else out += `\\u00${HEX[code >> 4]}${HEX[code & 15]}`;
    } else if (escapeHtml && (char === '<' || char === '>' || char === '&')) {
      out += `\\u00${HEX[code >> 4]}${HEX[code & 15]}`;
    } else if (code === 0x2028 || code === 0x2029) {
      // JavaScript line terminators: Go escapes them whatever the HTML setting.
      out += `\\u${code.toString(16)}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 to Go, which writes the replacement character instead.
      const next = text.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += char + text[index + 1];
        index++;
      } else out += '\ufffd';
    } else out += char;
  }
  return `${out}"`;
}

/** Go's float64 encoding: plain decimals between 1e-6 and 1e21, else exponent form with at least one digit. */
function encodeNumber(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  // JavaScript switches to exponent form at the same bounds Go's encoder does, and writes `1e-7` as Go does.
  return Object.is(value, -0) ? '-0' : String(value);
}

function encode(value: JsonValue, indent: string, escapeHtml: boolean, depth: number): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'string':
      return escapeString(value, escapeHtml);
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
  }
  const newline = indent === '' ? '' : `\n${indent.repeat(depth + 1)}`;
  const closing = indent === '' ? '' : `\n${indent.repeat(depth)}`;
  const colon = indent === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => encode(item, indent, escapeHtml, depth + 1) ?? 'null');
    return `[${newline}${items.join(`,${newline}`)}${closing}]`;
  }
  let entries: [string, unknown][];
  if (value instanceof Map) {
    entries = [...value.entries()].map(([key, item]): [string, unknown] => [String(key), item]);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  } else {
    const toJson = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJson === 'function') return encode(toJson.call(value), indent, escapeHtml, depth);
    entries = Object.entries(value as Record<string, unknown>);
  }
  const members: string[] = [];
  for (const [key, item] of entries) {
    const encoded = encode(item, indent, escapeHtml, depth + 1);
    if (encoded !== undefined) members.push(`${escapeString(key, escapeHtml)}${colon}${encoded}`);
  }
  if (members.length === 0) return '{}';
  return `{${newline}${members.join(`,${newline}`)}${closing}}`;
}

/** `json.Marshal` (no indent) or `json.MarshalIndent(v, "", indent)`. */
export function goJson(value: JsonValue, options: GoJsonOptions = {}): string {
  return encode(value, options.indent ?? '', options.escapeHtml ?? true, 0) ?? 'null';
}

/** What `docker inspect` prints: the objects in an indented array (4 spaces), or `[]`, and a newline. */
export function inspectJson(objects: JsonValue[]): string {
  return `${goJson(objects, { indent: '    ' })}\n`;
}

/** The `{{json .}}` template function: compact, without HTML escaping. */
export function templateJson(value: JsonValue): string {
  return goJson(value, { escapeHtml: false });
}
