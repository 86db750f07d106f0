export * from './types.js';
export { leadersOf, normaliseRoles, roleOf, rolesProblem } from './roles.js';
export { availableActions, initialArrangement, transition } from './transition.js';
