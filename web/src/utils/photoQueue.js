// Photos waiting for the network: taken while offline (or when an upload failed for want of a
// connection), kept in the browser's IndexedDB under the report's key ("project.period") so a
// reload or a closed tab loses none, and uploaded in the order taken when the connection is
// back (views/ReportFormView.vue). No dependency: the bare IndexedDB API, one object store
// keyed by an increasing number (the order taken).
//
//   await queuePhoto(key, file)          → keeps a copy
//   await queuedPhotos(key)              → [{id, key, name, type, blob, tried}] oldest first
//   await markTried(id)                  → before an upload: a retry checks the server first
//   await dropQueued(id)                 → after the server took it
//
// Each entry is marked `tried` before its upload starts: if the connection drops after the
// server stored the photo but before the answer arrived, the next attempt finds the photo
// among the report's attachments (same name and size) instead of uploading it twice.
const DB_NAME = 'keyline';
const STORE = 'photo-queue';

let opening = null;

function openDb() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(STORE)) {
          db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true }).createIndex('key', 'key');
        }
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}

// Runs fn(store) in a transaction and resolves with the request's result once committed.
async function run(mode, fn) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const photoQueueAvailable = () => typeof indexedDB !== 'undefined';

export async function queuePhoto(key, file) {
  // The bytes themselves (a File from an <input> may not be readable after a reload).
  const blob = new Blob([await file.arrayBuffer()], { type: file.type });
  return run('readwrite', (s) => s.add({ key, name: file.name, type: file.type, size: blob.size, blob, tried: false, queuedAt: Date.now() }));
}

export async function queuedPhotos(key) {
  const all = await run('readonly', (s) => s.index('key').getAll(key));
  return (all || []).sort((a, b) => a.id - b.id);
}

export async function markTried(id) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const s = tx.objectStore(STORE);
    const get = s.get(id);
    get.onsuccess = () => { if (get.result) s.put({ ...get.result, tried: true }); };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export const dropQueued = (id) => run('readwrite', (s) => s.delete(id));

export function asFile(entry) {
  return new File([entry.blob], entry.name, { type: entry.type });
}
