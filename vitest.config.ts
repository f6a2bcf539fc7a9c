// Unit and transcript tests run in Node; browser tests belong to Playwright (tests/browser).

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
