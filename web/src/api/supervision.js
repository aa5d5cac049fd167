// 前期手续, 挂图作战, 问题台账, 督办单 and 调度会 (tags procedures, battle chart, problems, meetings
// of docs/api.yaml).
import { api, apiUrl } from './client.js';
import { can } from '../session.js';

export const listProcedures = (id) => api.get(`/projects/${id}/procedures`);
export const getBattleChart = (id) => api.get(`/projects/${id}/battle-chart`);
export const applyProcedures = (id, body = {}) => api.post(`/projects/${id}/procedures/apply`, body);
export const updateProcedure = (id, pid, body) => api.patch(`/projects/${id}/procedures/${pid}`, body);
export const listProcedureAttachments = (id, pid) => api.get(`/projects/${id}/procedures/${pid}/attachments`);
export const uploadProcedureAttachment = (id, pid, file) =>
  api.upload(`/projects/${id}/procedures/${pid}/attachments`, file, { filename: file.name });
export const addMilestone = (id, body) => api.post(`/projects/${id}/milestones`, body);
export const updateMilestone = (id, mid, body) => api.patch(`/projects/${id}/milestones/${mid}`, body);
export const planBattleChart = (id, body) => api.post(`/projects/${id}/battle-chart/plan`, body);
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
export const createMeeting = (body) => api.post('/meetings', body);
export const updateMeeting = (id, body) => api.patch(`/meetings/${id}`, body);
export const addDecision = (id, body) => api.post(`/meetings/${id}/decisions`, body);

// Templates, procedures, battle-chart tasks and meetings are managed by the office (the server's
// `manage_supervision` flag); the server also lets a project's departments and owner edit its
// procedures and tasks, but the UI offers editing to the office only.
export const canEditSupervision = () => can('manage_supervision');
