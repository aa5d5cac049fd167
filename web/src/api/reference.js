import { api } from './client.js';

export const listRegions = () => api.get('/regions');
export const listUnits = (query) => api.get('/units', query);
export const getUnit = (id) => api.get(`/units/${id}`);
export const createUnit = (body) => api.post('/units', body);
export const updateUnit = (id, body) => api.patch(`/units/${id}`, body);
export const listPeople = (query) => api.get('/people', query);
export const createPerson = (body) => api.post('/people', body);
export const updatePerson = (id, body) => api.patch(`/people/${id}`, body);
