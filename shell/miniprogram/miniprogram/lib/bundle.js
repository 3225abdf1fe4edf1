// 一件事 (bundle) on the phone: one merged form for several items. Each shared fact (same
// field id, or same shareKey) is asked once; every member item keeps its own core form session,
// and a value typed once is given to every session that asks that fact. The merged
// 一次性告知单 comes from the core's checkBundle, which also counts the fields and materials the
// merge saved.
'use strict';

// For each member item: which merged field id answers each of its fields.
//   merged: [{item, page, field, key}]  (first occurrence of each fact, in item order)
//   aliases: {itemId: {fieldId: mergedFieldId}}
function mergeFields(catalog, bundle) {
  const byShare = {};
  const seenIds = {};
  const merged = [];
  const aliases = {};
  for (const entry of bundle.items) {
    const item = catalog.item(entry.item);
    if (!item) continue;
    aliases[item.id] = {};
    for (const page of item.form.pages) {
      for (const field of page.fields) {
        let target = null;
        if (field.shareKey && byShare[field.shareKey]) target = byShare[field.shareKey];
        else if (seenIds[field.id]) target = field.id;
        if (target) {
          aliases[item.id][field.id] = target;
          continue;
        }
        aliases[item.id][field.id] = field.id;
        seenIds[field.id] = true;
        if (field.shareKey) byShare[field.shareKey] = field.id;
        merged.push({ item: item.id, page, field });
      }
    }
  }
  return { merged, aliases };
}

// The member fields a merged field id feeds: [{itemId, fieldId}].
function targetsOf(aliases, mergedId) {
  const out = [];
  for (const itemId of Object.keys(aliases)) {
    for (const fieldId of Object.keys(aliases[itemId])) {
      if (aliases[itemId][fieldId] === mergedId) out.push({ itemId, fieldId });
    }
  }
  return out;
}

// One item's answers out of the merged answers.
function itemAnswers(aliases, itemId, answers) {
  const out = {};
  const map = aliases[itemId] || {};
  for (const fieldId of Object.keys(map)) {
    const v = answers[map[fieldId]];
    if (v !== undefined && v !== null) out[fieldId] = v;
  }
  return out;
}

module.exports = { mergeFields, targetsOf, itemAnswers };
