// bench-form-80 (scripts/gen-synthetic-catalog.mjs, makeBenchItem) written for survey-core@3,
// field for field: the same 80 top-level questions on 8 pages, the same visibility and
// requiredness conditions, the computed chain as expression questions, the 50-row group as a
// dynamic panel with the same per-row checks, and the form-level caps as expression validators.
// SurveyJS has no GB 11643 check and no birth date from an ID number: idValid/idBirthDate are
// registered as custom functions (below), the way a SurveyJS form would add them.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

// 居民身份证 GB 11643-1999: 17 digits and a check character "10X98765432"[Σ mod 11].
export function idValid(value) {
  if (typeof value !== 'string') return false;
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!idBirthDate(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i];
  return '10X98765432'[sum % 11] === id[17];
}

export function idBirthDate(value) {
  if (typeof value !== 'string' || value.length < 14) return null;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

const YES_NO = [{ value: 'yes', text: '是' }, { value: 'no', text: '否' }];
const ABC = [{ value: 'a', text: '甲' }, { value: 'b', text: '乙' }, { value: 'c', text: '丙' }];
const DISTRICTS = ['440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114', '440115', '440117', '440118'];

export function surveyJson() {
  const q = [];
  q.push({ type: 'text', name: 'applicantName', title: '姓名', isRequired: true, maxLength: 50 });
  q.push({ type: 'text', name: 'idNumber', title: '公民身份号码', isRequired: true,
    validators: [{ type: 'expression', expression: 'idValid({idNumber})', text: '公民身份号码无效。' }] });
  q.push({ type: 'expression', name: 'birthDate', title: '出生日期', expression: 'idBirthDate({idNumber})' });
  q.push({ type: 'expression', name: 'age', title: '年龄', expression: 'age({birthDate})' });
  q.push({ type: 'text', name: 'mobile', title: '手机号码', isRequired: true,
    validators: [{ type: 'regex', regex: '^1[3-9]\\d{9}$', text: '手机号码无效。' }] });
  for (let i = 1; i <= 10; i += 1) q.push({ type: 'radiogroup', name: `s${i}`, title: `情形${i}`, choices: YES_NO, defaultValue: 'no', isRequired: true });
  const kinds = [
    { type: 'text', maxLength: 100 },
    { type: 'text', inputType: 'date', max: '2026-11-27' },
    { type: 'dropdown', choices: ABC },
    { type: 'text', inputType: 'number', min: 0, max: 1000000000 },
  ];
  for (let i = 1; i <= 40; i += 1) {
    const gate = `s${((i - 1) % 10) + 1}`;
    const question = { ...kinds[(i - 1) % kinds.length], name: `g${i}`, title: `情形字段${i}`, visibleIf: `{${gate}} = 'yes'` };
    if (i % 2) question.requiredIf = `{${gate}} = 'yes' and {age} >= 18`;
    q.push(question);
  }
  for (let i = 1; i <= 10; i += 1) {
    const question = { type: 'text', inputType: 'number', name: `n${i}`, title: `数量${i}`, min: 0, max: 1000000, isRequired: i <= 5,
      validators: [{ type: 'numeric', minValue: 0, maxValue: 1000000 }] };
    // The form-level caps (c_{i-1} <= 5,000,000) reported on n_i, as the catalogue form does.
    if (i >= 2) question.validators.push({ type: 'expression', expression: `{c${i - 1}} <= 5000000`, text: `小计${i - 1}超过上限。` });
    q.push(question);
  }
  q.push({ type: 'expression', name: 'c1', title: '小计1', expression: '{n1} + {n2}' });
  for (let i = 2; i <= 9; i += 1) q.push({ type: 'expression', name: `c${i}`, title: `小计${i}`, expression: `{c${i - 1}} + {n${i + 1}}` });
  q.push({ type: 'expression', name: 'memberCount', title: '成员人数', expression: '{members.length}' });
  q.push({ type: 'dropdown', name: 'hukouDivision', title: '户籍地', isRequired: true, choices: DISTRICTS });
  q.push({ type: 'text', name: 'address', title: '居住地址', isRequired: true, maxLength: 150 });
  q.push({ type: 'text', name: 'email', title: '电子邮箱', inputType: 'email', validators: [{ type: 'email' }] });
  q.push({ type: 'boolean', name: 'declaration', title: '我承诺所填信息真实有效', isRequired: true });
  q.push({ type: 'signaturepad', name: 'signature', title: '申请人签名', isRequired: true });
  if (q.length !== 80) throw new Error(`survey form has ${q.length} questions, not 80`);
  // The applicant must be an adult: reported on idNumber, like the catalogue's rule "adult".
  q[1].validators.push({ type: 'expression', expression: '{age} >= 18', text: '申请人应年满18周岁。' });

  const members = {
    type: 'paneldynamic', name: 'members', title: '家庭成员', minPanelCount: 0, maxPanelCount: 50,
    templateElements: [
      { type: 'text', name: 'memberName', title: '姓名', isRequired: true, maxLength: 50 },
      { type: 'text', name: 'memberIdNumber', title: '公民身份号码', isRequired: true,
        validators: [
          { type: 'expression', expression: 'idValid({panel.memberIdNumber})', text: '成员的公民身份号码无效。' },
          { type: 'expression', expression: '{panel.memberIdNumber} <> {idNumber}', text: '成员不能是申请人本人。' },
        ] },
      { type: 'dropdown', name: 'relation', title: '关系', isRequired: true,
        choices: [{ value: 'spouse', text: '配偶' }, { value: 'child', text: '子女' }, { value: 'parent', text: '父母' }],
        validators: [{ type: 'expression', expression: "{panel.relation} <> 'child' or {panel.memberBirthDate} > {birthDate}", text: '子女应比申请人年轻。' }] },
      { type: 'expression', name: 'memberBirthDate', title: '出生日期', expression: 'idBirthDate({panel.memberIdNumber})' },
      { type: 'expression', name: 'memberAge', title: '年龄', expression: 'age({panel.memberBirthDate})' },
      { type: 'text', inputType: 'number', name: 'monthlyIncome', title: '月收入（元）', min: 0, max: 100000000, requiredIf: '{panel.memberAge} >= 18' },
    ],
  };
  const pages = [];
  for (let i = 0; i < q.length; i += 10) pages.push({ name: `page${pages.length + 1}`, elements: q.slice(i, i + 10) });
  pages.push({ name: 'membersPage', elements: [members] });
  return { pages, checkErrorsMode: 'onValueChanged' };
}
