export * from './ability.js';
export * from './actor.js';
