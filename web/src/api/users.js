import { api } from './client.js';

export const listUsers = () => api.get('/users');
export const createUser = (body) => api.post('/users', body);
export const updateUser = (id, body) => api.patch(`/users/${id}`, body);
export const setUserPassword = (id, password) => api.post(`/users/${id}/password`, { password });
export const unlockUser = (id) => api.post(`/users/${id}/unlock`);
