// 政策兑现 / 免申即享: the policies this business qualifies for, matched by the core on the
// profile the back office holds (/me, /me/licences), each with the reasons — which condition,
// which fact, what value — and, for those it does not qualify for, why not.
'use strict';

const { reasonText } = require('./notice.js');

const STATUS = { passed: '满足', failed: '不满足', undetermined: '缺少信息', informational: '说明', error: '无法判断' };
const PERIOD = { active: '执行中', not_started: '尚未开始', ended: '已结束', unchecked: '' };

function yuan(fen) {
  if (typeof fen !== 'number') return '';
  return `¥${(fen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function policyView(p) {
  const conditions = ((p.eligibility && p.eligibility.conditions) || []).map((c) => ({
    id: c.id,
    text: c.zh,
    status: c.status,
    statusText: STATUS[c.status] || c.status,
    reason: reasonText(c.reason),
    missing: (c.missing || []).join('、'),
    basis: (c.basis || []).map((b) => (b.title && b.title.zh) || '').filter(Boolean).join('；'),
  }));
  return {
    id: p.id,
    name: p.name.zh,
    mode: p.mode,
    matched: !!p.matched,
    audienceFits: p.audienceFits !== false,
    department: p.department ? p.department.zh : '',
    benefit: p.benefit && p.benefit.description ? p.benefit.description.zh : '',
    amount: yuan(p.benefit && p.benefit.amountFen),
    period: p.period ? `${p.period.validFrom || ''} 至 ${p.period.validTo || ''}` : '',
    periodStatus: p.period ? PERIOD[p.period.status] || p.period.status : '',
    conditions,
    unmet: conditions.filter((c) => c.status === 'failed' || c.status === 'undetermined' || c.status === 'error'),
    whyNot: p.matched ? [] : whyNot(p, conditions),
  };
}

// Why a policy does not apply, in the order a business would want to know it.
function whyNot(p, conditions) {
  const out = [];
  if (p.audienceFits === false) out.push('本政策不面向当前主体类型。');
  const period = p.period || {};
  if (period.status === 'ended') out.push(`政策执行期至 ${period.validTo}，已结束。`);
  if (period.status === 'not_started') out.push(`政策自 ${period.validFrom} 起执行，尚未开始。`);
  for (const c of conditions) {
    if (c.status === 'failed') out.push(`不满足“${c.text}”：${c.reason}`);
    else if (c.status === 'undetermined' || c.status === 'error') out.push(`无法确认“${c.text}”${c.missing ? `，缺少：${c.missing}` : ''}`);
  }
  return out;
}

// result: the core's {matched, notMatched}.
function policiesView(result) {
  return {
    matched: (result.matched || []).map(policyView),
    notMatched: (result.notMatched || []).map(policyView),
  };
}

module.exports = { policiesView, policyView, yuan };
