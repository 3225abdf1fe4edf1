// zh-CN first, English second. The app's own words are in this table; everything the core or
// the catalogue says comes as {zh, en} and is picked with tx().
import { reactive } from 'vue';

const saved = localStorage.getItem('haoban.lang');
export const i18n = reactive({ lang: saved === 'en' ? 'en' : 'zh-CN' });

export function setLang(lang) {
  i18n.lang = lang;
  localStorage.setItem('haoban.lang', lang);
  document.documentElement.lang = lang;
}
document.documentElement.lang = i18n.lang;

const M = {
  appName: ['好办', 'Haoban'],
  tagline: ['广州政务服务 · 一次办好', 'Guangzhou public services, done in one go'],
  switchLang: ['English', '中文'],
  switchLangLabel: ['Switch to English', '切换到中文'],
  loadingCore: ['正在加载办事引擎…', 'Loading the service engine…'],
  coreFailed: ['办事引擎加载失败，请刷新页面重试。', 'The service engine failed to load. Please reload.'],
  offline: ['当前离线：草稿保存在本机，提交将在联网后自动发送。', 'Offline: drafts are kept on this phone; submissions are sent when you are back online.'],
  home: ['首页', 'Home'],
  mine: ['我的办件', 'My applications'],
  login: ['登录', 'Log in'],
  logout: ['退出登录', 'Log out'],
  search: ['搜索事项', 'Search services'],
  searchButton: ['搜索', 'Search'],
  searchPlaceholder: ['输入事项名称、关键词或拼音首字母', 'Service name, keyword or pinyin initials'],
  searchResults: ['搜索结果', 'Results'],
  noResults: ['没有找到相关事项', 'No matching services'],
  byTheme: ['按主题', 'By theme'],
  byDepartment: ['按部门', 'By department'],
  bundles: ['一件事', 'One-stop bundles'],
  guide: ['办事指南', 'Service guide'],
  conditions: ['受理条件', 'Conditions'],
  materials: ['申请材料', 'Materials'],
  timeLimits: ['办理时限', 'Time limits'],
  statutory: ['法定办结时限', 'Statutory limit'],
  promised: ['承诺办结时限', 'Promised limit'],
  visits: ['到办事现场次数', 'Visits in person'],
  fees: ['收费', 'Fees'],
  noFees: ['不收费', 'Free of charge'],
  legalBasis: ['设定依据', 'Legal basis'],
  department: ['实施主体', 'Department'],
  handlingType: ['办件类型', 'Handling type'],
  applyNow: ['在线办理', 'Apply online'],
  loginFirst: ['请先登录', 'Please log in first'],
  chooseIdentity: ['选择测试身份登录', 'Log in with a test identity'],
  identityNote: ['测试环境：以下身份代替在线可信身份认证。', 'Test environment: these identities stand in for trusted online authentication.'],
  precheck: ['资格预检', 'Eligibility pre-check'],
  eligible: ['符合受理条件', 'You meet the conditions'],
  notEligible: ['不符合受理条件', 'You do not meet the conditions'],
  undetermined: ['尚需填写信息后判断', 'More information is needed'],
  conditionPassed: ['符合', 'Met'],
  conditionFailed: ['不符合', 'Not met'],
  conditionUndetermined: ['待确定', 'To be determined'],
  missingFacts: ['填写申请表后再判断', 'Decided once the form is filled in'],
  startForm: ['开始填写', 'Start the form'],
  back: ['返回', 'Back'],
  next: ['下一步', 'Next'],
  prev: ['上一步', 'Previous'],
  page: ['第{n}/{total}步', 'Step {n} of {total}'],
  errorSummaryTitle: ['有{n}处需要修改', 'There are {n} problems to fix'],
  required: ['必填', 'required'],
  optional: ['选填', 'optional'],
  choose: ['请选择', 'Choose'],
  divisionChoose: ['请选择省 / 市 / 区', 'Choose province / city / district'],
  divisionType: ['不在广东省？输入行政区划代码', 'Outside Guangdong? Type the division code'],
  divisionPick: ['从广东省列表选择', 'Choose from the Guangdong list'],
  useLicence: ['使用电子证照', 'use the e-licence'],
  addRow: ['添加一行', 'Add a row'],
  removeRow: ['删除', 'Remove'],
  row: ['第{n}项', 'Row {n}'],
  draftSaved: ['草稿已自动保存', 'Draft saved'],
  draftRestored: ['已恢复上次填写的草稿', 'Your draft was restored'],
  toMaterials: ['下一步：材料', 'Next: materials'],
  materialsTitle: ['材料清单', 'Materials'],
  freeLicence: ['免提交', 'No need to submit'],
  licenceFootnote: ['持有对应电子证照的，无需提交。', 'Not needed if you hold the e-licence.'],
  upload: ['上传', 'Upload'],
  uploaded: ['已选择文件：{name}', 'File chosen: {name}'],
  freeLicenceExplain: ['已调取您的电子证照“{name}”，无需提交', 'Your e-licence “{name}” is used: nothing to submit'],
  commitmentSigned: ['已签署告知承诺，无需提交该材料', 'Commitment signed: the document is not needed'],
  signCommitment: ['我已阅读并签署承诺', 'I have read and sign the commitment'],
  commitmentTitle: ['告知承诺', 'Commitment instead of a document'],
  deferredTitle: ['容缺受理', 'Accepted now, supply later'],
  deferredExplain: ['该材料可暂缺，先行受理；请在{date}前补交。', 'You may submit without it now and supply it by {date}.'],
  toNotice: ['下一步：一次性告知单', 'Next: the one-time notice'],
  noticeTitle: ['一次性告知单', 'One-time notice'],
  noticeReady: ['材料齐全、符合条件，可以提交', 'Complete and eligible: ready to submit'],
  noticeNotReady: ['以下问题需一次性处理后才能提交', 'Fix all of the following before submitting'],
  formProblems: ['表单有{n}处需要修改', '{n} problems in the form'],
  trips: ['还需跑动', 'Visits still needed'],
  tripsN: ['{n}次', '{n}'],
  sameDay: ['即办，当日办结', 'same day'],
  deadline: ['承诺办结日期', 'Promised completion date'],
  saved: ['一件事为您少填{f}项、少交{m}份材料', 'The bundle saved you {f} fields and {m} materials'],
  submit: ['确认提交', 'Submit'],
  queued: ['已离线保存，联网后将自动提交', 'Saved offline; it will be sent when you are back online'],
  sending: ['正在提交…', 'Submitting…'],
  receiptTitle: ['提交成功', 'Submitted'],
  receiptNumber: ['受理编号', 'Receipt number'],
  status: ['办理状态', 'Status'],
  receivedOn: ['受理日期', 'Received on'],
  owed: ['待补交（容缺）', 'To be supplied'],
  dueBy: ['须于{date}前补交', 'Due by {date}'],
  supply: ['补交材料', 'Supply'],
  supplied: ['已补交', 'Supplied'],
  referencePlaceholder: ['材料编号或说明', 'Document reference'],
  rate: ['评价服务（好差评）', 'Rate the service'],
  rated: ['已评价', 'Rated'],
  rateSubmit: ['提交评价', 'Submit rating'],
  rateComment: ['意见或建议', 'Comments'],
  rateCommentRequired: ['不满意时请说明原因', 'Please tell us what went wrong'],
  ratingDefault: ['未评价，默认为基本满意', 'Not rated: counted as satisfactory'],
  followUp: ['已转办回访', 'A follow-up was opened'],
  noApplications: ['暂无办件', 'No applications yet'],
  queuedShort: ['待联网发送', 'Waiting for network'],
  deferredWhy: ['容缺受理：申请已先行受理，请在期限内补交以下材料。', 'Accepted with a material missing: supply it by the date below.'],
  outboxTitle: ['待发送', 'Waiting to be sent'],
  refused: ['未被受理：{msg}', 'Refused: {msg}'],
  view: ['查看', 'View'],
  done: ['完成', 'Done'],
  error: ['出错了：{msg}', 'Something went wrong: {msg}'],
  noForm: ['该事项暂不支持在线填写。', 'This service has no online form yet.'],
  bundleMembers: ['包含事项', 'Services included'],
  optionalMember: ['（按条件办理）', '(if applicable)'],
  levels: [['非常不满意', '不满意', '基本满意', '满意', '非常满意'], ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied']],
};

export function t(key, params = {}) {
  const entry = M[key];
  if (!entry) return key;
  let text = entry[i18n.lang === 'en' ? 1 : 0];
  if (typeof text === 'string') {
    for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
  }
  return text;
}

// {zh, en} from the catalogue or the core → the current language, falling back to zh.
export function tx(text) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return (i18n.lang === 'en' ? text.en : text.zh) || text.zh || text.en || '';
}
