import { Foundation1764000000000 } from './1764000000000-foundation.js';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [Foundation1764000000000];
