// docker/cli's formatter.Context: `--format` (table, json, Go template) over rows, header from the same template.

import { executeTemplate, parseTemplate, prepareFormat, dockerTemplateError } from './go-template.ts';
import { tabwrite } from './table.ts';

export type ListOutput = { ok: true; text: string } | { ok: false; error: string };

/**
 * Renders rows as `formatter.Context.Write` does. `format` is what the command resolved (`table
 * {{.Driver}}\t{{.Name}}`, `json`, a bare template); `header` maps field names to column titles, used
 * by table formats for the header line (printed even without rows). Rows are `goStruct` contexts.
 * A template error, at parse or while running a row, is the whole answer: nothing else prints.
 */
// Commands print their default formats over and over; a parsed template is immutable, so it can be reused.
const parsedTemplates = new Map<string, ReturnType<typeof parseTemplate>>();

function parsedTemplate(source: string): ReturnType<typeof parseTemplate> {
  let parsed = parsedTemplates.get(source);
  if (parsed === undefined) {
    if (parsedTemplates.size >= 256) parsedTemplates.clear();
    parsed = parseTemplate(source);
    parsedTemplates.set(source, parsed);
  }
  return parsed;
}

export function renderList(format: string, header: Record<string, string>, rows: readonly unknown[]): ListOutput {
  const { table, source } = prepareFormat(format);
  const parsed = parsedTemplate(source);
  if (!parsed.ok) return { ok: false, error: dockerTemplateError(parsed.error) };
  let body = '';
  for (const row of rows) {
    const result = executeTemplate(parsed.template, row);
    if (!result.ok) return { ok: false, error: dockerTemplateError(result.error) };
    body += `${result.text}\n`;
  }
  if (!table) return { ok: true, text: body };
  const heading = executeTemplate(parsed.template, header, { header: true });
  const text = `${heading.ok ? heading.text : ''}\n${body}`;
  return { ok: true, text: tabwrite(text) };
}
