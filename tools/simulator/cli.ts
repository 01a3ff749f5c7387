/**
 * Runs the SentinelOne simulator until SIGTERM/SIGINT.
 *
 *   ts-node --transpile-only tools/simulator/cli.ts --port 8443 --agents 5000 \
 *     --groups 50 --sites 5 --latency 0 [--site-scoped] [--unlicensed] \
 *     [--refuse-permissions 'Policy.view,Users.view'] ...
 *
 * Prints `SIMULATOR_URL=http://127.0.0.1:<port>` once listening, then one JSON
 * line with the estate totals (`threatsInPolicyCount` uses --lookback-days).
 * `--help` lists every flag.
 */
import { POSTURE_PERMISSIONS, PosturePermission } from './posture';
import { FaultOptions, SimulatorOptions, startSimulator } from './server';

interface Extra {
  expiresInDays?: number;
}

interface Flag {
  name: string;
  kind:
    | 'number'
    | 'string'
    | 'boolean'
    | 'list'
    | 'numberList'
    | 'nullableNumber';
  help: string;
  apply: (
    options: SimulatorOptions,
    faults: FaultOptions,
    value: any,
    extra: Extra,
  ) => void;
}

const FLAGS: Flag[] = [
  {
    name: 'port',
    kind: 'number',
    help: 'port (default 0: random)',
    apply: (o, _f, v) => (o.port = v),
  },
  {
    name: 'seed',
    kind: 'number',
    help: 'seed (default 1)',
    apply: (o, _f, v) => (o.seed = v),
  },
  {
    name: 'accounts',
    kind: 'number',
    help: 'accounts (default 1)',
    apply: (o, _f, v) => (o.accounts = v),
  },
  {
    name: 'sites',
    kind: 'number',
    help: 'sites (default 2)',
    apply: (o, _f, v) => (o.sites = v),
  },
  {
    name: 'groups',
    kind: 'number',
    help: 'groups incl. default groups (default 4)',
    apply: (o, _f, v) => (o.groups = v),
  },
  {
    name: 'agents',
    kind: 'number',
    help: 'agents (default 20)',
    apply: (o, _f, v) => (o.agents = v),
  },
  {
    name: 'agents-per-site',
    kind: 'numberList',
    help: 'agents of each site, e.g. 0,1000,0 (sets --sites and --agents)',
    apply: (o, _f, v) => (o.agentsPerSite = v),
  },
  {
    name: 'sites-per-account',
    kind: 'numberList',
    help: 'sites of each account, e.g. 3,0,1 (sets --accounts and --sites)',
    apply: (o, _f, v) => (o.sitesPerAccount = v),
  },
  {
    name: 'threats',
    kind: 'number',
    help: 'threats (default max(6, agents/5))',
    apply: (o, _f, v) => (o.threats = v),
  },
  {
    name: 'applications',
    kind: 'number',
    help: 'inventory rows (default 8)',
    apply: (o, _f, v) => (o.applications = v),
  },
  {
    name: 'cves-per-version',
    kind: 'number',
    help: 'CVEs per vulnerable version (default 2)',
    apply: (o, _f, v) => (o.cvesPerVulnerableVersion = v),
  },
  {
    name: 'now',
    kind: 'string',
    help: 'reference clock (ISO date; default: now)',
    apply: (o, _f, v) => (o.now = parseDate('now', v)),
  },
  {
    name: 'latency',
    kind: 'number',
    help: 'delay before every response, ms',
    apply: (o, _f, v) => (o.latencyMs = v),
  },
  {
    name: 'token',
    kind: 'string',
    help: "accepted API token (default 'simulator-api-token')",
    apply: (o, _f, v) => (o.token = v),
  },
  {
    name: 'token-expires-at',
    kind: 'string',
    help: 'ISO expiry returned by users/api-token-details',
    apply: (o, _f, v) => (o.tokenExpiresAt = v),
  },
  {
    name: 'token-expires-in-days',
    kind: 'number',
    help: 'token expiry relative to --now',
    apply: (_o, _f, v, extra) => (extra.expiresInDays = v),
  },
  {
    name: 'site-scoped',
    kind: 'boolean',
    help: 'site-scoped token: 403 4030010 on account-level requests',
    apply: (o) => (o.siteScoped = true),
  },
  {
    name: 'refuse-permissions',
    kind: 'list',
    help: `posture permissions the token lacks, 403 on their endpoints (comma list of: ${POSTURE_PERMISSIONS.join(
      ', ',
    )})`,
    apply: (o, _f, v: string[]) => (o.refusedPermissions = v.map(permission)),
  },
  {
    name: 'token-site-ids',
    kind: 'list',
    help: 'token sees only these sites (comma list; a site user)',
    apply: (o, _f, v) =>
      (o.tokenScope = { ...o.tokenScope, siteIds: v as string[] }),
  },
  {
    name: 'token-account-ids',
    kind: 'list',
    help: 'token sees only these accounts (comma list)',
    apply: (o, _f, v) =>
      (o.tokenScope = { ...o.tokenScope, accountIds: v as string[] }),
  },
  {
    name: 'no-variations',
    kind: 'boolean',
    help: 'records exactly as the specification declares them (no docker hosts, string booleans, ...)',
    apply: (o) => (o.variations = false),
  },
  {
    name: 'unlicensed',
    kind: 'boolean',
    help: 'application management not licensed (403)',
    apply: (o) => (o.applicationManagementLicensed = false),
  },
  {
    name: 'html-login-page',
    kind: 'boolean',
    help: 'answer every request with an HTML login page',
    apply: (o) => (o.htmlLoginPage = true),
  },
  {
    name: 'redirect-to',
    kind: 'string',
    help: 'answer every request with a 302 to this origin',
    apply: (o, _f, v) => (o.redirectTo = v),
  },
  {
    name: 'lookback-days',
    kind: 'number',
    help: 'look-back of totals.threatsInPolicyCount (default 30)',
    apply: (o, _f, v) => (o.resolvedLookbackDays = v),
  },
  {
    name: 'no-prewarm',
    kind: 'boolean',
    help: 'do not pre-serialize agents after startup',
    apply: (o) => (o.prewarm = false),
  },
  {
    name: 'server-error-rate',
    kind: 'number',
    help: 'fault: fraction of 500/502/503 answers',
    apply: (_o, f, v) => (f.serverErrorRate = v),
  },
  {
    name: 'rate-limit',
    kind: 'number',
    help: 'fault: 429 above N requests per second',
    apply: (_o, f, v) => (f.rateLimitPerSecond = v),
  },
  {
    name: 'retry-after',
    kind: 'nullableNumber',
    help: "fault: Retry-After seconds with 429 ('none': no header)",
    apply: (_o, f, v) => (f.retryAfterSeconds = v),
  },
  {
    name: 'truncated-pages',
    kind: 'number',
    help: 'fault: first N cursor pages truncated',
    apply: (_o, f, v) => (f.truncatedPages = v),
  },
  {
    name: 'hanging-requests',
    kind: 'number',
    help: 'fault: first N cursor requests never answered',
    apply: (_o, f, v) => (f.hangingRequests = v),
  },
  {
    name: 'resets-mid-body',
    kind: 'number',
    help: 'fault: first N cursor requests reset mid-body',
    apply: (_o, f, v) => (f.resetsMidBody = v),
  },
  {
    name: 'repeat-record-rate',
    kind: 'number',
    help: "fault: fraction of pages repeating the previous page's last record",
    apply: (_o, f, v) => (f.repeatRecordRate = v),
  },
  {
    name: 'null-field-rate',
    kind: 'number',
    help: 'fault: fraction of optional fields null or missing',
    apply: (_o, f, v) => (f.nullFieldRate = v),
  },
  {
    name: 'malformed-records',
    kind: 'number',
    help: 'fault: N extra malformed records per list endpoint',
    apply: (_o, f, v) => (f.malformedRecords = v),
  },
  {
    name: 'repeated-cursor',
    kind: 'boolean',
    help: 'fault: the third page returns the second cursor again',
    apply: (_o, f) => (f.repeatedCursor = true),
  },
  {
    name: 'fault-paths',
    kind: 'list',
    help: "fault: only paths starting with these (comma list, e.g. '/agents')",
    apply: (_o, f, v) => (f.faultPaths = v),
  },
];

function permission(value: string): PosturePermission {
  const known = POSTURE_PERMISSIONS.find((p) => p === value);
  if (!known) {
    throw new Error(
      `--refuse-permissions: unknown permission '${value}' (one of: ${POSTURE_PERMISSIONS.join(
        ', ',
      )})`,
    );
  }
  return known;
}

function parseDate(name: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`--${name}: not a date: ${value}`);
  return date;
}

function usage(): string {
  return [
    'Usage: ts-node --transpile-only tools/simulator/cli.ts [flags]',
    ...FLAGS.map(
      (f) =>
        `  --${f.name}${f.kind === 'boolean' ? '' : ' <value>'}  ${f.help}`,
    ),
  ].join('\n');
}

export function parseArgs(argv: string[]): SimulatorOptions {
  const options: SimulatorOptions = {};
  const faults: FaultOptions = {};
  const extra: Extra = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    }
    if (!arg.startsWith('--'))
      throw new Error(`unexpected argument: ${arg}\n${usage()}`);
    let name = arg.slice(2);
    let inline: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      inline = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const flag = FLAGS.find((f) => f.name === name);
    if (!flag) throw new Error(`unknown flag: --${name}\n${usage()}`);
    if (flag.kind === 'boolean') {
      flag.apply(options, faults, true, extra);
      continue;
    }
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new Error(`--${name} needs a value`);
    let value: unknown = raw;
    if (flag.kind === 'number' || flag.kind === 'nullableNumber') {
      if (flag.kind === 'nullableNumber' && (raw === 'none' || raw === 'null'))
        value = null;
      else {
        value = Number(raw);
        if (!Number.isFinite(value as number))
          throw new Error(`--${name}: not a number: ${raw}`);
      }
    } else if (flag.kind === 'list' || flag.kind === 'numberList') {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      value = flag.kind === 'list' ? items : items.map(Number);
      if (flag.kind === 'numberList' && items.some((s) => !/^\d+$/.test(s)))
        throw new Error(`--${name}: not a list of counts: ${raw}`);
    }
    flag.apply(options, faults, value, extra);
  }
  const expiresInDays = extra.expiresInDays;
  if (typeof expiresInDays === 'number' && !options.tokenExpiresAt) {
    const now = options.now ?? new Date();
    options.tokenExpiresAt = new Date(
      now.getTime() + expiresInDays * 86_400_000,
    ).toISOString();
  }
  if (Object.keys(faults).length) options.faults = faults;
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const simulator = await startSimulator(options);
  const { threatsInPolicy: _fn, ...totals } = simulator.totals;
  console.log(`SIMULATOR_URL=${simulator.url}`);
  console.log(JSON.stringify(totals));
  console.error(
    `SentinelOne simulator listening on ${simulator.url} (started in ${
      Date.now() - started
    } ms)`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
