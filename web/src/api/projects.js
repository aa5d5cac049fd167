import { api } from './client.js';

export const listProjects = (query) => api.get('/projects', query);
export const getProject = (id) => api.get(`/projects/${id}`);
export const createProject = (body) => api.post('/projects', body);
export const updateProject = (id, body) => api.patch(`/projects/${id}`, body);
export const moveStage = (id, body) => api.post(`/projects/${id}/stage`, body);
export const stageHistory = (id) => api.get(`/projects/${id}/stages`);
export const listAssignments = (id) => api.get(`/projects/${id}/assignments`);
export const addAssignment = (id, body) => api.post(`/projects/${id}/assignments`, body);
export const updateAssignment = (id, aid, body) => api.patch(`/projects/${id}/assignments/${aid}`, body);
export const deleteAssignment = (id, aid) => api.del(`/projects/${id}/assignments/${aid}`);
// Only the total: the list endpoint with limit=1.
export const countProjects = async (query) => (await listProjects({ ...query, limit: 1 })).total;
