// Types of @haoban/core (both the ES and the CommonJS entry).

export interface LoadOptions {
  /** The .wasm bytes; required where fetch is unavailable (mini-programs). Node reads them itself. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to find dist files, e.g. (name) => `/core/dist/${name}`. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /** Emscripten's custom instantiation hook (WXWebAssembly and similar hosts). */
  instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => unknown;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

export type ValidatorKind =
  | 'resident_id'
  | 'uscc'
  | 'mobile'
  | 'hk_macau_permit'
  | 'mainland_travel_permit'
  | 'passport';

export interface ValidationError {
  /** Stable machine-readable code, e.g. "checksum", "unknown_kind". */
  code: string;
  /** zh-CN message, for display. */
  zh: string;
  en: string;
}

export interface ValidationResult {
  valid: boolean;
  kind: string;
  normalized: string;
  error: ValidationError | null;
  /** resident_id: birthDate (YYYY-MM-DD), sex ("male" | "female"), division, divisionName when known. */
  facts: Record<string, unknown>;
}

export interface ValidateOptions {
  /** YYYY-MM-DD; defaults to the host's local date. The core itself has no clock. */
  today?: string;
}

export interface DraftStore {
  readonly schemaVersion: number;
  putDraft(id: string, body: string): void;
  /** The stored body, or null when there is no such draft. */
  getDraft(id: string): string | null;
  /** true if this call closed it. */
  close(): boolean;
}

export interface Haoban {
  /** haoban's version, e.g. "0.1.0". */
  readonly version: string;
  /** The SQLite compiled into the module, e.g. "3.52.0". */
  readonly sqliteVersion: string;
  /** Never throws for a bad value (that is a result with valid=false); throws HaobanError for bad arguments. */
  validate(kind: ValidatorKind | string, value: string, options?: ValidateOptions): ValidationResult;
  readonly store: {
    /** ":memory:" or a path in the module's file system (MEMFS; IDBFS once mounted). */
    open(path: string): DraftStore;
  };
  /** The underlying Emscripten module (FS, raw bindings). */
  readonly module: unknown;
}

/**
 * Thrown for boundary failures: {"error":{"type","message"}} from the core. Exported by the ES entry;
 * from CommonJS, recognise it by err.name === "HaobanError" and read err.type.
 */
export declare class HaobanError extends Error {
  readonly type: string;
}

export declare function load(options?: LoadOptions): Promise<Haoban>;
