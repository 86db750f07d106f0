export * from './authorities.js';
export * from './categories.js';
export * from './status.js';
