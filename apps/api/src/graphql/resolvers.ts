import { SystemResolver } from '../modules/system/system.resolver.js';

/**
 * Every resolver class. The schema printer builds `schema.gql` from this list
 * and a test checks it against the schema the running app serves.
 */
export const RESOLVERS = [SystemResolver];
