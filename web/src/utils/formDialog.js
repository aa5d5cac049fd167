// The state of a form dialog: whether it is open, busy, the error banner and the per-field
// errors the server named. run(fn) saves with fn, then closes, says "已保存" and calls onSaved;
// on failure it shows the server's message and field errors and stays open.
import { reactive } from 'vue';
import { message } from './message.js';
import { errorText, ApiError } from '../api/client.js';
import { t } from '../i18n.js';

export function useFormDialog(onSaved, successKey = 'common.saved') {
  const dlg = reactive({ visible: false, busy: false, error: '', fieldErrors: {} });
  dlg.open = () => {
    dlg.error = '';
    dlg.fieldErrors = {};
    dlg.visible = true;
  };
  dlg.run = async (fn) => {
    dlg.busy = true;
    dlg.error = '';
    dlg.fieldErrors = {};
    try {
      await fn();
      dlg.visible = false;
      message.success(t(successKey));
      if (onSaved) onSaved();
    } catch (err) {
      dlg.error = errorText(err);
      if (err instanceof ApiError) dlg.fieldErrors = err.fieldErrors;
    } finally {
      dlg.busy = false;
    }
  };
  return dlg;
}

// A one-click action (a row's 解锁, 删除, 办结 …): runs fn, says t(successKey) and calls then
// (usually the list's load); on failure shows the server's message.
export async function runAction(fn, successKey, then) {
  try {
    await fn();
    message.success(t(successKey));
    if (then) await then();
  } catch (err) {
    message.error(errorText(err));
  }
}
