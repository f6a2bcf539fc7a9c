// fvbommel/sortorder's NaturalLess, the order `docker volume ls` and `docker network ls` sort names in.

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Digits sort before other characters; runs of digits compare as numbers, with fewer leading zeros first. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a.charCodeAt(i);
    const c2 = b.charCodeAt(j);
    const digit1 = isDigit(c1);
    const digit2 = isDigit(c2);
    if (digit1 !== digit2) return digit1;
    if (!digit1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const start1 = i;
    const start2 = j;
    while (i < a.length && isDigit(a.charCodeAt(i))) i++;
    while (j < b.length && isDigit(b.charCodeAt(j))) j++;
    if (i - start1 !== j - start2) return i - start1 < j - start2;
    const number1 = a.slice(start1, i);
    const number2 = b.slice(start2, j);
    if (number1 !== number2) return number1 < number2;
    if (start1 !== start2) return start1 < start2;
  }
  return a.length < b.length;
}

/** A comparator for `Array.prototype.sort` built on naturalLess. */
export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}
