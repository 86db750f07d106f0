export type OrganisationKind = 'cso' | 'donor' | 'secretariat';
export type UserRole = 'org_admin' | 'investigator' | 'viewer';

/**
 * Who is acting, as the hub resolved it from the session. The same shape is
 * sent to the web client (`me`), which builds the same abilities from it to
 * decide what to show; the API decides what is allowed.
 */
export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
  role: UserRole | null;
  /** Working groups this user coordinates. */
  coordinatorOf: readonly string[];
  /** Working groups where the user's organisation is an active member. */
  memberOf: readonly string[];
  /** Working groups the user's organisation funds (donor read access). */
  donorOf: readonly string[];
}
