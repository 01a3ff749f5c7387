/**
 * Posture endpoints of the simulator (issue 10): protection policies at every
 * scope, exclusions, blocklist, console users, service users and roles.
 * Plain scope data in (`generatePosture`), `{status, body}` out
 * (`postureRouter`), so that any HTTP layer can serve it; records are the
 * types of `../wire`, query parameters and errors those of `../server/params`
 * and `../server/errors`, like every other list of the simulator.
 */
export { generatePosture } from './generate';
export type { PostureEstate, PostureTotals } from './generate';
export { POSTURE_PATH, postureRouter, POSTURE_PERMISSIONS } from './routes';
export type {
  PostureAccess,
  PosturePermission,
  PostureResponse,
  PostureRoute,
  PostureRouter,
} from './routes';
export { scopeKey } from './scopes';
export type { PostureInput, ScopeLevel, TokenScope } from './scopes';
export type { ScopePolicy } from './policies';
