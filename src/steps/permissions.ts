import { OptionalSource } from './framework';

/**
 * The SentinelOne permissions (role permissions in the console, Settings >
 * Users > Roles) each optional source needs; `docs/jupiterone.md` lists them.
 */
export const Permissions = {
  POLICY: 'Policy.view',
  EXCLUSIONS: 'Exclusions.view',
  USERS: 'Users.view',
  SERVICE_USERS: 'Service Users.view',
  ROLES: 'Roles.view',
} as const;

function grant(what: string, permission: string): OptionalSource {
  return {
    what,
    remedy: `Grant the API token's role the SentinelOne permission ${permission} to collect them; everything else was collected.`,
  };
}

/** Sources the API may refuse, and the warning that says what to do. */
export const OptionalSources = {
  /** Application Management answers 404 to a tenant without its licence. */
  applicationManagement: (what: string): OptionalSource => ({
    what,
    remedy:
      "The tenant may lack the Application Management (Singularity Vulnerability Management) licence, or the API token's role may not view applications.",
    notFoundIsRefusal: true,
  }),
  policies: grant('Protection policies', Permissions.POLICY),
  exclusions: grant('Exclusions', Permissions.EXCLUSIONS),
  users: grant('Console users', Permissions.USERS),
  serviceUsers: grant('Service users', Permissions.SERVICE_USERS),
  roles: grant('Roles', Permissions.ROLES),
} as const;
