export * from './credentials.js';
export * from './user-keys.js';
export * from './account-material.js';
export * from './group-key.js';
