/**
 * The fault matrix, faults a run cannot recover from: it must end precisely,
 * and a failing step must not take the others down with it.
 */
import { IntegrationProviderAuthenticationError } from '@jupiterone/integration-sdk-core';

import { Entities, Steps } from '../src/steps/constants';
import { API_PREFIX, startSimulator } from '../tools/simulator';
import { collect, countByType, FAST_CLIENT_ENV } from './collect';
import {
  expectCompleteCoreEstate,
  FAULT_ESTATE,
  useFaultMatrix,
} from './faults';

/**
 * A step whose every request fails: what matters is that it fails alone, not
 * how long each request retries first.
 */
const FEW_ATTEMPTS_ENV = { ...FAST_CLIENT_ENV, SENTINELONE_MAX_ATTEMPTS: '3' };

const { simulator, runWith } = useFaultMatrix();

describe('ends clearly', () => {
  test('10. a cursor returned twice fails the step, naming the endpoint and the cursor', async () => {
    // One stream of agents, so that it is long enough to repeat a cursor.
    const collection = await runWith(
      { repeatedCursor: true, faultPaths: ['/agents'] },
      { ...FAST_CLIENT_ENV, SENTINELONE_MAX_CONCURRENT_REQUESTS: '1' },
    );
    expect(collection.stepStatus[Steps.AGENTS]).toBe('failure');
    expect(collection.partialTypes).toContain(Entities.AGENT._type);
    expect(collection.output).toMatch(
      /GET \/web\/api\/v2\.1\/agents: REPEATED_CURSOR the API returned the cursor '[^']+' a second time/,
    );
    // It stops at once: the third page brought the second's cursor back, and
    // that cursor is neither retried nor followed.
    const agentCursors = simulator()
      .requests.filter((r) => r.path === `${API_PREFIX}/agents`)
      .map((r) => r.query.cursor);
    expect(agentCursors).toEqual([
      undefined,
      expect.any(String),
      expect.any(String),
    ]);
    expect(new Set(agentCursors).size).toBe(3);
    // Steps that do not need agents are unaffected.
    expect(collection.stepStatus[Steps.GROUPS]).toBe('success');
  });

  test('11. a wrong token fails validation with an authentication error after one request', async () => {
    simulator().setFaults({});
    simulator().resetRequestLog();
    const error = await collect({
      serverUrl: simulator().url,
      apiToken: 'wrong-token',
    }).catch((err) => err);
    expect(error).toBeInstanceOf(IntegrationProviderAuthenticationError);
    expect(error.message).toMatch(
      /401.*invalid or expired.*Generate API Token/,
    );
    expect(simulator().requests).toHaveLength(1);
  });

  test('12. a site-scoped token (403 4030010 on account endpoints) falls back to site scope', async () => {
    const siteScoped = await startSimulator({
      ...FAULT_ESTATE,
      siteScoped: true,
    });
    try {
      const collection = await collect({
        serverUrl: siteScoped.url,
        apiToken: 'simulator-api-token',
      });
      expectCompleteCoreEstate(collection);
      expect(siteScoped.requests.some((r) => r.status === 403)).toBe(true);
    } finally {
      await siteScoped.close();
    }
  });
});

describe('failures stay local', () => {
  test('a failing threats step does not stop agents; its type is flagged partial', async () => {
    const collection = await runWith(
      { serverErrorRate: 1, faultPaths: ['/threats'] },
      FEW_ATTEMPTS_ENV,
    );
    expect(collection.stepStatus[Steps.THREATS]).toBe('failure');
    expect(collection.stepStatus[Steps.AGENTS]).toBe('success');
    expect(collection.partialTypes).toContain(Entities.THREAT._type);
    expect(countByType(collection.entities)[Entities.AGENT._type]).toBe(
      FAULT_ESTATE.agents,
    );
  });

  test('an application step refused by the API does not stop the rest', async () => {
    const collection = await runWith(
      { serverErrorRate: 1, faultPaths: ['/application-management'] },
      FEW_ATTEMPTS_ENV,
    );
    expect(collection.stepStatus[Steps.APPLICATIONS]).toBe('failure');
    expect(collection.stepStatus[Steps.VULNERABILITIES]).toBe('failure');
    expect(collection.stepStatus[Steps.THREATS]).toBe('success');
    expect(countByType(collection.entities)[Entities.AGENT._type]).toBe(
      FAULT_ESTATE.agents,
    );
  });
});
