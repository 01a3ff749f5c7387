/**
 * `ts-node --transpile-only bench/simulator-speed.ts [--agents N] [--latency MS]`:
 * prints how long the simulator takes to generate an estate and to serve one
 * full iteration of `GET /agents` (1000 per page, after prewarm), and how long
 * it takes to start and cache every agent's JSON (prewarm). Figures are
 * printed, never asserted: speed depends on the machine.
 */
import http from 'http';

import {
  DEFAULT_TOKEN,
  generateEstate,
  startSimulator,
} from '../tools/simulator';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function get(url: string): Promise<any> {
  return new Promise((resolve, reject) => {
    http
      .get(
        url,
        { headers: { Authorization: `ApiToken ${DEFAULT_TOKEN}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
          );
        },
      )
      .on('error', reject);
  });
}

async function waitWarm(url: string): Promise<void> {
  while (!(await get(`${url}/__simulator/stats`)).warm) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  const agents = flag('agents', 100_000);
  const latencyMs = flag('latency', 50);
  const shape = { agents, sites: 20, groups: 200, threats: 0, applications: 0 };

  let started = process.hrtime.bigint();
  generateEstate(shape);
  const generateMs = Number(process.hrtime.bigint() - started) / 1e6;

  started = process.hrtime.bigint();
  const simulator = await startSimulator({ ...shape, latencyMs });
  try {
    await waitWarm(simulator.url);
    // Until every agent's JSON is cached: what a benchmark waits for.
    const warmMs = Number(process.hrtime.bigint() - started) / 1e6;
    started = process.hrtime.bigint();
    let cursor: string | null = null;
    let served = 0;
    let pages = 0;
    do {
      const query: string = `limit=1000&isDecommissioned=true,false${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`;
      const page: any = await get(
        `${simulator.url}/web/api/v2.1/agents?${query}`,
      );
      served += page.data.length;
      pages++;
      cursor = page.pagination.nextCursor;
    } while (cursor);
    const iterationMs = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      JSON.stringify({
        agents,
        latencyMs,
        generateEstateMs: Math.round(generateMs),
        startAndPrewarmMs: Math.round(warmMs),
        agentIterationMs: Math.round(iterationMs),
        pages,
        served,
        perPageOverLatencyMs:
          Math.round((iterationMs / pages - latencyMs) * 10) / 10,
      }),
    );
  } finally {
    await simulator.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
