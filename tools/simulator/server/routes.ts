/**
 * The routes under /web/api/v2.1: a table of `{ method, pattern, handler }`,
 * so that a module of routes is added with one line (`...moreRoutes(ctx)`).
 */
import { Estate } from '../estate';
import { POSTURE_PATH, PostureAccess, postureRouter } from '../posture';
import { notFound, unauthorized, validation } from './errors';
import { CursorFault } from './faults';
import { answerList, ListContext } from './lists';
import { ScopeRules } from './scope';
import { Sources } from './sources';

export interface RouteContext {
  estate: Estate;
  token: string;
  tokenExpiresAt: string;
  sources: Sources;
  scope: ScopeRules;
  lists: ListContext;
  /** What the token may read of the posture endpoints. */
  postureAccess: PostureAccess;
}

export interface RouteRequest {
  /** Path under /web/api/v2.1, e.g. '/agents'. */
  apiPath: string;
  /** The pattern's capture groups. */
  params: string[];
  query: Record<string, string>;
  body: string;
  /** Whether injected faults apply to this path. */
  eligible: boolean;
}

export interface Reply {
  status: number;
  body: string | Buffer;
  /** Requests with a cursor may get a fault instead of this body. */
  fault?: CursorFault;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against the whole path under /web/api/v2.1. */
  pattern: RegExp;
  handler(request: RouteRequest): Reply;
}

const json = (data: unknown): Reply => ({
  status: 200,
  body: JSON.stringify({ data }),
});

function listRoutes(ctx: RouteContext): Route[] {
  return Object.entries(ctx.sources.byPath).map(([path, source]) => ({
    method: 'GET',
    pattern: new RegExp(`^${path}$`),
    handler: ({ query, eligible }) => {
      const answer = answerList(ctx.lists, source, query, eligible);
      return { status: 200, body: answer.body, fault: answer.fault };
    },
  }));
}

/** The expiry check: the token travels in the body, not the header. */
function tokenDetails(ctx: RouteContext, body: string): Reply {
  let parsed: any;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw validation('Request body is not valid JSON.');
  }
  const apiToken = parsed?.data?.apiToken;
  if (typeof apiToken !== 'string' || !apiToken) {
    throw validation({
      data: { apiToken: ['Missing data for required field.'] },
    });
  }
  if (apiToken !== ctx.token) throw unauthorized();
  return json({
    createdAt: ctx.estate.tokenCreatedAt,
    expiresAt: ctx.tokenExpiresAt,
  });
}

/** The GETs that reveal secrets: served so that tests can spot calls to them. */
function secretRoutes(ctx: RouteContext): Route[] {
  const { estate, sources } = ctx;
  const { groupIndex, siteIndex } = sources.lookup;
  const found = <T>(apiPath: string, value: T | undefined): T => {
    if (value === undefined) throw notFound(apiPath);
    return value;
  };
  return [
    {
      method: 'GET',
      pattern: /^\/groups\/(\d+)\/token$/,
      handler: ({ apiPath, params }) => {
        const g = found(apiPath, groupIndex.get(params[0]));
        return json({ token: estate.groups[g].registrationToken });
      },
    },
    {
      method: 'GET',
      pattern: /^\/sites\/(\d+)\/token$/,
      handler: ({ apiPath, params }) => {
        const s = found(apiPath, siteIndex.get(params[0]));
        return json({ token: estate.sites[s].registrationToken });
      },
    },
    {
      method: 'GET',
      pattern: /^\/accounts\/(\d+)\/uninstall-password\/view$/,
      handler: ({ apiPath, params }) =>
        json({
          password: found(apiPath, estate.uninstallPasswords.get(params[0])),
        }),
    },
  ];
}

/** Policies, exclusions, blocklist, users and roles: `../posture` answers them. */
function postureRoutes(ctx: RouteContext): Route[] {
  const answer = postureRouter(ctx.estate.posture);
  return [
    {
      method: 'GET',
      pattern: POSTURE_PATH,
      handler: ({ apiPath, query }) => {
        const reply = answer('GET', apiPath, query, ctx.postureAccess);
        if (!reply) throw notFound(apiPath);
        return { status: reply.status, body: JSON.stringify(reply.body) };
      },
    },
  ];
}

export function apiRoutes(ctx: RouteContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/users\/api-token-details$/,
      handler: ({ body }) => tokenDetails(ctx, body),
    },
    {
      method: 'GET',
      pattern: /^\/system\/info$/,
      handler: () => json(ctx.estate.systemInfo),
    },
    {
      method: 'GET',
      pattern: /^\/user$/,
      handler: () => json({ ...ctx.estate.user, scope: ctx.scope.userScope }),
    },
    ...listRoutes(ctx),
    ...secretRoutes(ctx),
    ...postureRoutes(ctx),
  ];
}

/** The route for a request, with its capture groups; null: 404. */
export function matchRoute(
  routes: Route[],
  method: string,
  apiPath: string,
): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(apiPath);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}
