// The only way out of the mini-program: wx.request (there is no fetch). Promises over its
// callbacks, JSON in and out, and the stub's error shape {"error":{type,message,zh}} turned
// into an ApiError carrying the zh-CN message to show.
'use strict';

const { getApiBase } = require('./config.js');

class ApiError extends Error {
  constructor(status, type, message, zh, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.zh = zh || message;
    this.body = body;
  }
}

const TIMEOUT_MS = 15000;

// request({method, path, data, token, header}) → {status, data, header}; 2xx and 304 resolve,
// other statuses reject with ApiError, network failures with ApiError type "network".
function request(options) {
  const header = Object.assign({ 'Content-Type': 'application/json' }, options.header || {});
  if (options.token) header.Authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    wx.request({
      url: getApiBase() + options.path,
      method: options.method || 'GET',
      data: options.data,
      header,
      timeout: TIMEOUT_MS,
      dataType: 'json',
      success(res) {
        const status = res.statusCode;
        if ((status >= 200 && status < 300) || status === 304) {
          resolve({ status, data: res.data, header: res.header || {} });
          return;
        }
        const error = res.data && typeof res.data === 'object' && res.data.error ? res.data.error : {};
        reject(
          new ApiError(
            status,
            error.type || `http_${status}`,
            error.message || `HTTP ${status}`,
            error.zh || `服务暂时不可用（${status}），请稍后重试。`,
            res.data,
          ),
        );
      },
      fail(err) {
        reject(new ApiError(0, 'network', (err && err.errMsg) || 'request failed', '网络连接失败，请检查网络后重试。'));
      },
    });
  });
}

// Header lookup regardless of case (servers and WeChat differ in how they spell them).
function headerValue(header, name) {
  const lower = name.toLowerCase();
  for (const key of Object.keys(header || {})) if (key.toLowerCase() === lower) return header[key];
  return undefined;
}

module.exports = { request, headerValue, ApiError };
