import { api } from './client.js';

// The tile source and datum (server configuration).
export const mapConfig = () => api.get('/map/config');
// The visible projects as points: {period, total, located, counts, projects: {id, name, lat, lng, light, stage}}.
export const mapProjects = (query) => api.get('/map/projects', query);
export const getOutline = () => api.get('/map/outline');
export const putOutline = (geojson) => api.put('/map/outline', geojson);
export const clearOutline = () => api.del('/map/outline');
export const setLocation = (id, body) => api.put(`/map/projects/${id}/location`, body);
