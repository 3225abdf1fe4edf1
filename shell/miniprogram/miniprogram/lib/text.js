// Forgiving input: users type on Chinese IMEs, so digits and letters often arrive full-width
// (１２３, ＡＢＣ), with ideographic spaces (U+3000) and stray spaces around them.
'use strict';

// Full-width ASCII variants (U+FF01–U+FF5E) → ASCII; U+3000 → space.
function toHalfWidth(text) {
  let out = '';
  for (const ch of String(text)) {
    const code = ch.codePointAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Half-width, trimmed; inner runs of spaces kept (addresses may have them).
function clean(text) {
  return toHalfWidth(text).trim();
}

// Text typed into a number field → a number, or the cleaned text when it is not one (the
// core then reports the field's own error, in its words).
function toNumber(text) {
  const t = clean(text).replace(/[\s,，]/g, '');
  if (t === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

// UTF-8 byte length without TextEncoder (mini-programs do not all have it).
function utf8Bytes(text) {
  let n = 0;
  for (const ch of String(text)) {
    const c = ch.codePointAt(0);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

module.exports = { toHalfWidth, clean, toNumber, utf8Bytes };
