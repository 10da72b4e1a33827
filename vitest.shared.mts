import { defineConfig } from 'vitest/config';

// Every package tests its TypeScript sources directly: the `mini-source`
// export condition points workspace imports at `src/` instead of `dist/`.
export default defineConfig({
  resolve: { conditions: ['mini-source'] },
  ssr: { resolve: { conditions: ['mini-source'], externalConditions: ['mini-source'] } },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['test/**/*.test.ts'],
  },
});
