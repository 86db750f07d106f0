export * from './types.js';
export { leadersOf, normaliseRoles, roleOf, rolesProblem } from './roles.js';
export { availableActions } from './available-actions.js';
export { initialArrangement, transition } from './transition.js';
