import { api } from './client.js';

export const getEnums = () => api.get('/meta/enums');
// GB/T 4754-2017 门类 and 大类 with names: {items: [{code, name, parent_code, level}], total}.
export const listIndustries = (query = {}) => api.get('/meta/industries', query);
