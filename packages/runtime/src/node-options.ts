/**
 * node's options as the host parsed them. The launcher gives the host node
 * every option of node's that is not mini's own, and NODE_OPTIONS, so the
 * host applies the engine's and its own (heap, warnings, the inspector) and
 * rejects what node rejects; those that change what our runtime does
 * (--conditions, --preserve-symlinks) are read back here with node's own
 * getOptionValue, so both agree on what was given.
 */
import { hostInternal } from '@mini/sys';

type GetOptionValue = (name: string) => unknown;
let getOptionValue: GetOptionValue | null | undefined;

/**
 * The host's value of node's option `name`; undefined where the host cannot
 * say (our packages in a plain node, without --expose-internals: no option
 * was given to us there).
 */
export function hostOption(name: string): unknown {
  if (getOptionValue === undefined) {
    try {
      getOptionValue = hostInternal<{ getOptionValue: GetOptionValue }>('internal/options').getOptionValue;
    } catch {
      getOptionValue = null;
    }
  }
  return getOptionValue === null ? undefined : getOptionValue(name);
}

/** -C/--conditions: conditions both `require` and `import` match in package exports and imports. */
export function userConditions(): string[] {
  const value = hostOption('--conditions');
  return Array.isArray(value) ? (value as string[]) : [];
}

/**
 * node's options that change what a program does in ways mini does not do
 * yet, each with the test that says it was given. Running as if they had
 * not been would be running another program.
 */
const NOT_YET: ReadonlyArray<readonly [string, (value: unknown) => boolean]> = [
  ['--experimental-default-type', (v) => v !== '' && v !== undefined && v !== 'commonjs'],
  ['--experimental-wasm-modules', (v) => v === true],
  ['--experimental-network-imports', (v) => v === true],
  ['--experimental-policy', (v) => v !== '' && v !== undefined],
  ['--experimental-permission', (v) => v === true],
  ['--experimental-test-coverage', (v) => v === true],
  // The host's would be undici's on the host's own sockets.
  ['--experimental-websocket', (v) => v === true],
  ['--experimental-eventsource', (v) => v === true],
];

/** The first option given that mini does not support yet, or undefined. */
export function unsupportedOption(): string | undefined {
  for (const [name, given] of NOT_YET) if (given(hostOption(name))) return name;
  return undefined;
}

/** The options the program's command line gave (process.execArgv), once the runtime has read them. */
let programOptions: readonly string[] = [];

export function setProgramOptions(execArgv: readonly string[]): void {
  programOptions = execArgv;
}

/**
 * Whether the program itself gave --experimental-vm-modules, on its command
 * line or in NODE_OPTIONS: the launcher always gives it to the host for our
 * loader, but only then does the program's vm have the module classes, and
 * their warning. (Our packages run from a plain node gave it for the loader.)
 */
export function programGaveVmModules(): boolean {
  const flag = '--experimental-vm-modules';
  return programOptions.includes(flag) || (process.env['NODE_OPTIONS'] ?? '').split(/\s+/).includes(flag);
}
