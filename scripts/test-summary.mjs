// Prints one line `N passed, N failed` summing the Vitest and Playwright JSON reports of the last `npm test`.

import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const missing = [];

function read(path) {
  if (!existsSync(path)) {
    missing.push(path);
    return undefined;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}

const playwright = read('test-results/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
}

if (missing.length > 0) console.log(`(no report at ${missing.join(', ')}: that suite did not run)`);
console.log(`${passed} passed, ${failed} failed`);
