// h.form: a form session lives inside the module; each keystroke sends one path and one value
// and gets back only the field states that changed.
import { catalogHandle } from './catalog.mjs';
import { finalizer, requireInteger, requireString, toJson, todayFrom, unwrap } from './boundary.mjs';

export function formApi(module) {
  const release = finalizer((handle) => module.formFree(handle));

  function open(catalog, itemId, options = {}) {
    const catalogId = catalogHandle(catalog);
    const opts = { today: todayFrom(options) };
    for (const key of ['profile', 'licences', 'draft']) {
      if (options && options[key] !== undefined && options[key] !== null) opts[key] = options[key];
    }
    const opened = unwrap(module.formOpen(catalogId, requireString('itemId', itemId), toJson('options', opts)));
    const handle = opened.handle;
    const session = {
      handle,
      // Holding the Catalog keeps it from being garbage-collected (and its handle freed) while
      // the session still needs it for layout().
      catalog: typeof catalog === 'object' ? catalog : null,
      item: opened.item,
      revision: opened.revision,
      /** Every field's state right after opening (prefill and draft applied). */
      initialStates: opened.states,
      prefilled: opened.prefilled,
      /** What happened to the draft passed in (kept, dropped fields, revision migration). */
      draftReport: opened.draft,
      set(path, value) {
        return unwrap(module.formSet(handle, requireString('path', path), toJson('value', value)));
      },
      addRow(group) {
        return unwrap(module.formAddRow(handle, requireString('group', group)));
      },
      removeRow(group, index) {
        return unwrap(module.formRemoveRow(handle, requireString('group', group), requireInteger('index', index)));
      },
      validateAll() {
        return unwrap(module.formValidateAll(handle));
      },
      answers() {
        return unwrap(module.formAnswers(handle));
      },
      draft() {
        return unwrap(module.formDraft(handle));
      },
      states() {
        return unwrap(module.formStates(handle));
      },
      materials() {
        return unwrap(module.formMaterials(handle));
      },
      /** Pages, fields, labels and option labels: what to draw (the same for every session of the item). */
      layout() {
        return unwrap(module.formLayout(catalogId, opened.item));
      },
      free() {
        release.unregister(session);
        return unwrap(module.formFree(handle)).freed;
      },
    };
    release.register(session, handle);
    return session;
  }

  return { open };
}
