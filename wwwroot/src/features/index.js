// The registry: one line per feature, naming its manifest (features/<name>/feature.js). The shell draws the navigation
// from it, main.js registers its routes, messages and activity sentences (core/registry.js). Order in the navigation
// comes from each manifest's nav.order, not from the order of these lines.
export { default as home } from './home/feature.js';
export { default as dashboard } from './dashboard/feature.js';
export { default as documents } from './documents/feature.js';
export { default as goals } from './goals/feature.js';
export { default as actions } from './actions/feature.js';
export { default as meetings } from './meetings/feature.js';
export { default as agreements } from './agreements/feature.js';
export { default as reviews } from './reviews/feature.js';
export { default as files } from './files/feature.js';
export { default as disputes } from './disputes/feature.js';
export { default as members } from './members/feature.js';
export { default as activity } from './activity/feature.js';
export { default as settings } from './settings/feature.js';
export { default as account } from './account/feature.js';
export { default as notifications } from './notifications/feature.js';
export { default as search } from './search/feature.js';
export { default as auth } from './auth/feature.js';
