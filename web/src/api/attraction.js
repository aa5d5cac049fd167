// 招商引资 (leads, contracts, signing events, rates), 三个一批 rounds and 目标任务.
import { api } from './client.js';

export const listLeads = (query) => api.get('/leads', query);
export const getLead = (id) => api.get(`/leads/${id}`);
export const createLead = (body) => api.post('/leads', body);
export const updateLead = (id, body) => api.put(`/leads/${id}`, body);
export const moveLead = (id, body) => api.post(`/leads/${id}/stage`, body);
export const signContract = (id, body) => api.post(`/leads/${id}/contract`, body);
export const updateContract = (id, body) => api.put(`/leads/${id}/contract`, body);
export const convertLead = (id, body) => api.post(`/leads/${id}/convert`, body);
export const projectLead = (projectId) => api.get(`/projects/${projectId}/lead`);

export const listEvents = (query) => api.get('/signing-events', query);
export const getEvent = (id) => api.get(`/signing-events/${id}`);
export const createEvent = (body) => api.post('/signing-events', body);
export const attractionRates = (query) => api.get('/attraction/rates', query);

export const listRounds = (query) => api.get('/campaign-rounds', query);
export const getRound = (id) => api.get(`/campaign-rounds/${id}`);
export const createRound = (body) => api.post('/campaign-rounds', body);
export const addRoundProject = (id, body) => api.post(`/campaign-rounds/${id}/projects`, body);
export const removeRoundProject = (id, projectId) => api.del(`/campaign-rounds/${id}/projects/${projectId}`);
export const productionProposal = (id) => api.get(`/campaign-rounds/${id}/production-proposal`);

export const listTargets = (query) => api.get('/targets', query);
export const getTarget = (id) => api.get(`/targets/${id}`);
export const createTarget = (body) => api.post('/targets', body);
export const addTargetActual = (id, body) => api.post(`/targets/${id}/actuals`, body);
