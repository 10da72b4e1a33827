import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.mjs';

// Corpus scripts race timers and busy-wait, so the test files run one at a
// time and at most two corpus tests at once on this two-core machine (each
// test runs its node and mini sides one after the other).
export default mergeConfig(shared, { test: { maxConcurrency: 2, fileParallelism: false } });
