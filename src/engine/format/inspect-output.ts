// docker/cli's inspect.Inspect: each reference looked up, printed as indented JSON, `json` or a template.

import type { Output } from '../exec/context.ts';
import { executeTemplate, parseTemplate, dockerTemplateError, type ExecuteOptions } from './go-template.ts';
import { goJson, inspectJson } from './json.ts';

/**
 * One looked-up object: `json` is what prints; `value` is what templates see — a `goStruct` for the
 * typed API struct, or, where the client falls back to the raw JSON (`missingKey: 'error'`), a map.
 */
export type InspectLookup = { ok: true; value: unknown; json: unknown; template?: ExecuteOptions } | { ok: false; message: string };

/**
 * Prints the objects `references` name and returns the exit code, as `inspect.Inspect` does: output
 * first, then every failure (lookup or template) on stderr, exit 1 if any. A template that does not
 * parse fails before any lookup, with exit 64. Without `format`, objects print as `docker inspect`'s
 * indented array; `json` prints a compact array; a template prints one line per object.
 */
export function writeInspect(out: Output, format: string | undefined, references: readonly string[], lookup: (reference: string) => InspectLookup): number {
  const errors: string[] = [];
  if (format === undefined || format === '' || format === 'json') {
    const objects: unknown[] = [];
    for (const reference of references) {
      const found = lookup(reference);
      if (found.ok) objects.push(found.json);
      else errors.push(found.message);
    }
    out.stdout(format === 'json' ? `${goJson(objects)}\n` : inspectJson(objects));
  } else {
    const parsed = parseTemplate(format);
    if (!parsed.ok) {
      out.stderr(`${dockerTemplateError(parsed.error)}\n`);
      return 64;
    }
    let text = '';
    for (const reference of references) {
      const found = lookup(reference);
      if (!found.ok) {
        errors.push(found.message);
        continue;
      }
      const result = executeTemplate(parsed.template, found.value, found.template);
      if (result.ok) text += `${result.text}\n`;
      else errors.push(dockerTemplateError(result.error));
    }
    out.stdout(text === '' ? '\n' : text);
  }
  if (errors.length === 0) return 0;
  out.stderr(`${errors.join('\n')}\n`);
  return 1;
}
