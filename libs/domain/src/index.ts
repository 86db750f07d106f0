export * from './error-codes.js';
export * from './health.js';
export * from './locales.js';
export * from './cases.js';
