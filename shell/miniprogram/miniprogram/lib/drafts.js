// Drafts: what an applicant has typed, kept on the phone so an interrupted application resumes.
// Stored as JSON in wx storage (see storage.js for the 1 MB/10 MB limits and chunking), one key
// per identity and item or bundle, with an index for listing. A draft has its own cap so one
// runaway form cannot take the space of everything else; all drafts together have a budget.
'use strict';

const storage = require('./storage.js');
const { utf8Bytes } = require('./text.js');

const DRAFT_MAX_BYTES = 256 * 1024;
const DRAFTS_BUDGET_BYTES = 4 * 1024 * 1024;
const INDEX = 'drafts';

class DraftTooLargeError extends Error {
  constructor(bytes, limit) {
    super(`draft of ${bytes} bytes exceeds ${limit}`);
    this.name = 'DraftTooLargeError';
    this.zh = '草稿内容过多，无法保存在手机上，请精简后重试。';
  }
}

function keyOf(identityId, target) {
  return `draft:${identityId}:${target}`;
}

function index() {
  return storage.getJson(INDEX) || [];
}

// draft: {kind: "item"|"bundle", target, revision?, answers, materials?, savedOn}
function save(identityId, draft) {
  const key = keyOf(identityId, draft.target);
  const bytes = utf8Bytes(JSON.stringify(draft));
  if (bytes > DRAFT_MAX_BYTES) throw new DraftTooLargeError(bytes, DRAFT_MAX_BYTES);
  const list = index().filter((e) => e.key !== key);
  const others = list.reduce((n, e) => n + (e.bytes || 0), 0);
  if (others + bytes > DRAFTS_BUDGET_BYTES) throw new DraftTooLargeError(others + bytes, DRAFTS_BUDGET_BYTES);
  storage.putJson(key, draft);
  list.push({ key, identityId, target: draft.target, kind: draft.kind, bytes, savedOn: draft.savedOn });
  storage.putJson(INDEX, list);
  return bytes;
}

function load(identityId, target) {
  return storage.getJson(keyOf(identityId, target));
}

function remove(identityId, target) {
  const key = keyOf(identityId, target);
  storage.remove(key);
  storage.putJson(INDEX, index().filter((e) => e.key !== key));
}

function list(identityId) {
  return index().filter((e) => e.identityId === identityId);
}

module.exports = { save, load, remove, list, DraftTooLargeError, DRAFT_MAX_BYTES, DRAFTS_BUDGET_BYTES };
