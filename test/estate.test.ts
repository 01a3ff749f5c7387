/**
 * The whole estate end to end (validation, every step, schema validation on):
 * what is collected equals the simulator's own totals, each object once.
 */
import {
  Entities,
  MappedRelationships,
  Relationships,
  Steps,
} from '../src/steps/constants';
import {
  RunningSimulator,
  startSimulator,
  threatsInPolicy,
} from '../tools/simulator';
import {
  collect,
  collectEstate,
  Collection,
  countByType,
  warnLogLines,
} from './collect';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('5,000 agents in 50 groups over 5 sites', () => {
  let simulator: RunningSimulator;
  let collection: Collection;

  beforeAll(async () => {
    ({ simulator, collection } = await collectEstate({
      seed: 11,
      sites: 5,
      groups: 50,
      agents: 5000,
      threats: 400,
      applications: 12,
    }));
  });

  test('every step succeeds', () => {
    expect(Object.values(collection.stepStatus)).toEqual(
      Object.values(Steps).map(() => 'success'),
    );
    expect(collection.partialTypes).toEqual([]);
  });

  test('the seed model: 1 account, 50 groups, 5,000 agents and their relationships, each once', () => {
    const entities = countByType(collection.entities);
    const relationships = countByType(collection.relationships);
    expect(entities[Entities.ACCOUNT._type]).toBe(1);
    expect(entities[Entities.GROUP._type]).toBe(50);
    expect(entities[Entities.AGENT._type]).toBe(5000);
    expect(relationships[Relationships.ACCOUNT_HAS_GROUP._type]).toBe(50);
    expect(relationships[Relationships.GROUP_HAS_AGENT._type]).toBe(5000);
    const keys = [...collection.entities, ...collection.relationships].map(
      (o) => o._key,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('sites, threats in policy, application versions, installs and CVE findings equal the totals', () => {
    const { totals } = simulator;
    const entities = countByType(collection.entities);
    const relationships = countByType(collection.relationships);
    expect(entities[Entities.SITE._type]).toBe(totals.sites);
    expect(relationships[Relationships.ACCOUNT_HAS_SITE._type]).toBe(
      totals.sites,
    );
    expect(relationships[Relationships.SITE_HAS_GROUP._type]).toBe(
      totals.groups,
    );
    expect(entities[Entities.THREAT._type]).toBe(
      threatsInPolicy(simulator.estate, 30),
    );
    expect(entities[Entities.APPLICATION._type]).toBe(
      totals.applicationVersions,
    );
    expect(relationships[Relationships.AGENT_INSTALLED_APPLICATION._type]).toBe(
      totals.installs,
    );
    expect(entities[Entities.FINDING._type]).toBe(totals.risks);
    expect(relationships[Relationships.AGENT_IDENTIFIED_FINDING._type]).toBe(
      totals.risks,
    );
  });

  test('every agent and every finding carries its mapped relationship', () => {
    const relationships = countByType(collection.relationships);
    expect(relationships[MappedRelationships.AGENT_PROTECTS_DEVICE._type]).toBe(
      5000,
    );
    expect(relationships[MappedRelationships.FINDING_IS_CVE._type]).toBe(
      simulator.totals.risks,
    );
  });

  test('records as real consoles send them reach the graph normalised', () => {
    const { variations } = simulator.totals;
    const agents = collection.entities.filter(
      (e) => e._type === Entities.AGENT._type,
    );
    const carrying = (property: string) =>
      agents.filter((agent) => agent[property] !== undefined).length;
    expect(variations.ipv6GlobalAgents).toBeGreaterThan(0);
    expect(carrying('ipv6Address')).toBe(
      variations.ipv6GlobalAgents + variations.ipv6OnlyAgents,
    );
    expect(carrying('ipAddress')).toBe(agents.length);
    expect(carrying('adComputerDistinguishedName')).toBe(
      variations.activeDirectoryAgents,
    );
    expect(carrying('cloudInstanceId')).toBe(variations.cloudInstances);
    expect(agents.filter((agent) => agent.domain === 'unknown')).toEqual([]);

    const blank = [...collection.entities, ...collection.relationships].filter(
      (object) => Object.values(object).some((value) => value === ''),
    );
    expect(blank.map((object) => object._key)).toEqual([]);

    const closedFindings = collection.entities.filter(
      (e) => e._type === Entities.FINDING._type && e.open === false,
    );
    expect(closedFindings.length).toBe(variations.removedRisks);

    const hostnameKeys = collection.relationships
      .filter(
        (r) => r._type === MappedRelationships.AGENT_PROTECTS_DEVICE._type,
      )
      .map((r) => (r as any)._mapping.targetEntity.hostname)
      .filter((hostname) => typeof hostname === 'string');
    expect(variations.genericHostnames).toBeGreaterThan(0);
    expect(
      hostnameKeys.filter((hostname) => /^localhost/i.test(hostname)),
    ).toEqual([]);
  });

  test('threats link only to collected agents', () => {
    const agentKeys = new Set(
      collection.entities
        .filter((e) => e._type === Entities.AGENT._type)
        .map((e) => e._key),
    );
    const identified = collection.relationships.filter(
      (r) => r._type === Relationships.AGENT_IDENTIFIED_THREAT._type,
    );
    expect(identified.length).toBeGreaterThan(0);
    expect(
      identified.every((r) => agentKeys.has(r._fromEntityKey as string)),
    ).toBe(true);
  });

  test('nothing is requested twice: validation and fetch-account share the console facts', () => {
    const requestsTo = (endpoint: string) =>
      simulator.requests.filter((r) => r.path === `/web/api/v2.1/${endpoint}`)
        .length;
    expect(requestsTo('system/info')).toBe(1);
    expect(requestsTo('users/api-token-details')).toBe(1);
    expect(requestsTo('accounts')).toBe(1);
  });
});

describe('API token expiry', () => {
  const warnings = (collection: Collection) =>
    collection.events.filter((e) => e.name === 'warn_api_token_expiring');

  test('a token expiring in 5 days yields a warning with its date', async () => {
    const expiresAt = new Date(Date.now() + 5 * DAY_MS).toISOString();
    const { collection } = await collectEstate({
      agents: 5,
      tokenExpiresAt: expiresAt,
    });
    expect(warnings(collection)).toHaveLength(1);
    expect(warnings(collection)[0].description).toMatch(
      new RegExp(
        `expires on ${expiresAt.slice(
          0,
          10,
        )}.*\\(in 4 day\\(s\\)\\)|expires on ${expiresAt.slice(
          0,
          10,
        )}.*\\(in 5 day\\(s\\)\\)`,
      ),
    );
    const account = collection.entities.find(
      (e) => e._type === Entities.ACCOUNT._type,
    )!;
    expect(account.tokenExpiresOn).toBe(Date.parse(expiresAt));
    // A local `j1-integration collect` prints logs, not events.
    expect(warnLogLines(collection.output)).toContain(
      warnings(collection)[0].description,
    );
  });

  test('a token expiring in 90 days yields none', async () => {
    const expiresAt = new Date(Date.now() + 90 * DAY_MS).toISOString();
    const { collection } = await collectEstate({
      agents: 5,
      tokenExpiresAt: expiresAt,
    });
    expect(warnings(collection)).toHaveLength(0);
  });
});

describe('scope', () => {
  test('a site-scoped token collects everything it may see without a failed step', async () => {
    const { simulator, collection } = await collectEstate({
      seed: 4,
      sites: 3,
      groups: 9,
      agents: 300,
      applications: 4,
      siteScoped: true,
    });
    expect(
      Object.values(collection.stepStatus).every((s) => s === 'success'),
    ).toBe(true);
    const entities = countByType(collection.entities);
    expect(entities[Entities.AGENT._type]).toBe(simulator.totals.agents);
    expect(entities[Entities.FINDING._type]).toBe(simulator.totals.risks);
    const account = collection.entities.find(
      (e) => e._type === Entities.ACCOUNT._type,
    )!;
    expect(account.scope).toBe('site');
  });

  test('siteIds restricts the collection to those sites', async () => {
    const simulator = await startSimulator({
      seed: 4,
      sites: 3,
      groups: 9,
      agents: 300,
    });
    try {
      const [site] = simulator.estate.sites;
      const collection = await collect({
        serverUrl: simulator.url,
        apiToken: 'simulator-api-token',
        siteIds: site.id,
      });
      const agents = collection.entities.filter(
        (e) => e._type === Entities.AGENT._type,
      );
      expect(agents.length).toBe(
        simulator.estate.agents.filter((a) => a.siteId === site.id).length,
      );
      expect(agents.every((a) => a.siteId === site.id)).toBe(true);
      expect(countByType(collection.entities)[Entities.SITE._type]).toBe(1);
    } finally {
      await simulator.close();
    }
  });

  test('an unlicensed tenant: application steps warn and succeed', async () => {
    const { collection } = await collectEstate({
      agents: 20,
      applicationManagementLicensed: false,
    });
    expect(collection.stepStatus[Steps.APPLICATIONS]).toBe('success');
    expect(collection.stepStatus[Steps.VULNERABILITIES]).toBe('success');
    const missing = collection.events.filter(
      (e) => e.name === 'warn_missing_permission',
    );
    expect(missing).toHaveLength(2);
    expect(missing[0].description).toMatch(/Application Management/);
    expect(warnLogLines(collection.output)).toEqual(
      expect.arrayContaining(missing.map((event) => event.description)),
    );
  });
});
