/**
 * The CommonJS module loader: `require`, `module`, `require('module')`.
 */
export {
  createModuleSystem,
  type BuiltinRegistry,
  type CjsModule,
  type ExtensionLoader,
  type LoaderProcess,
  type ModuleConstructor,
  type ModuleSystem,
  type ModuleSystemOptions,
  type RequireFunction,
  type RequireResolve,
  type ResolveOptions,
} from './module-system.js';
export { nodeModulePaths } from './resolve.js';
export { WRAPPER_PARAMS } from './compile.js';
