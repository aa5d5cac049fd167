// A report draft that survives a dropped connection. While the form is open its fields are
// kept in localStorage under the project and period (a copy per device and browser); a save
// or submit that fails for want of a network leaves the copy marked with what was asked
// ("save" / "submit") and runs it again as soon as the browser is back online. A successful
// save or submit clears the copy. The caller shows `pending` as
// "草稿已保存在本机，联网后自动保存/提交".
//
//   const draft = useOfflineDraft(() => key or null, form, { resend: async (action) => {...} });
//   draft.restore(serverUpdatedAt) → the newer local copy {fields, savedAt} or null
//   draft.keepForLater(action)      → after a network failure
//   draft.clear()                   → after the server took it
import { ref, watch, onMounted, onBeforeUnmount } from 'vue';

const PREFIX = 'keyline.draft.';

function read(key) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? JSON.parse(raw) : null;
  } catch (e) {
    return null;
  }
}

function write(key, entry) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(entry));
    return true;
  } catch (e) {
    return false; // storage full or disabled: the server copy is all there is
  }
}

export function useOfflineDraft(keyOf, form, { resend }) {
  const pending = ref(null); // null | 'save' | 'submit'
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const syncing = ref(false);
  let paused = true; // no autosave until the form is filled from the server
  let timer = null;
  let baseline = ''; // the fields as the server has them: nothing to keep while unchanged

  function snapshot(action) {
    const key = keyOf();
    if (!key) return;
    const fields = JSON.stringify(form);
    const act = action ?? pending.value;
    if (!act && fields === baseline) {
      try { localStorage.removeItem(PREFIX + key); } catch (e) { /* ignore */ }
      return;
    }
    write(key, { fields: JSON.parse(fields), savedAt: Date.now(), pending: act });
  }

  // Typing: keep a copy a moment after the last change.
  watch(form, () => {
    if (paused) return;
    clearTimeout(timer);
    timer = setTimeout(() => snapshot(), 500);
  }, { deep: true });

  function restore(serverUpdatedAt) {
    paused = false;
    baseline = JSON.stringify(form);
    const key = keyOf();
    const entry = key && read(key);
    pending.value = entry ? entry.pending || null : null;
    if (!entry || (!entry.pending && entry.savedAt <= (serverUpdatedAt || 0))) return null;
    return entry;
  }

  function keepForLater(action) {
    pending.value = action;
    snapshot(action);
  }

  function clear() {
    clearTimeout(timer);
    pending.value = null;
    baseline = JSON.stringify(form);
    const key = keyOf();
    if (key) {
      try { localStorage.removeItem(PREFIX + key); } catch (e) { /* ignore */ }
    }
  }

  // Stop autosaving (the form is being refilled from the server).
  function pause() {
    paused = true;
    clearTimeout(timer);
  }

  async function flush() {
    if (!pending.value || syncing.value) return;
    syncing.value = true;
    try {
      await resend(pending.value);
    } finally {
      syncing.value = false;
    }
  }

  const onOnline = () => { online.value = true; flush(); };
  const onOffline = () => { online.value = false; };
  onMounted(() => {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    clearTimeout(timer);
    if (!paused) snapshot();
  });

  return { pending, online, syncing, restore, keepForLater, clear, pause, flush };
}
