// Typed usage of @haoban/core, checked by `tsc --noEmit --strict` (tests/node/typescript.test.mjs).
// Nothing here runs: it must compile, and every @ts-expect-error must really be an error, which
// proves the declarations are precise (an `any` would make those lines unused errors).
import { load, HaobanError } from '../../../wasm/package/index.js';
import type {
  Catalog,
  FieldState,
  FormSession,
  Haoban,
  Notice,
  SearchHit,
  Store,
  ValidationResult,
} from '../../../wasm/package/index.js';

export async function usage(catalogueText: string): Promise<string> {
  const h: Haoban = await load();
  const id: ValidationResult = h.validate('resident_id', '11010519491231002X', { today: '2026-11-27' });
  const valid: boolean = id.valid;

  const catalog: Catalog = h.catalog.load(catalogueText, { strict: false });
  const hits: SearchHit[] = catalog.search('jzz', { limit: 5 });
  const quick: Catalog = h.catalog.load(catalogueText, { lazy: true, lazyIndex: true });
  const built: boolean = quick.prepareSearch();
  const about: string | undefined = quick.bundles[0]?.description?.zh;
  quick.free();
  const firstName: string = catalog.items[0].name.zh;
  const promised: number = catalog.item('gz-residence-permit').timeLimits.promised.value;
  const labels: string[] = catalog.layout('gz-residence-permit').pages.map((p) => p.title.zh);

  const form: FormSession = h.form.open(catalog, 'gz-residence-permit', { today: '2026-11-27' });
  const changed: FieldState[] = form.set('housingType', 'rented').changed;
  const visible: boolean = changed[0].visible;
  const complete: boolean = form.validateAll().complete;
  form.free();

  const notice: Notice = h.check.item(catalog, 'gz-residence-permit', { answers: {} }, { today: '2026-11-27' });
  const ready: boolean = notice.ready;
  const key: string | null = notice.idempotencyKey;
  const text: string = h.check.item(catalog, 'gz-residence-permit', { answers: {} }, { format: 'text' }).text;
  const digest: string = h.check.package(catalog, 'gz-residence-permit', { answers: {} }).digest;
  const saved: number = h.check.bundle(catalog, 'birth-one-thing', { answers: {} }).saved.fields;

  const rule = h.expr.compile('age >= 18', { syntax: 'infix', types: { age: 'number' } });
  const value = rule.evaluate({ age: 20 }, { today: '2026-11-27' });
  const why: string = rule.explain({ age: 20 }).reason.zh;

  const store: Store = h.store.open(':memory:');
  store.putDraft('d1', JSON.stringify(form.draft()));
  const body: string | null = store.getDraft('d1');
  const queued: boolean = store.outbox.enqueue({ idempotencyKey: digest, itemId: 'gz-residence-permit', body: { answers: {} } }).created;
  const counts = await store.outbox.drain(async (entry) => ({ status: 'sent', receiptNumber: entry.idempotencyKey.slice(0, 8) }));
  const sent: number = counts.sent;
  const etag: string | undefined = store.cachedCatalog.head()?.etag;
  const persistent: Store = await h.store.openPersistent('/haoban/haoban.sqlite');
  await persistent.flush();
  store.close();

  try {
    h.expr.compile('1 +');
  } catch (e) {
    if (e instanceof HaobanError) {
      const where: number | undefined = e.column;
      void where;
    }
  }

  // @ts-expect-error: validate needs a string value
  h.validate('mobile', 13800138000);
  // @ts-expect-error: set needs a path
  form.set(undefined, 1);
  // @ts-expect-error: a notice's ready is boolean, not string
  const notString: string = notice.ready;
  // @ts-expect-error: no such syntax
  h.expr.compile('1', { syntax: 'lisp' });
  // @ts-expect-error: an outbox state is one of four
  const state: 'pending' = store.outbox.pending()[0].state;

  void [valid, hits, built, about, firstName, promised, labels, visible, complete, ready, key, text, digest, saved, value, why, body, notString, queued, sent, etag, state];
  return catalog.version;
}
