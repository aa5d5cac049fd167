// The logged-in user, shared by the whole app. The session itself lives in an HttpOnly
// cookie; what the UI keeps is who it is and the CSRF token.
import { reactive } from 'vue';
import { setCsrfToken } from './api/client.js';
import * as sessionApi from './api/session.js';

export const session = reactive({
  loaded: false, // GET /session has been asked once
  user: null,
  roleLabel: '',
  can: {}, // the server's capability flags for this user
  expiredNotice: '', // set when a request answered 401 while logged in
});

// What the server says this user may do (GET /session `can`, core/service/capabilities.h):
// menus, routes and buttons read these flags instead of re-implementing role rules. A flag
// that is true may still be refused for a particular row (each row's own `can` or the
// server's answer decides).
export function can(name) {
  return !!session.user && !!session.can && session.can[name] === true;
}
export const canWriteProjects = () => can('write_projects');
export const canCreateProjects = () => can('create_projects');
export const canManageAssignments = () => can('manage_assignments');
export const canEditReference = () => can('edit_reference');

function apply(me) {
  session.user = me ? me.user : null;
  session.roleLabel = me ? me.role_label : '';
  session.can = (me && me.can) || {};
  setCsrfToken(me ? me.csrf_token : '');
}

export async function loadSession() {
  try {
    apply(await sessionApi.whoami());
  } catch (err) {
    if (err.status !== 401) throw err;
    apply(null);
  } finally {
    session.loaded = true;
  }
}

export async function login(username, password) {
  apply(await sessionApi.login(username, password));
  session.expiredNotice = '';
  session.loaded = true;
}

export async function logout() {
  try {
    await sessionApi.logout();
  } catch (err) { /* already gone: fine */ }
  apply(null);
}

export function forget() {
  apply(null);
}
