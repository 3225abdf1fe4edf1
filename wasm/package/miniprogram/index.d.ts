// Types of @haoban/core/miniprogram: the same API as the main entry, loaded through an injected
// WXWebAssembly-like object from a file in the mini-program package.
import type { Haoban } from '../index.js';
export type * from '../index.js';
export { HaobanError } from '../index.js';

/** What the loader needs of WXWebAssembly: instantiate(path in the package, imports). */
export interface WXWebAssemblyLike {
  instantiate(
    path: string,
    imports: WebAssembly.Imports,
  ): Promise<{ instance: WebAssembly.Instance; module?: WebAssembly.Module }>;
  RuntimeError?: new (message?: string) => Error;
}

export interface MiniProgramLoadOptions {
  /** Defaults to the global WXWebAssembly. */
  WXWebAssembly?: WXWebAssemblyLike;
  /** Package path of the module; default "/miniprogram_npm/@haoban/core/haoban-core.wasm.br". */
  wasmPath?: string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

export declare function load(options?: MiniProgramLoadOptions): Promise<Haoban>;
