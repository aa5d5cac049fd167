// Aliases (简称/别名) of units and people and name look-ups.
import { api } from './client.js';

const base = (owner, id) => `/${owner === 'person' ? 'people' : 'units'}/${id}/aliases`;
export const listAliases = (owner, id) => api.get(base(owner, id));
export const addAlias = (owner, id, alias) => api.post(base(owner, id), { alias });
export const removeAlias = (owner, id, aliasId) => api.del(`${base(owner, id)}/${aliasId}`);
export const resolveUnit = (name) => api.get('/units/resolve', { name });
export const saveValueMappings = (importId, values) => api.put(`/imports/${importId}/values`, { values });
