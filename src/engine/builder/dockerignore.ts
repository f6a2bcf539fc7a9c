// .dockerignore: which context files the builder never receives (moby/patternmatcher's rules).

interface IgnorePattern {
  exclusion: boolean;
  regex: RegExp;
}

function cleanPattern(pattern: string): string {
  const parts: string[] = [];
  for (const part of pattern.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function patternToRegex(pattern: string): RegExp {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, close).replace(/^!/, '^')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) source += `\\${pattern[++i]}`;
    else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`${source}$`);
}

/** Reads .dockerignore text: comments and blank lines skipped, `!` re-includes. */
export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    line = line.trim();
    if (line === '') continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    const cleaned = cleanPattern(line);
    if (cleaned === '') continue;
    patterns.push({ exclusion, regex: patternToRegex(cleaned) });
  }
  return patterns;
}

/** Whether a context path (relative, `/`-separated) is left out: the last pattern matching it or a parent wins. */
export function isIgnored(path: string, patterns: IgnorePattern[]): boolean {
  let ignored = false;
  const parts = path.split('/');
  for (const pattern of patterns) {
    let matched = false;
    for (let depth = parts.length; depth >= 1 && !matched; depth--) {
      matched = pattern.regex.test(parts.slice(0, depth).join('/'));
    }
    if (matched) ignored = !pattern.exclusion;
  }
  return ignored;
}
