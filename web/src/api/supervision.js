// 前期手续, 挂图作战, 问题台账, 督办单 and 调度会 (tags procedures, battle chart, problems, meetings
// of docs/api.yaml).
import { api, apiUrl } from './client.js';

export const listProcedures = (id) => api.get(`/projects/${id}/procedures`);
export const getBattleChart = (id) => api.get(`/projects/${id}/battle-chart`);
export const listOverdueProcedures = (query) => api.get('/procedures/overdue', query);

export const listProblems = (query) => api.get('/problems', query);
export const getProblem = (id) => api.get(`/problems/${id}`);
export const problemEvents = (id) => api.get(`/problems/${id}/events`);
export const raiseProblem = (body) => api.post('/problems', body);
export const actOnProblem = (id, action, body) => api.post(`/problems/${id}/${action}`, body);
export const problemStats = (query) => api.get('/problem-stats', query);

export const listOrders = (query) => api.get('/supervision-orders', query);
export const answerOrder = (id, body) => api.post(`/supervision-orders/${id}/answer`, body);

export const listMeetings = (query) => api.get('/meetings', query);
export const getMeeting = (id) => api.get(`/meetings/${id}`);
export const meetingAgenda = (id) => api.get(`/meetings/${id}/agenda`);
export const minutesUrl = (id) => apiUrl(`/meetings/${id}/minutes.txt`);
