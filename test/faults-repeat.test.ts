/**
 * The fault matrix, repeated: whatever the faults do to one run, every run
 * collects the same graph.
 */
import { startSimulator } from '../tools/simulator';
import { collect, FAST_CLIENT_ENV, SHORT_TIMEOUT_ENV } from './collect';

/** Ten collections may take ten times what one may. */
const TEN_RUNS_TIMEOUT_MS = 10 * 60_000;

test(
  'ten consecutive collections with faults 1-9 give the same keys',
  async () => {
    const small = await startSimulator({
      seed: 9,
      sites: 2,
      groups: 6,
      agents: 1500,
    });
    try {
      const keySets: string[] = [];
      for (let run = 0; run < 10; run++) {
        small.setFaults({
          serverErrorRate: 0.05,
          rateLimitPerSecond: 40,
          retryAfterSeconds: run % 2 ? 1 : null,
          truncatedPages: 1,
          hangingRequests: run === 3 ? 1 : 0,
          resetsMidBody: 1,
          repeatRecordRate: 0.2,
          nullFieldRate: 0.3,
          malformedRecords: 2,
        });
        const collection = await collect(
          { serverUrl: small.url, apiToken: 'simulator-api-token' },
          // Only a request that never answers waits for the timeout.
          run === 3 ? SHORT_TIMEOUT_ENV : FAST_CLIENT_ENV,
        );
        keySets.push(
          [...collection.entities, ...collection.relationships]
            .map((o) => o._key)
            .sort()
            .join('\n'),
        );
      }
      expect(new Set(keySets).size).toBe(1);
      const agentKeys = keySets[0]
        .split('\n')
        .filter((key) => /^sentinelone_agent-id-\d+$/.test(key));
      expect(agentKeys.length).toBe(small.totals.agents);
    } finally {
      await small.close();
    }
  },
  TEN_RUNS_TIMEOUT_MS,
);
