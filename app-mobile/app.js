// Validates a 公民身份号码 as the user types, with the wasm core served at /core/.
// The page is the host: it decides what "today" is and passes it in; the core has no clock.

const input = document.getElementById('id-number');
const message = document.getElementById('id-message');
const facts = document.getElementById('id-facts');

// The device's local calendar date as YYYY-MM-DD.
function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// "1949-12-31" → "1949年12月31日"
function chineseDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const SEX = { male: '男', female: '女' };

function show(state, text) {
  message.dataset.state = state;
  message.textContent = text;
}

function showFacts(rows) {
  facts.replaceChildren();
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    facts.append(dt, dd);
  }
  facts.hidden = rows.length === 0;
}

function render(haoban) {
  const value = input.value;
  if (value.trim() === '') {
    show('empty', '请输入18位公民身份号码。');
    showFacts([]);
    return;
  }
  const result = haoban.validate('resident_id', value, { today: localToday() });
  if (result.valid) {
    show('valid', '身份证号码有效');
    const rows = [['号码', result.normalized]];
    if (result.facts.birthDate) rows.push(['出生日期', chineseDate(result.facts.birthDate)]);
    if (result.facts.sex) rows.push(['性别', SEX[result.facts.sex] ?? result.facts.sex]);
    if (result.facts.divisionName) rows.push(['所属地区', result.facts.divisionName]);
    showFacts(rows);
    return;
  }
  // Still typing: a short number is not yet wrong, only incomplete.
  const incomplete = result.error.code === 'length' && result.normalized.length < 18;
  show(incomplete ? 'incomplete' : 'invalid', result.error.zh);
  showFacts([]);
}

async function start() {
  let haoban;
  try {
    // A dynamic import, so that a missing or broken core shows a message instead of
    // leaving the page "loading" forever (a static import failing stops the whole module).
    const { load } = await import('/core/index.mjs');
    haoban = await load();
  } catch (error) {
    console.error('haoban: cannot load the core', error);
    show('error', '校验模块加载失败，请刷新页面重试。');
    return;
  }
  document.documentElement.dataset.coreVersion = haoban.version;
  input.disabled = false;
  input.addEventListener('input', () => render(haoban));
  document.getElementById('id-form').addEventListener('submit', (event) => event.preventDefault());
  render(haoban);  // a value restored by the browser is checked too
  input.focus();
}

start();
