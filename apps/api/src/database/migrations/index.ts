import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { Identity1764000001000 } from './1764000001000-identity.js';
import { Overlaps1764000002000 } from './1764000002000-overlaps.js';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [Foundation1764000000000, Identity1764000001000, Overlaps1764000002000];
