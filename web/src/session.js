// The logged-in user, shared by the whole app. The session itself lives in an HttpOnly
// cookie; what the UI keeps is who it is and the CSRF token.
import { reactive } from 'vue';
import { setCsrfToken } from './api/client.js';
import * as sessionApi from './api/session.js';

export const session = reactive({
  loaded: false, // GET /session has been asked once
  user: null,
  roleLabel: '',
  expiredNotice: '', // set when a request answered 401 while logged in
});

// Roles that may write something (the server still decides per project).
const WRITERS = ['admin', 'supervisor', 'department', 'reporter'];

export function hasRole(...roles) {
  return !!session.user && roles.includes(session.user.role);
}
export function canWriteProjects() {
  return !!session.user && WRITERS.includes(session.user.role);
}
export function canCreateProjects() {
  return hasRole('admin', 'supervisor', 'department');
}
export function canManageAssignments() {
  return hasRole('admin', 'supervisor', 'department');
}
export function canEditReference() {
  return hasRole('admin', 'supervisor');
}

function apply(me) {
  session.user = me ? me.user : null;
  session.roleLabel = me ? me.role_label : '';
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
