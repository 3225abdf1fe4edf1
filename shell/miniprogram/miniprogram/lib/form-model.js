// The form on a phone: the catalogue says what each field is (label, type, options, hint), the
// core's form session says what it is now (value, visible, required, read-only, errors). This
// module merges the two into plain data a .wxml template binds to, and turns wx input events
// into the values the core expects. No DOM: templates render `pages`, handlers call `toValue`.
'use strict';

const { clean, toHalfWidth, toNumber } = require('./text.js');

// Types whose text is a code: full-width digits/letters and spaces are never meant.
const CODE_TYPES = ['id_number', 'uscc', 'mobile', 'email', 'division', 'date', 'money'];

function optionLabels(field) {
  return (field.options || []).map((o) => ({ code: o.code, label: o.zh || o.code }));
}

function display(field, value) {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'money' && typeof value === 'number') return (value / 100).toFixed(2);
  if (field.options && !Array.isArray(value)) {
    const o = field.options.find((x) => x.code === value);
    return o ? o.zh : String(value);
  }
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'object') return '';
  return String(value);
}

// One field's view: what the template needs and nothing else.
function fieldView(field, path, state, extra) {
  const s = state || { value: null, visible: true, required: false, readonly: false, errors: [] };
  const options = optionLabels(field).map((o) => ({
    code: o.code,
    label: o.label,
    checked: Array.isArray(s.value) ? s.value.indexOf(o.code) >= 0 : s.value === o.code,
  }));
  const selectedIndex = options.findIndex((o) => o.checked);
  const view = {
    path,
    id: field.id,
    type: field.type,
    label: (field.label && field.label.zh) || field.id,
    hint: (field.hint && field.hint.zh) || '',
    required: !!s.required,
    readonly: !!s.readonly || !!field.computed,
    visible: s.visible !== false,
    value: s.value === undefined ? null : s.value,
    text: display(field, s.value),
    options,
    optionNames: options.map((o) => o.label),
    selectedIndex,
    errors: (s.errors || []).map((e) => ({ code: e.code, zh: e.zh, warning: !!e.warning || e.severity === 'warning' })),
    hasError: (s.errors || []).length > 0,
    agreementText: (field.agreementText && field.agreementText.zh) || '',
    material: field.material || '',
  };
  return Object.assign(view, extra || {});
}

// pages: [{id, title, visible, fields: [fieldView | groupView]}]
// `statesByPath`: path → state; `materialsById`: id → the session's material (with its `via`).
function buildPages(item, statesByPath, materialsById) {
  const pages = [];
  for (const page of item.form.pages) {
    const fields = [];
    for (const field of page.fields) {
      const state = statesByPath[field.id];
      if (field.type === 'group') {
        const count = state && typeof state.value === 'number' ? state.value : 0;
        const rows = [];
        for (let i = 0; i < count; i++) {
          rows.push({
            index: i,
            label: `${(field.rowLabel && field.rowLabel.zh) || '第'}${i + 1}`,
            fields: field.fields
              .map((f) => fieldView(f, `${field.id}[${i}].${f.id}`, statesByPath[`${field.id}[${i}].${f.id}`]))
              .filter((f) => f.visible),
          });
        }
        fields.push(
          fieldView(field, field.id, state, {
            isGroup: true,
            rows,
            canAdd: field.max === undefined || count < field.max,
            canRemove: count > (field.min || 0),
          }),
        );
      } else if (field.type === 'material') {
        const m = materialsById[field.material];
        const via = (m && m.via) || [];
        fields.push(
          fieldView(field, field.id, state, {
            isMaterial: true,
            materialName: m ? m.name.zh : '',
            canUpload: via.indexOf('upload') >= 0,
            canCommit: via.indexOf('commitment') >= 0,
            canDefer: via.indexOf('deferred') >= 0,
            givenVia: state && state.value && state.value.via ? state.value.via : '',
          }),
        );
      } else {
        fields.push(fieldView(field, field.id, state));
      }
    }
    const visible = fields.filter((f) => f.visible);
    pages.push({
      id: page.id,
      title: (page.title && page.title.zh) || page.id,
      visible: visible.length > 0,
      fields: visible,
      errorCount: visible.reduce((n, f) => n + f.errors.length + (f.rows || []).reduce((m, r) => m + r.fields.reduce((k, x) => k + x.errors.length, 0), 0), 0),
    });
  }
  return pages.filter((p) => p.visible);
}

// Finds the catalogue field for a path such as "familyMembers[0].memberName".
function fieldAt(item, path) {
  const m = /^([A-Za-z0-9_]+)(?:\[(\d+)\]\.([A-Za-z0-9_]+))?$/.exec(path);
  if (!m) return null;
  for (const page of item.form.pages) {
    for (const field of page.fields) {
      if (field.id !== m[1]) continue;
      if (!m[3]) return field;
      return (field.fields || []).find((f) => f.id === m[3]) || null;
    }
  }
  return null;
}

// A wx event's value → the value the core expects for that field.
//   input/textarea: detail.value (string); picker (select): detail.value (index);
//   radio-group: detail.value (code); checkbox-group: detail.value (codes); switch: boolean.
function toValue(field, detailValue) {
  switch (field.type) {
    case 'number':
      return toNumber(detailValue);
    case 'select': {
      const i = Number(detailValue);
      const o = (field.options || [])[i];
      return o ? o.code : null;
    }
    case 'radio':
      return detailValue === '' ? null : detailValue;
    case 'multiselect':
      return Array.isArray(detailValue) ? detailValue.slice() : [];
    case 'agreement':
      return Array.isArray(detailValue) ? detailValue.length > 0 : !!detailValue;
    default: {
      if (typeof detailValue !== 'string') return detailValue;
      const t = CODE_TYPES.indexOf(field.type) >= 0 ? clean(detailValue) : toHalfWidthSpaces(detailValue);
      return t === '' ? null : t;
    }
  }
}

// Free text keeps its full-width punctuation (（）、，are correct Chinese), but loses stray
// spaces at its ends, ideographic ones included.
function toHalfWidthSpaces(text) {
  return String(text).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

function statesMap(states, into) {
  const map = into || {};
  for (const s of states) map[s.path] = s;
  return map;
}

module.exports = { buildPages, fieldAt, toValue, statesMap, fieldView, toHalfWidth };
