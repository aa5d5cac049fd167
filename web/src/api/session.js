import { api } from './client.js';

export const login = (username, password) =>
  api.post('/session', { username, password }, { skipAuthRedirect: true });
export const whoami = () => api.get('/session', undefined, { skipAuthRedirect: true });
export const logout = () => api.del('/session', { skipAuthRedirect: true });
export const changePassword = (oldPassword, newPassword) =>
  api.put('/session/password', { old_password: oldPassword, new_password: newPassword });
