// Calls of the notifications API (the views never fetch themselves).
import { get, post, put } from '../../core/api.js';

export const unread = () => get('/api/notifications/unread');
export const page = before => get(`/api/notifications${before ? `?before=${before}` : ''}`);
export const markRead = id => post(`/api/notifications/${id}/read`);
export const markAllRead = () => post('/api/notifications/read-all');
export const settings = () => get('/api/notifications/settings');
export const saveSettings = body => put('/api/notifications/settings', body);
