import { t } from '../i18n.js';

const KNOWN = ['create', 'update', 'delete', 'stage', 'login', 'logout', 'change_password', 'set_password', 'unlock', 'publish'];

// Audit action code → label; unknown codes show as they are.
export function actionLabel(action) {
  return KNOWN.includes(action) ? t(`audit.actions.${action}`) : action;
}
