export * from './base64.js';
export * from './cases.js';
export * from './group-key.js';
export * from './import.js';
export * from './oprf.js';
export * from './request.js';
export * from './session.js';
