// `docker container inspect`: display detailed information on one or more containers.

import type { CommandDef } from '../../cli/command.ts';
import type { Output } from '../../exec/context.ts';
import { containerInspectDocument, rawInspectValue } from '../../daemon/container-inspect.ts';
import { reconcileContainers } from '../../daemon/containers.ts';
import { dockerTemplateError, executeTemplate, parseTemplate } from '../../format/go-template.ts';
import { goJson, inspectJson } from '../../format/json.ts';
import { findContainer } from './each-container.ts';

/**
 * One object found for `inspect`: what prints as JSON, and the typed struct templates try first (if any);
 * either may be given as a function, to be worked out only when that view is needed.
 */
export type InspectTarget = { ok: true; json: unknown; typed?: unknown } | { ok: false; message: string };

function view(value: unknown): unknown {
  return typeof value === 'function' ? (value as () => unknown)() : value;
}

/**
 * docker/cli's `inspect.Inspect`: indented JSON, `json`, or a template run on the typed struct, falling back to
 * the raw JSON (every key a map key, a missing one an error) when the struct has no such field. Output first,
 * then each failure; exit 1 if any, 64 for a template that does not parse.
 */
export function writeInspectTargets(out: Output, format: string | undefined, references: readonly string[], lookup: (reference: string) => InspectTarget): number {
  const errors: string[] = [];
  if (format === undefined || format === '' || format === 'json') {
    const objects: unknown[] = [];
    for (const reference of references) {
      const found = lookup(reference);
      if (found.ok) objects.push(view(found.json));
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
      const typed = found.typed === undefined ? undefined : executeTemplate(parsed.template, view(found.typed));
      const result = typed?.ok ? typed : executeTemplate(parsed.template, rawInspectValue(view(found.json)), { missingKey: 'error' });
      if (result.ok) text += `${result.text}\n`;
      else errors.push(dockerTemplateError(result.error));
    }
    out.stdout(text === '' ? '\n' : text);
  }
  if (errors.length === 0) return 0;
  out.stderr(`${errors.join('\n')}\n`);
  return 1;
}

export const inspectCommand: CommandDef = {
  path: ['container', 'inspect'],
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { min: 1 },
  flags: [
    { name: 'format', shorthand: 'f', kind: 'string', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'size', shorthand: 's', kind: 'bool', type: '', usage: 'Display total file sizes' },
  ],
  supportedFlags: ['format', 'size'],
  run(ctx, { flags, args }) {
    reconcileContainers(ctx.state);
    const format = typeof flags.format === 'string' ? flags.format : undefined;
    return writeInspectTargets(ctx.out, format, args, (reference) => {
      const found = findContainer(ctx, reference);
      if (!found.ok) return { ok: false, message: found.text };
      const document = containerInspectDocument(ctx.state, found.container, { size: flags.size === true });
      return { ok: true, json: document.json, typed: document.value };
    });
  },
};
