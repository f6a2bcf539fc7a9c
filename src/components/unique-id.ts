// Ids for elements that components render more than once on a page (labels, descriptions).
let counter = 0;

export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
