// 年度计划, 月报 and the reporting settings (tags plans, reports, reporting of docs/api.yaml).
import { api, apiUrl } from './client.js';

// Annual plans.
export const listPlans = (id) => api.get(`/projects/${id}/plans`);
export const getPlan = (id, year) => api.get(`/projects/${id}/plans/${year}`);
export const savePlan = (id, year, body) => api.put(`/projects/${id}/plans/${year}`, body);
export const confirmPlan = (id, year, version) => api.post(`/projects/${id}/plans/${year}/confirm`, { version });

// Monthly reports.
export const listProjectReports = (id) => api.get(`/projects/${id}/reports`);
export const getReport = (id, period) => api.get(`/projects/${id}/reports/${period}`);
export const saveReport = (id, period, body) => api.put(`/projects/${id}/reports/${period}`, body);
export const submitReport = (id, period, body) => api.post(`/projects/${id}/reports/${period}/submit`, body);
export const approveReport = (id, period, body) => api.post(`/projects/${id}/reports/${period}/approve`, body);
export const returnReport = (id, period, body) => api.post(`/projects/${id}/reports/${period}/return`, body);
export const unlockReport = (id, period, reason) => api.post(`/projects/${id}/reports/${period}/unlock`, { reason });
export const listReports = (query) => api.get('/reports', query);
export const uploadAttachment = (id, period, file) =>
  api.upload(`/projects/${id}/reports/${period}/attachments`, file, { filename: file.name });
export const deleteAttachment = (aid) => api.del(`/attachments/${aid}`);
export const attachmentUrl = (aid) => apiUrl(`/attachments/${aid}`);

// Calendar, rules, completeness, figures.
export const getCalendar = (year) => api.get('/reporting/calendar', { year });
export const saveWindowRule = (body) => api.put('/reporting/calendar/rule', body);
export const saveWindow = (period, body) => api.put(`/reporting/calendar/${period}`, body);
export const deleteWindow = (period) => api.del(`/reporting/calendar/${period}`);
export const getRules = () => api.get('/reporting/rules');
export const saveRules = (body) => api.put('/reporting/rules', body);
export const getCompleteness = (query) => api.get('/reporting/completeness', query);
export const getFigures = (id, period) => api.get(`/projects/${id}/figures`, { period });
// 总体情况: projects and investment by stage and level, the year's plans and completion.
export const getSummary = (query) => api.get('/reporting/summary', query);

// The month in fewer steps: the reporter's to-do and a new report's prefill; the
// reviewer's comparison and batch approval.
export const getTodo = (period) => api.get('/reporting/todo', period ? { period } : undefined);
export const getPrefill = (id, period) => api.get(`/projects/${id}/reports/${period}/prefill`);
export const getCompare = (id, period) => api.get(`/projects/${id}/reports/${period}/compare`);
export const approveBatch = (body) => api.post('/reports/approve-batch', body);
