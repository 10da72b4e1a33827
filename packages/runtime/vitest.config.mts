import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.mjs';

// The ES module loader runs on V8's module API, which the host lends only
// under this flag (the mini launcher passes it too).
export default mergeConfig(shared, { test: { execArgv: ['--experimental-vm-modules'] } });
