// The one way the UI talks to the server: fetch under /api/v1 with the session cookie
// (same-origin), the CSRF token on unsafe methods, and the error envelope
// {"error":{"code","message","message_zh","message_en","details":[{field,message,...}],"request_id"}}
// turned into an ApiError whose message follows the UI language.
import { isEnglish, t } from '../i18n.js';

const BASE = '/api/v1';
let csrfToken = '';
let onUnauthenticated = null;

export function setCsrfToken(token) {
  csrfToken = token || '';
}

// Called once by the app: what to do when a request answers 401 (the session expired).
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

export class ApiError extends Error {
  constructor({ status, code, messageZh, messageEn, details, requestId }) {
    super(messageZh || messageEn || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh || '';
    this.messageEn = messageEn || '';
    this.details = details || [];
    this.requestId = requestId || '';
  }

  // The message in the UI language (Chinese unless English is chosen).
  get text() {
    if (isEnglish()) return this.messageEn || this.messageZh;
    return this.messageZh || this.messageEn;
  }

  // {field: message} for the form fields the server named.
  get fieldErrors() {
    const out = {};
    for (const d of this.details) {
      if (!d.field) continue;
      const msg = isEnglish() ? (d.message_en || d.message) : (d.message_zh || d.message);
      if (!out[d.field]) out[d.field] = msg;
    }
    return out;
  }
}

// The human text of any error thrown by a request (never raw JSON).
export function errorText(err) {
  if (err instanceof ApiError) return err.text;
  return t('error.unexpected');
}

function buildQuery(params) {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(','));
    } else {
      sp.set(k, String(v));
    }
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

async function parseError(res) {
  let body = null;
  try {
    body = await res.json();
  } catch (e) { /* not JSON */ }
  const e = body && body.error;
  if (e && typeof e === 'object') {
    return new ApiError({
      status: res.status,
      code: e.code,
      messageZh: e.message_zh || e.message,
      messageEn: e.message_en || e.message,
      details: Array.isArray(e.details) ? e.details : [],
      requestId: e.request_id,
    });
  }
  return new ApiError({
    status: res.status,
    code: 'http_' + res.status,
    messageZh: `服务器错误（HTTP ${res.status}），请稍后再试`,
    messageEn: `Server error (HTTP ${res.status}), please try again later`,
  });
}

// request('GET', '/projects', {query, body | raw, skipAuthRedirect})
export async function request(method, path, opts = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': isEnglish() ? 'en' : 'zh-CN' };
  const init = { method, headers, credentials: 'same-origin' };
  if (opts.raw !== undefined) {
    // A file as the raw request body (attachments); the server judges the type by content.
    headers['Content-Type'] = opts.contentType || 'application/octet-stream';
    init.body = opts.raw;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(BASE + path + buildQuery(opts.query), init);
  } catch (err) {
    throw new ApiError({
      status: 0,
      code: 'network',
      messageZh: '无法连接服务器，请检查网络后重试',
      messageEn: 'Cannot reach the server; check the network and try again',
    });
  }
  if (res.ok) {
    if (res.status === 204) return null;
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }
  const error = await parseError(res);
  if (res.status === 401 && !opts.skipAuthRedirect && onUnauthenticated) onUnauthenticated(error);
  throw error;
}

export const api = {
  get: (path, query, opts) => request('GET', path, { ...opts, query }),
  post: (path, body, opts) => request('POST', path, { ...opts, body }),
  put: (path, body, opts) => request('PUT', path, { ...opts, body }),
  patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
  del: (path, opts) => request('DELETE', path, opts),
  // POST a Blob/File as the raw body: upload('/x', file, {filename: 'a.jpg'}).
  upload: (path, blob, query, opts) => request('POST', path, { ...opts, query, raw: blob }),
};

// GET a file as a Blob with its file name (Content-Disposition, else fallbackName).
export async function getBlob(url, fallbackName) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': isEnglish() ? 'en' : 'zh-CN' } });
  } catch (err) {
    throw new ApiError({ status: 0, code: 'network', messageZh: '无法连接服务器，请检查网络后重试', messageEn: 'Cannot reach the server; check the network and try again' });
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && onUnauthenticated) onUnauthenticated(error);
    throw error;
  }
  const cd = res.headers.get('Content-Disposition') || '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) || /filename="?([^";]+)"?/i.exec(cd);
  return { blob: await res.blob(), name: m ? decodeURIComponent(m[1]) : fallbackName };
}

// GET a non-JSON document (e.g. an HTML page) as text; errors as request() throws them.
export async function getText(path, query) {
  let res;
  try {
    res = await fetch(BASE + path + buildQuery(query), { credentials: 'same-origin', headers: { 'Accept-Language': isEnglish() ? 'en' : 'zh-CN' } });
  } catch (err) {
    throw new ApiError({ status: 0, code: 'network', messageZh: '无法连接服务器，请检查网络后重试', messageEn: 'Cannot reach the server; check the network and try again' });
  }
  if (res.ok) return res.text();
  const error = await parseError(res);
  if (res.status === 401 && onUnauthenticated) onUnauthenticated(error);
  throw error;
}

// The URL of a GET endpoint, e.g. for <img src> and download links (same-origin cookie).
export function apiUrl(path) {
  return BASE + path;
}
