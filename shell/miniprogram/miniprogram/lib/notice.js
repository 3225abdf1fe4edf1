// The 一次性告知单 (行政许可法 §32: every problem at once) as page data, from the core's
// checkItem / checkBundle answer: field errors grouped by form page, each acceptance condition
// with its reason, every material with its state, trips and the promised completion date.
'use strict';

const CONDITION_STATUS = {
  passed: '符合',
  failed: '不符合',
  undetermined: '待确认',
  informational: '提示',
  error: '无法判断',
};

const VERDICT = {
  eligible: '符合受理条件',
  not_eligible: '不符合受理条件',
  undetermined: '尚不能确定是否符合受理条件',
};

function reasonText(reason) {
  if (!reason) return '';
  if (reason.because && reason.because.length) {
    return reason.because.map((b) => b.zh).filter(Boolean).join('；');
  }
  return reason.zh || '';
}

function conditionView(c) {
  return {
    id: c.id,
    scope: c.scope || '',
    text: c.zh,
    status: c.status,
    statusText: CONDITION_STATUS[c.status] || c.status,
    reason: reasonText(c.reason),
    missing: (c.missing || []).join('、'),
    bad: c.status === 'failed' || c.status === 'undetermined' || c.status === 'error',
  };
}

function materialView(m) {
  const commitment = m.commitment && typeof m.commitment === 'object' ? m.commitment : null;
  return {
    key: `${m.item || ''}/${m.id}`,
    id: m.id,
    item: m.item || '',
    name: m.name ? m.name.zh : m.id,
    state: m.state,
    label: m.label || m.state,
    blocking: !!m.blocking,
    necessity: m.necessity,
    licenceName: m.licenceName ? m.licenceName.zh : '',
    deadline: m.deadline || '',
    commitmentName: commitment && commitment.name ? commitment.name.zh : '',
    commitmentText: commitment && commitment.text ? commitment.text.zh : '',
    refused: m.commitmentRefused ? m.commitmentRefused.zh : '',
    problem: m.problem ? m.problem.zh : '',
  };
}

// notice: the core's JSON (item or bundle). Returns page data for notice.wxml.
function noticeView(notice) {
  if (!notice || notice.ok === false) {
    const e = (notice && notice.error) || {};
    return { ok: false, ready: false, error: e.zh || e.en || '无法检查该申请' };
  }
  const fieldErrors = notice.fieldErrors || [];
  const groups = [];
  for (const e of fieldErrors) {
    const title = e.pageTitle ? e.pageTitle.zh : e.page || '';
    let g = groups.find((x) => x.page === e.page && x.item === (e.item || ''));
    if (!g) {
      g = { page: e.page, item: e.item || '', title, errors: [] };
      groups.push(g);
    }
    g.errors.push({ path: e.path, label: e.label ? e.label.zh : e.path, zh: e.zh, warning: e.severity === 'warning' });
  }
  const materials = (notice.materials || []).filter((m) => m.state !== 'not_applicable').map(materialView);
  const eligibility = notice.eligibility || { conditions: [], verdict: 'undetermined' };
  const trips = notice.trips || { count: 0, reasons: [] };
  const deadlines = notice.deadlines || (notice.deadline ? [Object.assign({ item: notice.item && notice.item.id }, notice.deadline)] : []);
  const blockingErrors = fieldErrors.filter((e) => e.severity !== 'warning').length;
  return {
    ok: true,
    kind: notice.kind,
    ready: !!notice.ready,
    title: notice.kind === 'bundle' ? notice.bundle.name.zh : notice.item.name.zh,
    verdict: eligibility.verdict,
    verdictText: VERDICT[eligibility.verdict] || eligibility.verdict,
    conditions: (eligibility.conditions || []).map(conditionView),
    fieldErrorCount: blockingErrors,
    errorGroups: groups,
    materials,
    blockingMaterials: materials.filter((m) => m.blocking).length,
    trips: trips.count,
    tripReasons: (trips.reasons || []).map((r) => r.zh),
    deadlines: deadlines
      .filter((d) => d && d.due)
      .map((d) => ({ item: d.item || '', due: d.due, text: d.sameDay ? `${d.due}（当日办结）` : `${d.due}（${d.value}个${d.unit}）` })),
    saved: notice.saved || null,
    idempotencyKey: notice.idempotencyKey || '',
    items: (notice.items || []).map((i) => ({ id: i.id || (i.item && i.item.id), ready: !!i.ready })),
  };
}

module.exports = { noticeView, reasonText, conditionView, materialView };
