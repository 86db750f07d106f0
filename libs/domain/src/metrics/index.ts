export * from './types.js';
export * from './grid.js';
export * from './random.js';
export * from './discrete-laplace.js';
export * from './epsilon.js';
export * from './release.js';
