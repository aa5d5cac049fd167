// A tiny i18n: Chinese (zh-CN) first, English second. t('key', {n: 1}) looks the key up in
// the current locale, falls back to Chinese, then to the key itself.
import { ref } from 'vue';
import zh from './locales/zh-CN.js';
import en from './locales/en.js';

const STORAGE_KEY = 'keyline.locale';
const messages = { 'zh-CN': zh, en };

function initialLocale() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && messages[saved]) return saved;
  } catch (e) { /* storage unavailable */ }
  return 'zh-CN';
}

export const locale = ref(initialLocale());

export function setLocale(value) {
  if (!messages[value]) return;
  locale.value = value;
  document.documentElement.lang = value;
  try { localStorage.setItem(STORAGE_KEY, value); } catch (e) { /* ignore */ }
}

export function isEnglish() {
  return locale.value === 'en';
}

export function t(key, params) {
  const text = messages[locale.value][key] ?? zh[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

export const i18nPlugin = {
  install(app) {
    document.documentElement.lang = locale.value;
    app.config.globalProperties.$t = t;
  },
};
