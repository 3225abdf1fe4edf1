// JSON values in wx storage, within WeChat's limits: at most 1 MB per key and 10 MB in all.
// A value is serialised once and split into chunks of at most CHUNK_BYTES (UTF-8), stored
// under generation-stamped keys; a small manifest under the key itself names the current
// generation. The new chunks are written before the manifest, and the old ones removed after,
// so an interrupted write leaves the previous value readable.
// Before writing, the projected total is checked against getStorageInfoSync's limit (less a
// reserve), and an over-budget write fails with StorageFullError instead of half-succeeding.
'use strict';

const { utf8Bytes } = require('./text.js');

const PREFIX = 'hb:';
const CHUNK_BYTES = 512 * 1024; // well under the 1 MB per-key limit, counting key and framing
const RESERVE_BYTES = 512 * 1024; // kept free for WeChat's own bookkeeping and small writes
const DEFAULT_LIMIT_BYTES = 10 * 1024 * 1024;

class StorageFullError extends Error {
  constructor(key, needed, available) {
    super(`storage full: ${key} needs ${needed} bytes, ${available} available`);
    this.name = 'StorageFullError';
    this.zh = '手机上的小程序存储空间不足，请删除不需要的草稿后重试。';
    this.needed = needed;
    this.available = available;
  }
}

// Split a string into pieces of at most maxBytes UTF-8 bytes, never inside a code point.
function splitUtf8(text, maxBytes) {
  const chunks = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const b = utf8Bytes(ch);
    if (bytes + b > maxBytes && current) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += b;
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

function manifestOf(key) {
  const m = wx.getStorageSync(PREFIX + key);
  return m && typeof m === 'object' && m.v === 1 ? m : null;
}

function chunkKey(key, gen, i) {
  return `${PREFIX}${key}#${gen}.${i}`;
}

function usage() {
  const info = wx.getStorageInfoSync();
  return {
    usedBytes: (info.currentSize || 0) * 1024,
    limitBytes: (info.limitSize || DEFAULT_LIMIT_BYTES / 1024) * 1024,
    keys: info.keys || [],
  };
}

function putJson(key, value) {
  const text = JSON.stringify(value);
  const bytes = utf8Bytes(text);
  const old = manifestOf(key);
  const { usedBytes, limitBytes } = usage();
  const available = limitBytes - RESERVE_BYTES - usedBytes + (old ? old.bytes : 0);
  if (bytes > available) throw new StorageFullError(key, bytes, Math.max(0, available));
  const gen = old ? old.gen + 1 : 1;
  const chunks = splitUtf8(text, CHUNK_BYTES);
  chunks.forEach((chunk, i) => wx.setStorageSync(chunkKey(key, gen, i), chunk));
  wx.setStorageSync(PREFIX + key, { v: 1, gen, chunks: chunks.length, bytes });
  if (old) for (let i = 0; i < old.chunks; i++) wx.removeStorageSync(chunkKey(key, old.gen, i));
  return bytes;
}

function getJson(key) {
  const m = manifestOf(key);
  if (!m) return null;
  let text = '';
  for (let i = 0; i < m.chunks; i++) {
    const chunk = wx.getStorageSync(chunkKey(key, m.gen, i));
    // wx answers "" for a key it does not have: a chunk lost means the value is absent.
    if (typeof chunk !== 'string' || chunk === '') return null;
    text += chunk;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

function remove(key) {
  const m = manifestOf(key);
  if (m) for (let i = 0; i < m.chunks; i++) wx.removeStorageSync(chunkKey(key, m.gen, i));
  wx.removeStorageSync(PREFIX + key);
}

function sizeOf(key) {
  const m = manifestOf(key);
  return m ? m.bytes : 0;
}

module.exports = { putJson, getJson, remove, sizeOf, usage, splitUtf8, StorageFullError, CHUNK_BYTES };
