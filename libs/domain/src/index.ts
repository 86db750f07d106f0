export * from './error-codes.js';
export * from './health.js';
export * from './idempotency.js';
export * from './locales.js';
export * from './cases.js';
export * from './reference-pattern.js';
export * from './lead-arrangement/index.js';
export * from './referral/index.js';
