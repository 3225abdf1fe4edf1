// Types of @haoban/core (the ES, the CommonJS and the mini-program entry).
// Shapes are those the bindings produce (wasm/bindings/*.cpp); docs/check-format.md and
// docs/catalog-format.md describe the domain fields in depth.

// ---------------------------------------------------------------------------- loading

export interface LoadOptions {
  /** The .wasm bytes; Node reads them itself, a mini-program passes them or instantiateWasm. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to find dist files, e.g. (name) => `/core/dist/${name}`. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /** Emscripten's custom instantiation hook (WXWebAssembly and similar hosts). */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => unknown;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

/** Thrown for every failure: .type is machine-readable; extra facts when the core gives them. */
export declare class HaobanError extends Error {
  readonly name: 'HaobanError';
  /** e.g. "bad_argument", "bad_handle", "unknown_item", "Syntax Error", "catalog_error", "readonly". */
  readonly type: string;
  /** Domain refusals: the same code as type, with zh-CN and en messages. */
  readonly code?: string;
  readonly zh?: string;
  readonly en?: string;
  /** Infix syntax and type errors: 1-based position in the source. */
  readonly line?: number;
  readonly column?: number;
  /** JsonLogic errors: JSON path of the offending node. */
  readonly path?: string;
  /** catalog.load: the load report of a catalogue that does not load. */
  readonly summary?: CatalogLoadSummary;
}

// ---------------------------------------------------------------------------- common

/** A bilingual text. */
export interface Text {
  zh: string;
  en: string;
}
/** Texts in the catalogue where the English is optional. */
export interface PartialText {
  zh: string;
  en?: string;
}
/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** YYYY-MM-DD, the host's "today" (the core has no clock); defaults to the local date. */
export interface TodayOption {
  today?: string;
}

/** The applicant: profile facts and e-licences (电子证照), as in data/catalog/profiles.sample.json. */
export interface Profile {
  applicant?: JsonObject;
  licences?: JsonObject;
}

// ---------------------------------------------------------------------------- validate

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

export interface ValidateOptions extends TodayOption {}

// ---------------------------------------------------------------------------- expressions

export type ExprType = 'any' | 'null' | 'boolean' | 'number' | 'string' | 'date' | 'array' | 'object';

export interface CompileOptions {
  /** Default "infix". */
  syntax?: 'infix' | 'jsonlogic';
  /** Declared variables: unknown names and type mismatches become compile errors. */
  types?: Record<string, ExprType>;
}

export interface EvalOptions extends TodayOption {
  /** Step budget for this evaluation (hostile rules fail with a clear error instead of hanging). */
  maxSteps?: number;
}

export interface ExplainOptions extends EvalOptions {
  /** An id echoed in the result (a rule or condition id). */
  id?: string;
}

/** Why a rule holds or not, with the values compared; zh/en are ready to show. */
export interface Reason {
  expr: string;
  op: string;
  value: Json;
  passed: boolean;
  operands?: { expr: string; value: Json }[];
  because?: Reason[];
  zh: string;
  en: string;
}

export interface Explanation {
  id: string;
  ok: true;
  value: Json;
  reason: Reason;
}

/** A data document parsed into the engine once (h.expr.loadData); immutable. */
export interface ExprData {
  readonly handle: number;
  /** true if this call freed it. */
  free(): boolean;
}

export interface Expr {
  readonly handle: number;
  readonly syntax: 'infix' | 'jsonlogic';
  /** Throws HaobanError (e.g. type "Invalid Arguments") when the evaluation fails. */
  evaluate(data?: Json, options?: EvalOptions): Json;
  /** Evaluates against a document loaded once with h.expr.loadData (no data crosses per call). */
  evaluateOn(document: ExprData, options?: EvalOptions): Json;
  explain(data?: Json, options?: ExplainOptions): Explanation;
  toJsonLogic(): Json;
  toInfix(): string;
  /** true if this call freed it. */
  free(): boolean;
}

// ---------------------------------------------------------------------------- catalogue

export interface CatalogLoadError {
  /** JSON path, e.g. "$.items[3].form.fields[2].visible". */
  path: string;
  code: string;
  zh: string;
  en: string;
  item?: string;
}

export interface CatalogLoadSummary {
  ok: boolean;
  catalogVersion?: string;
  items?: number;
  bundles?: number;
  policies?: number;
  /** Ids of items left out of a non-strict load because they had errors. */
  skipped: string[];
  errors: CatalogLoadError[];
}

export interface CatalogLoadOptions {
  /** Refuse the whole catalogue on any error (default: skip broken items and report them). */
  strict?: boolean;
  /** Compile each item's form on first use instead of at load. */
  lazy?: boolean;
  /**
   * Build the search index on the first search (or prepareSearch()) instead of at load: the
   * load returns sooner, the first search pays for the index.
   */
  lazyIndex?: boolean;
}

export interface ItemSummary {
  id: string;
  revision: number;
  name: Text;
  /** 事项类型: "01" 许可, "05" 给付, "07" 确认, "21" 公共服务 … */
  type: string;
  /** "自然人" and/or "法人". */
  audience: string[];
  department: Text;
  onlineDepth: number;
  /** 到办事现场次数. */
  visits: number;
  /** 即办件 / 承诺件. */
  handlingType: string;
  themes: string[];
  keywords: string[];
}

export interface BundleSummary {
  id: string;
  revision: number;
  name: Text;
  audience: string[];
  items: { item: string; optional: boolean }[];
  themes: string[];
  /** The catalogue's description of the bundle (null when it has none). */
  description: PartialText | null;
}

export interface PolicySummary {
  id: string;
  revision: number;
  name: Text;
  /** 免申即享 / 即申即享. */
  mode: string;
  audience: string[];
  department: Text;
}

export interface TimeLimit {
  value: number;
  /** 工作日 / 自然日. */
  unit: string;
}

export interface ItemDetail {
  id: string;
  revision: number;
  basicCode: string;
  implCode: string;
  name: Text;
  type: string;
  audience: string[];
  department: { name: Text; division: string };
  timeLimits: { statutory: TimeLimit; promised: TimeLimit };
  handlingType: string;
  visits: number;
  onlineDepth: number;
  scope: { range: string; modes: string[] };
  acceptanceConditions: { id: string; zh: string; en: string; informational: boolean }[];
  /** 设定依据: [{title, article?, summary?}] as in the catalogue. */
  legalBasis: Json;
  keywords: string[];
}

export interface SearchOptions {
  audience?: string;
  department?: string;
  /** 1–1000, default 20. */
  limit?: number;
}

export interface SearchHit {
  id: string;
  /** "item" | "bundle" | "policy". */
  kind: string;
  name: Text;
  /** Which field matched: "name", "keyword", … */
  field: string;
  /** "exact" | "prefix" | "substring" … */
  match: string;
  /** "hanzi" | "pinyin" | "initials" … */
  method: string;
  score: number;
}

export interface LayoutField {
  id: string;
  /** text, textarea, number, money, date, select, radio, multiselect, agreement, id_number, uscc,
   *  mobile, email, division, address, material, signature, group. */
  type: string;
  label: Text;
  hint?: Json;
  options?: { code: string; label: Text }[];
  minLength?: number;
  maxLength?: number;
  integer?: boolean;
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
  levels?: string;
  within?: string;
  /** material fields: the material id they provide. */
  material?: string;
  agreementText?: Json;
  /** Computed by the core; shown read-only. */
  computed?: boolean;
  prefill?: { from: string; editable: boolean };
  /** group only. */
  rowLabel?: Text;
  minRows?: number;
  maxRows?: number;
  rowFields?: LayoutField[];
}

export interface FormLayout {
  item: string;
  revision: number;
  pages: { id: string; title: Text; fields: LayoutField[] }[];
}

export interface PolicyResult {
  id: string;
  revision: number;
  name: Text;
  mode: string;
  matched: boolean;
  audienceFits: boolean;
  period: { status: string; validFrom: string; validTo: string };
  benefit: { description: Json; amountFen: number | null };
  department: Text;
  eligibility?: Eligibility;
}

export interface PolicyMatchOptions extends TodayOption {
  /** Reasons for every condition, not only the deciding ones (default true). */
  explainAll?: boolean;
}

export interface Catalog {
  readonly handle: number;
  /** catalogVersion of the loaded catalogue. */
  readonly version: string;
  readonly summary: CatalogLoadSummary;
  /** Load errors with JSON paths (a non-strict load skips broken items and keeps going). */
  readonly errors: CatalogLoadError[];
  readonly skipped: string[];
  readonly items: ItemSummary[];
  readonly bundles: BundleSummary[];
  readonly policies: PolicySummary[];
  readonly freed: boolean;
  /** Throws HaobanError type "unknown_item". */
  item(id: string): ItemDetail;
  layout(itemId: string): FormLayout;
  /** Chinese, pinyin and pinyin initials ("jzz" finds 居住证). */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Builds the search index now if the load left it to the first search (lazyIndex); true if this call built it. */
  prepareSearch(): boolean;
  /** 免申即享: which policies this profile qualifies for, each with reasons. */
  matchPolicies(profile: Profile, options?: PolicyMatchOptions): { matched: PolicyResult[]; notMatched: PolicyResult[] };
  /** Open sessions keep working after a free. */
  free(): boolean;
}

// ---------------------------------------------------------------------------- forms

export interface FieldError {
  page: string;
  path: string;
  /** "required", a built-in check's code, or the rule id. */
  code: string;
  zh: string;
  en: string;
  /** Present for warnings, which do not block submission. */
  severity?: 'warning';
}

export interface FieldState {
  /** "mobile", or a group cell "familyMembers[2].memberName". */
  path: string;
  /** The normalised value (null when hidden or empty). */
  value: Json;
  visible: boolean;
  required: boolean;
  enabled: boolean;
  readonly: boolean;
  /** Option fields: the option codes visible now. */
  options?: string[];
  errors: FieldError[];
}

export interface SetResult {
  ok: true;
  /** Only the states that differ from before the call. */
  changed: FieldState[];
}

export interface DraftReport {
  loaded: boolean;
  fromRevision: number;
  toRevision: number;
  kept: number;
  dropped: { path: string; reason: string; value: Json }[];
}

/** What to store to resume later: every raw answer, hidden ones included. */
export interface FormDraft {
  item: string;
  revision: number;
  catalogVersion: string;
  answers: JsonObject;
}

export interface FormMaterial {
  id: string;
  name: Text;
  /** 必要 / 非必要 / 容缺后补. */
  necessity: string;
  /** 纸质 / 电子 / 纸质+电子. */
  form: string;
  originals: number;
  copies: number;
  /** 申请人自备 / 政府部门核发. */
  source: string;
  /** How it may be provided: "licence" (免提交), "upload", "commitment" (告知承诺), "deferred" (容缺). */
  via: ('licence' | 'upload' | 'commitment' | 'deferred')[];
  deferralWorkingDays?: number;
}

export interface FormOpenOptions extends TodayOption {
  profile?: Profile;
  licences?: JsonObject;
  /** A draft from FormSession.draft(), possibly of an older revision (migrated, see draftReport). */
  draft?: FormDraft | JsonObject;
}

export interface FormSession {
  readonly handle: number;
  /** The catalogue the session was opened on (null when opened by handle number). */
  readonly catalog: Catalog | null;
  readonly item: string;
  readonly revision: number;
  readonly initialStates: FieldState[];
  /** How many fields were prefilled from the profile and e-licences. */
  readonly prefilled: number;
  readonly draftReport: DraftReport;
  /** Throws HaobanError for a refused change: type "unknown_field", "readonly", "disabled", "bad_row" … */
  set(path: string, value: Json | undefined): SetResult;
  addRow(group: string): SetResult;
  removeRow(group: string, index: number): SetResult;
  validateAll(): { complete: boolean; errors: FieldError[] };
  /** The visible, normalised answers (computed values included): what is submitted. */
  answers(): JsonObject;
  draft(): FormDraft;
  states(): FieldState[];
  materials(): FormMaterial[];
  layout(): FormLayout;
  free(): boolean;
}

// ---------------------------------------------------------------------------- checks

/** {item?, revision?, answers, materials?}: see tests/data/check/*.pass.json. */
export interface Application {
  item?: string;
  revision?: number;
  answers: JsonObject;
  materials?: JsonObject;
  [key: string]: Json | undefined;
}

export interface CheckOptions extends TodayOption {
  profile?: Profile;
}

export type Verdict = 'eligible' | 'not_eligible' | 'undetermined';

export interface ConditionOutcome {
  id: string;
  /** The item (or bundle) the condition belongs to. */
  scope: string;
  zh: string;
  en: string;
  status: 'passed' | 'failed' | 'undetermined' | 'informational' | 'error';
  basis?: Json;
  reason?: Reason;
  /** Facts that were missing, e.g. "applicant.residenceRegisteredOn". */
  missing?: string[];
  error?: Json;
}

export interface Eligibility {
  verdict: Verdict;
  conditions: ConditionOutcome[];
  missing: string[];
}

export interface NoticeFieldError extends FieldError {
  item: string;
  pageTitle?: Text;
  label?: Text;
}

export interface MaterialStatus {
  id: string;
  item: string;
  name: Text;
  necessity: string;
  source: string;
  form: string;
  originals: number;
  copies: number;
  /** attached, satisfied_by_licence, commitment_available, commitment_accepted, deferred,
   *  required_missing, optional_missing, not_applicable … */
  state: string;
  /** zh-CN label of the state. */
  label: string;
  blocking: boolean;
  shareKey?: string;
  /** State details (licence, commitment text, deadline …). */
  [detail: string]: unknown;
}

export interface Deadline {
  submittedOn: string;
  due: string;
  value: number;
  unit: string;
  sameDay: boolean;
  /** false when the holiday calendar (setCalendar) does not cover the period. */
  calendarCovered: boolean;
}

export interface Trips {
  count: number;
  reasons: JsonObject[];
}

export interface NoticeSummary {
  fieldErrors: number;
  eligibility: Verdict;
  missingMaterials: number;
  trips: number;
}

/** The 一次性告知单 of one item. */
export interface Notice {
  ok: true;
  kind: 'item';
  item: { id: string; revision: number; name: Text };
  catalogVersion: string;
  today: string;
  /** Complete, eligible, no blocking material: can be submitted. */
  ready: boolean;
  summary: NoticeSummary;
  fieldErrors: NoticeFieldError[];
  droppedAnswers: JsonObject[];
  eligibility: Eligibility;
  materials: MaterialStatus[];
  trips: Trips;
  deadline: Deadline | { error: ValidationError };
  /** SHA-256 of the canonical package: the Idempotency-Key of the submission. */
  idempotencyKey: string | null;
}

/** The 一次性告知单 of a 一件事 bundle. */
export interface BundleNotice {
  ok: true;
  kind: 'bundle';
  bundle: { id: string; revision: number; name: Text };
  catalogVersion: string;
  today: string;
  ready: boolean;
  summary: NoticeSummary;
  items: { id: string; revision: number; name: Text; ready: boolean; idempotencyKey: string | null }[];
  skippedItems: { item: string; reason: string }[];
  fieldErrors: NoticeFieldError[];
  droppedAnswers: JsonObject[];
  eligibility: Eligibility;
  materials: MaterialStatus[];
  trips: Trips;
  deadlines: (Deadline & { item: string })[];
  /** What merging the items saved (each shared fact asked once, each document once). */
  saved: { fields: number; fieldsTotal: number; materials: number; materialsTotal: number };
  idempotencyKey: string | null;
}

export interface CanonicalPackage {
  /** Canonical JSON text (sorted keys, one number form): byte-identical to the back office's. */
  canonical: string;
  /** SHA-256 hex of canonical. */
  digest: string;
}

export interface Check {
  /** Throws HaobanError type "unknown_item" / "bad_application" / "bad_options". */
  item(catalog: Catalog | number, itemId: string, application: Application, options?: CheckOptions): Notice;
  item(
    catalog: Catalog | number,
    itemId: string,
    application: Application,
    options: CheckOptions & { format: 'text' },
  ): { text: string };
  bundle(catalog: Catalog | number, bundleId: string, application: Application, options?: CheckOptions): BundleNotice;
  bundle(
    catalog: Catalog | number,
    bundleId: string,
    application: Application,
    options: CheckOptions & { format: 'text' },
  ): { text: string };
  eligibility(
    catalog: Catalog | number,
    itemId: string,
    application: Application,
    options?: CheckOptions,
  ): Eligibility & { item: string };
  package(catalog: Catalog | number, itemId: string, application: Application, options?: CheckOptions): CanonicalPackage;
}

// ---------------------------------------------------------------------------- store

export interface DraftInfo {
  id: string;
  /** UTC ISO 8601 of the last put. */
  updated: string;
  /** Size of the stored body in bytes. */
  bytes: number;
}

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  /** The package digest (check.package(...).digest): the Idempotency-Key of the POST. */
  idempotencyKey: string;
  itemId: string;
  /** What the host will POST, stored verbatim. */
  body: string;
  state: OutboxState;
  /** Sends begun so far. */
  attempts: number;
  /** ms since the epoch: when the entry is next due (backoff after a retry, lease while sending). */
  nextAttemptMs: number;
  lastError: string | null;
  receiptNumber: string | null;
  createdMs: number;
  updatedMs: number;
}

/** The host's clock, ms since the epoch; defaults to Date.now() (the store reads no clock). */
export interface NowOption {
  now?: number;
}

export type SendOutcome =
  | { status: 'sent'; receiptNumber: string; receipt?: Json }
  | { status: 'retry'; reason?: string }
  | { status: 'failed'; reason?: string };

export interface Outbox {
  /** Queues once per key: a second enqueue of the same key returns the first entry, created=false. */
  enqueue(entry: { idempotencyKey: string; itemId: string; body: Json }, options?: NowOption): { created: boolean; entry: OutboxEntry };
  /** Entries due now (queued past their backoff, or sends whose lease expired), oldest first. */
  due(options?: NowOption & { limit?: number }): OutboxEntry[];
  /** Every entry not yet sent (queued, sending, failed). */
  pending(): OutboxEntry[];
  get(idempotencyKey: string): OutboxEntry | null;
  /** queued → sending, attempts + 1; false when not due (another tab has it, or backoff pending). */
  beginSend(idempotencyKey: string, options?: NowOption): boolean;
  markSent(idempotencyKey: string, receiptNumber: string, options?: NowOption): OutboxEntry;
  /** Back to queued; next attempt after 2 s · 2^(attempts−1), capped at 10 min (see backoff). */
  markRetry(idempotencyKey: string, reason: string, options?: NowOption): OutboxEntry;
  markFailed(idempotencyKey: string, reason: string, options?: NowOption): OutboxEntry;
  remove(idempotencyKey: string): boolean;
  /** Sends every due entry once through send(); stores the receipt when one is returned. */
  drain(send: (entry: OutboxEntry) => Promise<SendOutcome> | SendOutcome, options?: NowOption & { limit?: number }): Promise<{
    sent: number;
    retry: number;
    failed: number;
  }>;
}

export interface StoredReceipt {
  receiptNumber: string;
  idempotencyKey: string;
  itemId: string;
  /** The back office's response, verbatim JSON text. */
  body: string;
  receivedMs: number;
}

export interface CachedCatalog {
  slot: string;
  version: string;
  etag: string;
  /** The catalogue JSON text ("" from head()). */
  body: string;
  storedMs: number;
}

export interface StoreOptions {
  /** The outbox's retry timing (defaults: baseMs 2000, maxMs 600000, leaseMs 60000). */
  backoff?: { baseMs?: number; maxMs?: number; leaseMs?: number };
}

export interface Store {
  readonly handle: number;
  readonly schemaVersion: number;
  readonly path: string;
  /** A string is stored as given, anything else as its JSON text. */
  putDraft(id: string, body: Json): void;
  /** The stored body, or null when there is no such draft. */
  getDraft(id: string): string | null;
  /** Most recently updated first. */
  listDrafts(): DraftInfo[];
  deleteDraft(id: string): boolean;
  readonly outbox: Outbox;
  readonly receipts: {
    put(receipt: { receiptNumber: string; idempotencyKey: string; itemId: string; body: Json; receivedMs?: number }): void;
    /** Newest first. */
    list(): StoredReceipt[];
    get(receiptNumber: string): StoredReceipt | null;
  };
  readonly cachedCatalog: {
    put(catalog: { slot?: string; version: string; etag?: string; body: Json }, options?: NowOption): void;
    get(slot?: string): CachedCatalog | null;
    /** Version and ETag without the body, for If-None-Match. */
    head(slot?: string): CachedCatalog | null;
  };
  /** Resolves once every committed write is in IndexedDB (at once for a non-persistent store). */
  flush(): Promise<void>;
  /** true if this call closed it. */
  close(): boolean;
}

// ---------------------------------------------------------------------------- the API

export interface Haoban {
  /** haoban's version, e.g. "0.1.0". */
  readonly version: string;
  /** The SQLite compiled into the module, e.g. "3.52.0". */
  readonly sqliteVersion: string;
  /** Never throws for a bad value (that is a result with valid=false); throws HaobanError for bad arguments. */
  validate(kind: ValidatorKind | string, value: string, options?: ValidateOptions): ValidationResult;
  /** The working-day calendar (data/holidays/cn-mainland.json) for checks and expressions. */
  setCalendar(holidays: JsonObject | string): void;
  canonicalJson(value: Json): CanonicalPackage;
  readonly expr: {
    /** Throws HaobanError with line/column (infix) or path (JsonLogic) on a bad expression. */
    compile(source: string | Json, options?: CompileOptions): Expr;
    /** Parses the data once; evaluate many expressions on it with Expr.evaluateOn. */
    loadData(data: Json): ExprData;
  };
  readonly catalog: {
    /**
     * The catalogue as JSON text, its UTF-8 bytes (a fetch's arrayBuffer(): no decoding in JS),
     * the bytes of a packed catalogue (`haoban catalog pack`, recognised by its header) or an
     * object. Throws HaobanError type "catalog_error" with .summary when the catalogue
     * does not load, "catalog_too_large" over 256 MiB.
     */
    load(
      textOrObject: string | Uint8Array | ArrayBuffer | JsonObject,
      options?: CatalogLoadOptions,
    ): Catalog;
  };
  readonly form: {
    open(catalog: Catalog | number, itemId: string, options?: FormOpenOptions): FormSession;
  };
  readonly check: Check;
  readonly store: {
    /** ":memory:" or a path in the module's file system (MEMFS, not persisted). */
    open(path: string, options?: StoreOptions): Store;
    /** Browser/worker: the file lives in IndexedDB (IDBFS), synced after each committed write.
     *  The same path opened again returns the same Store (until it is closed).
     *  Rejects with HaobanError "persistence_unavailable" where IndexedDB is missing (Node). */
    openPersistent(path?: string, options?: StoreOptions): Promise<Store>;
  };
  /** The underlying Emscripten module (FS, HEAP8, the raw JSON-string bindings). */
  readonly module: EmscriptenModule;
}

export interface EmscriptenModule {
  FS: any;
  HEAP8: Int8Array;
  [binding: string]: any;
}

export declare function load(options?: LoadOptions): Promise<Haoban>;
