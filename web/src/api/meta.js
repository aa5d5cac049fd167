import { api } from './client.js';

export const getEnums = () => api.get('/meta/enums');
