#!/usr/bin/env node
// Writes a deterministic synthetic catalogue for scale tests and benchmarks: by default
// 11,449 items (the size of 花城事好办's list) in the format of docs/catalog-format.md.
// The eight real items, the bundles, policies, profile fields, e-licence types and commitment
// templates of data/catalog/guangzhou.json are included as they are; the rest are generated
// from department / action / object vocabularies, with conditions, materials (1–6), 情形 and
// forms whose sizes follow a guide-heavy distribution (see fieldTarget: 90% of items have at
// most 10 fields besides the declaration, ~3% have 20–80; half of those a repeating group).
//
//   node scripts/gen-synthetic-catalog.mjs OUT.json [--items N] [--seed S] [--pretty] [--check]
//   node scripts/gen-synthetic-catalog.mjs OUT.json --bench-only [--pretty] [--check]
//
// Every catalogue also holds "bench-form-80", the benchmark form of DESIGN.md's budgets: exactly
// 80 top-level fields with chained visibility, required and computed expressions, cross-field
// rules, and a repeating group of up to 50 rows. --bench-only writes a catalogue with just it.
//
// Same arguments → byte-identical output (a seeded PRNG, no clock). Not committed (see the size
// printed at the end). --check validates the result with scripts/check-catalog.mjs (schema + references).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { out: null, items: 11449, seed: 20261127, pretty: false, check: false, benchOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--items') opts.items = Number(argv[++i]);
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--pretty') opts.pretty = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--bench-only') opts.benchOnly = true;
    else if (!a.startsWith('--') && !opts.out) opts.out = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.out || !Number.isInteger(opts.items) || opts.items < 1 || opts.items > 200000) {
    throw new Error('usage: node scripts/gen-synthetic-catalog.mjs OUT.json [--items N] [--seed S] [--pretty] [--check] [--bench-only]');
  }
  return opts;
}

// splitmix32: small, fast, and the same on every platform.
function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    sample: (arr, k) => {
      const copy = arr.slice();
      const out = [];
      while (out.length < k && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}

const T = (zh, en) => ({ zh, en });

// --- vocabularies --------------------------------------------------------------------------
const DISTRICTS = [
  ['440100', '广州市', 'Guangzhou'], ['440103', '荔湾区', 'Liwan'], ['440104', '越秀区', 'Yuexiu'],
  ['440105', '海珠区', 'Haizhu'], ['440106', '天河区', 'Tianhe'], ['440111', '白云区', 'Baiyun'],
  ['440112', '黄埔区', 'Huangpu'], ['440113', '番禺区', 'Panyu'], ['440114', '花都区', 'Huadu'],
  ['440115', '南沙区', 'Nansha'], ['440117', '从化区', 'Conghua'], ['440118', '增城区', 'Zengcheng'],
];
// [department zh, en, usual audience, sensitive domain or null, objects [zh, en, type]]
const DEPARTMENTS = [
  ['市场监督管理局', 'Market Regulation Bureau', '法人', '食品安全', [
    ['营业执照', 'business licence', '01'], ['食品经营许可证', 'food business licence', '01'],
    ['药品经营许可证', 'drug retail licence', '01'], ['第二类医疗器械经营备案', 'class II medical device filing', '20'],
    ['特种设备使用登记', 'special equipment registration', '01'], ['计量器具型式批准', 'measuring instrument approval', '01'],
    ['广告发布登记', 'advertising registration', '01'], ['小作坊登记证', 'small food workshop certificate', '01']]],
  ['人力资源和社会保障局', 'Human Resources and Social Security Bureau', '自然人', null, [
    ['就业登记', 'employment registration', '21'], ['失业登记', 'unemployment registration', '21'],
    ['职业技能等级证书', 'vocational skill certificate', '07'], ['一次性创业资助', 'start-up grant', '05'],
    ['人力资源服务许可', 'HR services licence', '01'], ['劳务派遣经营许可', 'labour dispatch licence', '01'],
    ['社会保障卡', 'social security card', '21'], ['技能提升补贴', 'skills upgrade subsidy', '05']]],
  ['民政局', 'Civil Affairs Bureau', '自然人', null, [
    ['高龄老人津贴', 'old-age allowance', '05'], ['最低生活保障', 'minimum living allowance', '05'],
    ['临时救助', 'temporary assistance', '05'], ['残疾人两项补贴', 'disability subsidies', '05'],
    ['社会团体登记', 'social organisation registration', '01'], ['养老机构备案', 'elderly care facility filing', '20'],
    ['殡葬补贴', 'funeral subsidy', '05']]],
  ['住房和城乡建设局', 'Housing and Urban-Rural Development Bureau', '法人', '生命财产安全', [
    ['建筑工程施工许可证', 'construction permit', '01'], ['建筑业企业资质', 'construction enterprise qualification', '01'],
    ['商品房预售许可', 'pre-sale permit for housing', '01'], ['公共租赁住房资格', 'public rental housing eligibility', '07'],
    ['燃气经营许可证', 'gas supply licence', '01'], ['房屋租赁登记备案', 'lease registration', '20']]],
  ['卫生健康委员会', 'Health Commission', '法人', '人身健康', [
    ['医疗机构执业许可证', 'medical institution licence', '01'], ['医师执业注册', 'physician registration', '01'],
    ['护士执业注册', 'nurse registration', '01'], ['公共场所卫生许可证', 'public venue hygiene licence', '01'],
    ['放射诊疗许可', 'radiology licence', '01'], ['母婴保健技术服务执业许可', 'maternal care service licence', '01']]],
  ['教育局', 'Education Bureau', '法人', null, [
    ['民办学校办学许可证', 'private school licence', '01'], ['教师资格认定', 'teacher qualification', '07'],
    ['校外培训机构审批', 'tutoring institution approval', '01'], ['义务教育学位申请', 'compulsory-education school place', '21'],
    ['学生资助', 'student financial aid', '05']]],
  ['交通运输局', 'Transport Bureau', '法人', '公共安全', [
    ['道路运输经营许可证', 'road transport licence', '01'], ['网络预约出租汽车运输证', 'ride-hailing vehicle permit', '01'],
    ['道路运输从业资格证', 'transport qualification', '01'], ['占用挖掘公路许可', 'highway occupation permit', '01'],
    ['机动车维修经营备案', 'vehicle repair filing', '20']]],
  ['生态环境局', 'Ecology and Environment Bureau', '法人', '生态环境保护', [
    ['排污许可证', 'pollutant discharge permit', '01'], ['建设项目环境影响评价审批', 'environmental impact approval', '01'],
    ['危险废物经营许可证', 'hazardous waste licence', '01'], ['辐射安全许可证', 'radiation safety licence', '01']]],
  ['文化广电旅游局', 'Culture, Radio, TV and Tourism Bureau', '法人', null, [
    ['娱乐场所经营许可证', 'entertainment venue licence', '01'], ['旅行社业务经营许可证', 'travel agency licence', '01'],
    ['营业性演出许可证', 'commercial performance licence', '01'], ['出版物经营许可证', 'publication retail licence', '01'],
    ['网络文化经营许可证', 'online culture licence', '01']]],
  ['规划和自然资源局', 'Planning and Natural Resources Bureau', '法人', null, [
    ['建设工程规划许可证', 'construction planning permit', '01'], ['建设用地规划许可证', 'land-use planning permit', '01'],
    ['不动产登记', 'real estate registration', '07'], ['不动产权证书', 'real estate title certificate', '07'],
    ['临时用地审批', 'temporary land-use approval', '01']]],
  ['水务局', 'Water Authority', '法人', '生态环境保护', [
    ['取水许可', 'water abstraction permit', '01'], ['城镇污水排入排水管网许可证', 'sewer discharge permit', '01'],
    ['河道管理范围内建设项目审批', 'riverside construction approval', '01']]],
  ['农业农村局', 'Agriculture and Rural Affairs Bureau', '法人', '人身健康', [
    ['农药经营许可证', 'pesticide retail licence', '01'], ['兽药经营许可证', 'veterinary drug licence', '01'],
    ['动物防疫条件合格证', 'animal epidemic prevention certificate', '01'], ['种子生产经营许可证', 'seed licence', '01'],
    ['渔业捕捞许可证', 'fishing licence', '01']]],
  ['公安局', 'Public Security Bureau', '自然人', '公共安全', [
    ['居民身份证', 'resident ID card', '21'], ['户口迁移', 'household registration transfer', '01'],
    ['养犬登记证', 'dog registration', '07'], ['机动车登记', 'vehicle registration', '07'],
    ['往来港澳通行证', 'Hong Kong and Macao travel permit', '01'], ['无犯罪记录证明', 'criminal record certificate', '21']]],
  ['医疗保障局', 'Healthcare Security Administration', '自然人', null, [
    ['城乡居民医保参保', 'resident medical insurance enrolment', '21'], ['门诊特定病种待遇', 'chronic disease outpatient benefit', '07'],
    ['异地就医备案', 'out-of-town medical care filing', '21'], ['生育津贴', 'maternity allowance', '05'],
    ['医疗费用报销', 'medical expense reimbursement', '05']]],
  ['退役军人事务局', 'Veterans Affairs Bureau', '自然人', null, [
    ['优待证', 'veteran preferential card', '21'], ['伤残抚恤', 'disability pension', '05'],
    ['自主就业退役士兵一次性经济补助', 'one-off grant for veterans', '05']]],
];
// Actions that fit each item type: [zh, en]
const A = {
  issue: ['核发', 'issuance of'], apply: ['申领', 'application for'], change: ['变更', 'change of'],
  renew: ['延续', 'renewal of'], cancel: ['注销', 'cancellation of'], replace: ['补办', 'replacement of'],
  exchange: ['换领', 'exchange of'], file: ['备案', 'filing of'], approve: ['审批', 'approval of'],
  recognise: ['认定', 'recognition of'], pay: ['发放', 'payment of'], handle: ['办理', 'processing of'],
};
const ACTIONS_BY_TYPE = {
  '01': [A.issue, A.issue, A.change, A.renew, A.cancel, A.replace, A.approve],
  '05': [A.apply, A.apply, A.pay, A.change, A.handle],
  '07': [A.recognise, A.handle, A.change, A.replace, A.cancel],
  '20': [A.file, A.file, A.change, A.cancel],
  '21': [A.apply, A.handle, A.change, A.replace, A.exchange, A.cancel],
};
const QUALIFIERS = {
  自然人: [['（个人）', ' (individuals)'], ['（首次）', ' (first time)'], ['（港澳居民）', ' (Hong Kong and Macao residents)']],
  法人: [['（企业）', ' (enterprises)'], ['（首次）', ' (first time)'], ['（个体工商户）', ' (individual businesses)']],
};
const THEMES = ['开办企业', '社会保障', '医疗卫生', '教育', '交通出行', '住房保障', '户籍居住', '文化旅游',
  '生态环境', '农业农村', '婚姻生育', '养老服务', '就业创业', '税费优惠', '公共安全'];

// Field templates: [id stem, type, zh, en, extra]
const PERSON_FIELDS = [
  ['name', 'text', '姓名', 'Name', { maxLength: 50, prefill: { from: 'applicant.name', editable: false } }],
  ['idNumber', 'id_number', '公民身份号码', 'ID number', { prefill: { from: 'applicant.idNumber', editable: false } }],
  ['mobile', 'mobile', '手机号码', 'Mobile', { prefill: { from: 'applicant.mobile' } }],
  ['email', 'email', '电子邮箱', 'Email', { prefill: { from: 'applicant.email' } }],
  ['hukouDivision', 'division', '户籍地', 'Household registration', { levels: 'district', prefill: { from: 'applicant.hukouDivision' } }],
];
const ORG_FIELDS = [
  ['orgName', 'text', '单位名称', 'Organisation name', { maxLength: 100, prefill: { from: 'licences.business_licence.name', editable: false } }],
  ['uscc', 'uscc', '统一社会信用代码', 'Unified social credit code', { prefill: { from: 'licences.business_licence.uscc', editable: false } }],
  ['legalRep', 'text', '法定代表人', 'Legal representative', { maxLength: 50, prefill: { from: 'licences.business_licence.legalRepName' } }],
  ['contactMobile', 'mobile', '联系电话', 'Contact mobile', { prefill: { from: 'applicant.mobile' } }],
  ['regAddress', 'text', '住所', 'Registered address', { maxLength: 150, prefill: { from: 'licences.business_licence.address' } }],
];
const GENERIC_FIELDS = [
  ['address', 'address', '详细地址', 'Address', { within: '440100' }],
  ['district', 'division', '所在区', 'District', { levels: 'district', within: '440100' }],
  ['startDate', 'date', '开始日期', 'Start date', {}],
  ['endDate', 'date', '结束日期', 'End date', {}],
  ['area', 'number', '面积（平方米）', 'Area (m²)', { min: 0, max: 1000000 }],
  ['headcount', 'number', '人数', 'Head count', { integer: true, min: 0, max: 100000 }],
  ['amount', 'money', '金额（元）', 'Amount (yuan)', { min: 0, max: 10000000000 }],
  ['reason', 'textarea', '申请事由', 'Reason', { maxLength: 500 }],
  ['remark', 'text', '备注', 'Remarks', { maxLength: 200 }],
  ['category', 'select', '类别', 'Category', { options: 'abc' }],
  ['channel', 'radio', '领取方式', 'Delivery', { options: 'delivery' }],
  ['scopes', 'multiselect', '申请范围', 'Scope', { options: 'scope' }],
  ['licenceNo', 'text', '证书编号', 'Certificate number', { maxLength: 40, normalize: ['fullwidth', 'trim', 'upper'], pattern: '[0-9A-Z-]{4,40}' }],
  ['bankAccount', 'text', '银行账号', 'Bank account', { pattern: '[0-9]{12,19}', normalize: ['fullwidth', 'trim'] }],
];
const OPTION_SETS = {
  abc: [{ code: 'a', zh: '甲类', en: 'Class A' }, { code: 'b', zh: '乙类', en: 'Class B' }, { code: 'c', zh: '丙类', en: 'Class C' }],
  delivery: [{ code: 'post', zh: '邮寄', en: 'By post' }, { code: 'counter', zh: '窗口领取', en: 'At the counter' },
    { code: 'electronic', zh: '电子证照', en: 'Electronic' }],
  scope: [{ code: 's1', zh: '本市', en: 'City' }, { code: 's2', zh: '本省', en: 'Province' }, { code: 's3', zh: '全国', en: 'Country' },
    { code: 's4', zh: '境外', en: 'Abroad' }],
};
const YES_NO = [{ code: 'yes', zh: '是', en: 'Yes' }, { code: 'no', zh: '否', en: 'No' }];
const SCENARIOS = [
  ['agent', '是否委托代理人办理', 'Applying through an agent?', '委托书及代理人身份证明', 'Power of attorney and agent ID'],
  ['changeAddress', '是否涉及地址变更', 'Does the address change?', '新地址使用证明', 'Proof of the new address'],
  ['foreign', '是否涉及境外人员', 'Are foreign nationals involved?', '境外人员身份证明及翻译件', 'Foreign ID and translation'],
  ['lost', '原证件是否遗失', 'Was the original lost?', '遗失声明', 'Loss statement'],
  ['special', '是否属于特殊困难群体', 'In a hardship group?', '困难情况证明', 'Proof of hardship'],
];
const MATERIAL_POOL = [
  ['申请表', 'Application form', 2, '申请人自备', null],
  ['居民身份证', 'Resident ID card', 1, '政府部门核发', 'resident_id_card'],
  ['营业执照', 'Business licence', 1, '政府部门核发', 'business_licence'],
  ['场所使用证明', 'Proof of premises', 1, '申请人自备', 'property_certificate'],
  ['户口簿', 'Household register', 1, '政府部门核发', 'household_register'],
  ['结婚证', 'Marriage certificate', 1, '政府部门核发', 'marriage_certificate'],
  ['法定代表人身份证明', "Legal representative's ID", 1, '申请人自备', null],
  ['相关资格证书', 'Qualification certificate', 1, '申请人自备', null],
  ['平面布局图', 'Floor plan', 3, '申请人自备', null],
  ['管理制度文本', 'Management rules', 3, '申请人自备', null],
  ['检测报告', 'Test report', 1, '其他', null],
  ['承诺书', 'Commitment letter', 2, '申请人自备', null],
];

// How many fields an item's form has besides the declaration. Most entries of a city's list
// (花城事好办 publishes ~11,000) are service guides: conditions, materials, time limits, and an
// online form of a few fields (applicant, contact, a 情形 or two); a few hundred high-volume
// items have long forms. Expected: 45% 0–2, 45% 3–10, 7% 11–19, 3% (~340 items) 20–80.
function fieldTarget(r) {
  const x = r.next();
  if (x < 0.45) return r.int(0, 2);
  if (x < 0.9) return r.int(3, 10);
  if (x < 0.97) return r.int(11, 19);
  return r.int(20, 80);
}

function makeItem(r, n, catalog) {
  const [deptZh, deptEn, audience, domain, objects] = r.pick(DEPARTMENTS);
  const [objZh, objEn, objType] = r.pick(objects);
  const action = r.pick(ACTIONS_BY_TYPE[objType]);
  const qualifier = r.chance(0.2) ? r.pick(QUALIFIERS[audience]) : ['', ''];
  const [division, districtZh, districtEn] = r.pick(DISTRICTS);
  const deptName = division === '440100' ? `广州市${deptZh}` : `广州市${districtZh}${deptZh}`;
  const deptNameEn = division === '440100' ? `Guangzhou ${deptEn}` : `${districtEn} District ${deptEn}`;
  const nameZh = `${objZh}${action[0]}${qualifier[0]}`;
  const nameEn = `${action[1][0].toUpperCase()}${action[1].slice(1)} ${objEn}${qualifier[1]}`;
  const isOrg = audience === '法人';
  const basicCode = String(100000000000 + (n * 7919) % 900000000000).slice(0, 12);
  const implCode = `1144${division}SYN${String(n).padStart(6, '0')}${basicCode}`.slice(0, 36);

  // --- form ---
  const target = fieldTarget(r);
  const fields = [];
  const used = new Set();
  const add = (stem, type, zh, en, extra) => {
    let id = stem;
    for (let k = 2; used.has(id); k++) id = `${stem}${k}`;
    used.add(id);
    const f = { id, type, label: T(zh, en) };
    for (const [k, v] of Object.entries(extra || {})) {
      if (k === 'options') f.options = OPTION_SETS[v];
      else f[k] = v;
    }
    fields.push(f);
    return f;
  };
  const base = isOrg ? ORG_FIELDS : PERSON_FIELDS;
  const baseCount = target <= 2 ? target : Math.min(base.length, Math.max(2, target - 3));
  for (const [stem, type, zh, en, extra] of base.slice(0, baseCount)) {
    const f = add(stem, type, zh, en, extra);
    f.required = true;
    if (type === 'id_number') f.rules = [{ id: 'valid', assert: `id_valid(${f.id})`, message: T('公民身份号码无效。', 'The ID number is not valid.') }];
    if (type === 'uscc') f.rules = [{ id: 'valid', assert: `uscc_valid(${f.id})`, message: T('统一社会信用代码无效。', 'The code is not valid.') }];
  }
  const scenarios = r.sample(SCENARIOS, r.int(0, Math.min(3, Math.max(0, target - fields.length - 2))));
  for (const [stem, zh, en] of scenarios) {
    const f = add(stem, 'radio', zh, en, {});
    f.options = YES_NO;
    f.required = true;
    f.default = 'no';
  }
  const hasGroup = target >= 8 && r.chance(target >= 20 ? 0.5 : 0.1);
  while (fields.length < target - (hasGroup ? 4 : 1)) {
    const [stem, type, zh, en, extra] = r.pick(GENERIC_FIELDS);
    const f = add(stem, type, zh, en, extra);
    if (r.chance(0.6)) f.required = true;
    if (scenarios.length && r.chance(0.3)) {
      const s = r.pick(scenarios)[0];
      f.visible = `${s} == "yes"`;
      if (f.required) f.required = `${s} == "yes"`;
    }
    if (type === 'date' && r.chance(0.5)) f.max = 'today()';
  }
  if (used.has('startDate') && used.has('endDate')) {
    fields.find((f) => f.id === 'endDate').rules = [{ id: 'afterStart', assert: 'endDate >= startDate',
      message: T('结束日期不能早于开始日期。', 'The end date cannot be before the start date.') }];
  }
  if (!isOrg && used.has('idNumber')) {
    fields.push({ id: 'age', type: 'number', label: T('年龄', 'Age'), integer: true, computed: 'age(id_birth_date(idNumber))' });
    used.add('age');
  }
  let group = null;
  if (hasGroup) {
    const gid = isOrg ? 'members' : 'familyMembers';
    group = {
      id: gid, type: 'group', label: isOrg ? T('股东（成员）', 'Shareholders (members)') : T('家庭成员', 'Family members'),
      min: r.int(0, 1), max: r.pick([5, 10, 20, 50]),
      fields: [
        { id: 'memberName', type: 'text', label: T('姓名', 'Name'), required: true, maxLength: 50 },
        { id: 'memberIdNumber', type: 'id_number', label: T('公民身份号码', 'ID number'), required: true },
        { id: 'memberShare', type: 'number', label: isOrg ? T('出资比例（%）', 'Share (%)') : T('月收入（元）', 'Monthly income (yuan)'), min: 0, max: isOrg ? 100 : 1000000 },
      ],
      rowRules: [{ id: 'memberIdValid', assert: 'id_valid(row.memberIdNumber)', message: T('成员的公民身份号码无效。', "The member's ID number is not valid."), fields: ['memberIdNumber'] }],
    };
    used.add(gid);
    for (const g of group.fields) used.add(g.id);
  }
  fields.push({ id: 'declaration', type: 'agreement', label: T('我承诺所填信息真实有效', 'I declare the information is true'), required: true,
    agreementText: T('本人承诺所填信息及所交材料真实有效。', 'I declare the information and documents are true.') });
  used.add('declaration');

  // pages of at most 8 fields
  const pages = [];
  for (let i = 0; i < fields.length; i += 8) {
    pages.push({ id: `page${pages.length + 1}`, title: T(`第${pages.length + 1}步`, `Step ${pages.length + 1}`), fields: fields.slice(i, i + 8) });
  }
  if (group) pages.push({ id: `page${pages.length + 1}`, title: group.label, fields: [group] });
  // a cross-field rule on items that have both dates
  const rules = [];
  if (used.has('startDate') && used.has('endDate') && r.chance(0.5)) {
    rules.push({ id: 'periodWithinYear', assert: 'date_diff(startDate, endDate, "day") <= 366',
      message: T('起止期间不能超过一年。', 'The period cannot exceed one year.'), fields: ['endDate'] });
  }

  // --- materials ---
  const materials = [];
  const mats = r.sample(MATERIAL_POOL.filter((m) => isOrg || m[4] !== 'business_licence'), r.int(1, 6));
  mats.forEach(([zh, en, kind, source, licence], i) => {
    const m = { id: `m${i + 1}`, name: T(`${zh}`, en), kind, form: r.pick(['纸质', '电子', '纸质+电子']),
      originals: r.int(0, 1), copies: r.int(0, 2), necessity: r.chance(0.85) ? '必要' : '非必要', source };
    if (licence && catalog.licences.has(licence)) m.replaceBy = { licence };
    if (!licence && source === '申请人自备' && r.chance(0.1) && !domain && isOrg) m.replaceBy = { commitment: 'premises_commitment' };
    if (m.necessity === '必要' && kind === 3 && r.chance(0.3)) {
      m.necessity = '容缺后补';
      m.deferralWorkingDays = r.pick([5, 10, 15]);
    }
    materials.push(m);
  });
  scenarios.forEach(([stem, , , zh, en], i) => {
    materials.push({ id: `s${i + 1}`, name: T(zh, en), kind: 1, form: '纸质+电子', originals: 1, copies: 1, necessity: '必要',
      source: '申请人自备', when: `${stem} == "yes"` });
  });

  // --- conditions ---
  const conditions = [];
  if (!isOrg && used.has('idNumber')) {
    conditions.push({ id: 'adult', zh: '申请人年满18周岁', en: 'The applicant is at least 18', when: 'age(id_birth_date(idNumber)) >= 18' });
  }
  if (isOrg) {
    conditions.push({ id: 'registered', zh: '已依法登记取得营业执照', en: 'Holds a business licence', when: 'licences.business_licence != null' });
    conditions.push({ id: 'credit', zh: '未被列入严重失信主体名单', en: 'Not on the serious-discredit list', when: 'applicant.creditStatus != "serious"' });
  } else if (r.chance(0.4)) {
    conditions.push({ id: 'localResident', zh: '具有本市户籍或持有广东省居住证', en: 'Registered here or holds a residence permit',
      when: 'division_contains("440100", applicant.hukouDivision) || licences.gd_residence_permit != null' });
  }
  conditions.push({ id: 'statutory', zh: `符合${objZh}相关法律法规规定的条件`, en: `Meets the statutory conditions for the ${objEn}`, informational: true });

  const statutory = r.pick([0, 5, 10, 15, 20, 30, 60]);
  const promised = Math.max(0, Math.min(statutory, r.pick([0, 1, 3, 5, 7, 10])));
  const handlingType = promised === 0 ? '即办件' : '承诺件';
  const item = {
    id: `syn-${String(n).padStart(5, '0')}`,
    revision: r.int(1, 9),
    basicCode,
    implCode,
    name: T(nameZh, nameEn),
    type: objType,
    level: division === '440100' ? '3' : '4',
    audience: [audience],
    department: { name: T(deptName, deptNameEn), division },
    legalBasis: [{ title: { zh: `《${objZh.replace(/证$/, '')}管理办法》（合成数据）` } }],
    acceptanceConditions: conditions,
    timeLimits: { statutory: { value: statutory, unit: '工作日' }, promised: { value: promised, unit: '工作日' } },
    handlingType,
    visits: r.chance(0.75) ? 0 : 1,
    onlineDepth: r.chance(0.7) ? 4 : r.int(2, 3),
    scope: { range: r.pick(['全市', '全市', '全省', '跨省', '无']) },
    fees: r.chance(0.1) ? [{ id: 'fee', name: T('工本费', 'Production fee'), amountFen: r.pick([500, 1000, 2000, 5000]),
      basis: { title: { zh: '收费标准文件（合成数据）' } }, waivable: r.chance(0.5) }] : [],
    keywords: [objZh, `${objZh}${action[0]}`, deptZh].filter((v, i, a) => a.indexOf(v) === i),
    themes: r.sample(THEMES, r.int(1, 2)),
    form: { pages, ...(rules.length ? { rules } : {}) },
    materials,
    sources: [],
    notes: [{ status: 'info', zh: '合成数据，仅用于规模测试。', en: 'Synthetic data for scale tests.' }],
  };
  if (domain && r.chance(0.5)) item.domains = [domain];
  if (item.domains && materials.some((m) => m.replaceBy?.commitment)) delete item.domains;
  return item;
}

// The benchmark item: exactly 80 top-level fields and a group of up to 50 rows, with dependency
// chains deep enough that an incremental update has real work to do: 10 scenario switches gate
// 40 fields; 10 numbers feed a chain of 10 computed sums; identity fields feed computed facts.
function makeBenchItem() {
  const f = (id, type, zh, en, extra = {}) => ({ id, type, label: T(zh, en), ...extra });
  const fields = [
    f('applicantName', 'text', '姓名', 'Name', { required: true, maxLength: 50, prefill: { from: 'applicant.name' } }),
    f('idNumber', 'id_number', '公民身份号码', 'ID number', { required: true, prefill: { from: 'applicant.idNumber' },
      rules: [{ id: 'valid', assert: 'id_valid(idNumber)', message: T('公民身份号码无效。', 'The ID number is not valid.') }] }),
    f('birthDate', 'date', '出生日期', 'Date of birth', { computed: 'id_birth_date(idNumber)' }),
    f('age', 'number', '年龄', 'Age', { integer: true, computed: 'age(birthDate)' }),
    f('mobile', 'mobile', '手机号码', 'Mobile', { required: true, prefill: { from: 'applicant.mobile' } }),
  ];
  for (let i = 1; i <= 10; i++) {
    fields.push(f(`s${i}`, 'radio', `情形${i}`, `Scenario ${i}`, { options: YES_NO, default: 'no', required: true }));
  }
  const kinds = [['text', { maxLength: 100 }], ['date', { max: 'today()' }], ['select', { options: OPTION_SETS.abc }],
    ['money', { min: 0, max: 1000000000 }]];
  for (let i = 1; i <= 40; i++) {
    const gate = `s${((i - 1) % 10) + 1}`;
    const [type, extra] = kinds[(i - 1) % kinds.length];
    fields.push(f(`g${i}`, type, `情形字段${i}`, `Scenario field ${i}`,
      { ...extra, visible: `${gate} == "yes"`, required: i % 2 ? `${gate} == "yes" && age >= 18` : false }));
  }
  for (let i = 1; i <= 10; i++) {
    fields.push(f(`n${i}`, 'number', `数量${i}`, `Quantity ${i}`, { integer: true, min: 0, max: 1000000, required: i <= 5 }));
  }
  fields.push(f('c1', 'number', '小计1', 'Subtotal 1', { computed: 'n1 + n2' }));
  for (let i = 2; i <= 9; i++) fields.push(f(`c${i}`, 'number', `小计${i}`, `Subtotal ${i}`, { computed: `c${i - 1} + n${i + 1}` }));
  fields.push(f('memberCount', 'number', '成员人数', 'Members', { integer: true, computed: 'len(members)' }));
  fields.push(f('hukouDivision', 'division', '户籍地', 'Household registration', { levels: 'district', required: true,
    prefill: { from: 'applicant.hukouDivision' } }));
  fields.push(f('address', 'text', '居住地址', 'Address', { required: true, maxLength: 150 }));
  fields.push(f('email', 'email', '电子邮箱', 'Email'));
  fields.push(f('declaration', 'agreement', '我承诺所填信息真实有效', 'I declare the information is true',
    { required: true, agreementText: T('本人承诺所填信息真实有效。', 'I declare the information is true.') }));
  fields.push(f('signature', 'signature', '申请人签名', 'Signature', { required: true }));
  if (fields.length !== 80) throw new Error(`bench form has ${fields.length} fields, not 80`);
  const group = {
    id: 'members', type: 'group', label: T('家庭成员', 'Family members'), min: 0, max: 50,
    fields: [
      f('memberName', 'text', '姓名', 'Name', { required: true, maxLength: 50 }),
      f('memberIdNumber', 'id_number', '公民身份号码', 'ID number', { required: true }),
      f('relation', 'select', '关系', 'Relation', { required: true, options: [{ code: 'spouse', zh: '配偶', en: 'Spouse' },
        { code: 'child', zh: '子女', en: 'Child' }, { code: 'parent', zh: '父母', en: 'Parent' }] }),
      f('memberBirthDate', 'date', '出生日期', 'Date of birth', { computed: 'id_birth_date(row.memberIdNumber)' }),
      f('memberAge', 'number', '年龄', 'Age', { integer: true, computed: 'age(row.memberBirthDate)' }),
      f('monthlyIncome', 'money', '月收入（元）', 'Monthly income (yuan)', { min: 0, max: 100000000, required: 'row.memberAge >= 18' }),
    ],
    rowRules: [
      { id: 'idValid', assert: 'id_valid(row.memberIdNumber)', message: T('成员的公民身份号码无效。', "The member's ID number is not valid."), fields: ['memberIdNumber'] },
      { id: 'childYounger', assert: 'row.relation != "child" || row.memberBirthDate > birthDate',
        message: T('子女应比申请人年轻。', 'A child must be younger than the applicant.'), fields: ['relation'] },
      { id: 'notSelf', assert: 'row.memberIdNumber != idNumber', message: T('成员不能是申请人本人。', 'A member cannot be the applicant.'), fields: ['memberIdNumber'] },
    ],
  };
  const pages = [];
  for (let i = 0; i < fields.length; i += 10) {
    pages.push({ id: `page${pages.length + 1}`, title: T(`第${pages.length + 1}步`, `Step ${pages.length + 1}`), fields: fields.slice(i, i + 10) });
  }
  pages.push({ id: 'membersPage', title: group.label, fields: [group] });
  const rules = [];
  for (let i = 1; i <= 9; i++) {
    rules.push({ id: `cap${i}`, assert: `c${i} <= 5000000`, message: T(`小计${i}超过上限。`, `Subtotal ${i} exceeds the cap.`), fields: [`n${i + 1}`] });
  }
  rules.push({ id: 'adult', assert: 'age >= 18', message: T('申请人应年满18周岁。', 'The applicant must be at least 18.'), fields: ['idNumber'] });
  return {
    id: 'bench-form-80', revision: 1, basicCode: '000199999000', implCode: '11440100BENCH000199999000001',
    name: T('基准测试表单（80个字段）', 'Benchmark form (80 fields)'), type: '21', level: '3', audience: ['自然人'],
    department: { name: T('广州市政务服务数据管理局', 'Guangzhou Government Service and Data Administration'), division: '440100' },
    legalBasis: [{ title: { zh: '（合成数据）' } }],
    acceptanceConditions: [{ id: 'adult', zh: '申请人年满18周岁', en: 'The applicant is at least 18', when: 'age(applicant.birthDate) >= 18' }],
    timeLimits: { statutory: { value: 20, unit: '工作日' }, promised: { value: 5, unit: '工作日' } },
    handlingType: '承诺件', visits: 0, onlineDepth: 4, scope: { range: '全市' }, fees: [],
    keywords: ['基准测试'], themes: ['测试'],
    form: { pages, rules },
    materials: [
      { id: 'idCard', name: T('居民身份证', 'Resident ID card'), kind: 1, form: '电子', originals: 0, copies: 0, necessity: '必要',
        source: '政府部门核发', replaceBy: { licence: 'resident_id_card' } },
      ...Array.from({ length: 10 }, (_, i) => ({ id: `proof${i + 1}`, name: T(`情形${i + 1}证明`, `Proof for scenario ${i + 1}`), kind: 1,
        form: '纸质+电子', originals: 1, copies: 1, necessity: i % 3 === 2 ? '容缺后补' : '必要',
        ...(i % 3 === 2 ? { deferralWorkingDays: 10 } : {}), source: '申请人自备', when: `s${i + 1} == "yes"` })),
    ],
    sources: [],
    notes: [{ status: 'info', zh: '合成数据：基准测试用的80字段表单。', en: 'Synthetic: the 80-field benchmark form.' }],
  };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const real = JSON.parse(readFileSync(join(repoRoot, 'data', 'catalog', 'guangzhou.json'), 'utf8'));
  const r = rng(opts.seed);
  const ctx = { licences: new Set(real.licenceTypes.map((l) => l.id)) };
  const items = opts.benchOnly ? [makeBenchItem()] : real.items.slice(0, Math.min(real.items.length, opts.items));
  if (!opts.benchOnly && items.length < opts.items) items.push(makeBenchItem());
  for (let n = 1; !opts.benchOnly && items.length < opts.items; n++) items.push(makeItem(r, n, ctx));
  const catalog = {
    formatVersion: 1,
    catalogVersion: '2026.11.1',
    generated: '2026-11-27',
    region: real.region,
    description: { zh: `合成目录：${items.length} 个事项（含广州样例 ${Math.min(real.items.length, opts.items)} 个），种子 ${opts.seed}。`,
      en: `Synthetic catalogue of ${items.length} items, seed ${opts.seed}.` },
    profileFields: real.profileFields,
    licenceTypes: real.licenceTypes,
    commitmentTemplates: real.commitmentTemplates,
    items,
    bundles: !opts.benchOnly && opts.items >= real.items.length ? real.bundles : [],
    policies: real.policies,
  };
  const text = JSON.stringify(catalog, null, opts.pretty ? 2 : undefined) + '\n';
  writeFileSync(opts.out, text);
  let fieldCount = 0;
  let groups = 0;
  for (const it of items) for (const p of it.form.pages) for (const f of p.fields) {
    if (f.type === 'group') { groups++; fieldCount += f.fields.length; } else fieldCount++;
  }
  console.log(`wrote ${opts.out}: ${items.length} items, ${fieldCount} fields (${(fieldCount / items.length).toFixed(1)} per item), ${groups} repeating groups, ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MiB`);
  return { opts, catalog };
}

const { opts, catalog } = main();
if (opts.check) {
  const { checkCatalog } = await import('./check-catalog.mjs');
  const errors = checkCatalog(catalog);
  for (const e of errors.slice(0, 50)) console.error(e);
  if (errors.length) {
    console.error(`${errors.length} error(s)`);
    process.exit(2);
  }
  console.log('check: ok');
}
