// Material slots on a phone: 上传 picks a file (its reference goes into the answer; the stub has
// no upload endpoint, so the file itself stays on the phone), 承诺 shows the 告知承诺 text and
// records the signed commitment, 容缺 defers a material the item allows to be supplied later.
'use strict';

function chooseFile() {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      success: (res) => resolve(res.tempFiles && res.tempFiles[0] ? res.tempFiles[0] : null),
      fail: () => resolve(null),
    });
  });
}

function confirm(title, content) {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText: '同意并签署',
      cancelText: '取消',
      success: (res) => resolve(!!res.confirm),
      fail: () => resolve(false),
    });
  });
}

// page: the form page (apply(), item, materials, ctx); path: the slot field; via: what was tapped.
async function provideMaterial(page, path, via) {
  const field = page.item.form.pages.reduce((f, p) => f || p.fields.find((x) => x.id === path), null);
  if (!field) return null;
  if (via === 'clear') return page.apply(path, null);
  if (via === 'upload') {
    const file = await chooseFile();
    if (!file) return null;
    return page.apply(path, { via: 'upload', refs: [file.name || file.path] });
  }
  if (via === 'commitment') {
    const material = (page.item.materials || []).find((m) => m.id === field.material);
    const template = material && material.replaceBy ? page.ctx.catalog.template(material.replaceBy.commitment) : null;
    if (!template) return null;
    const text = `${template.text.zh}\n${template.liability ? template.liability.zh : ''}`;
    if (!(await confirm(template.name.zh, text))) return null;
    return page.apply(path, { via: 'commitment' });
  }
  if (via === 'deferred') return page.apply(path, { via: 'deferred' });
  return null;
}

module.exports = { provideMaterial };
