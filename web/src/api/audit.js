import { api } from './client.js';

export const listAudit = (query) => api.get('/audit', query);
export const verifyAudit = () => api.get('/audit/verify');
