/**
 * Nothing leaked, nothing written: the token never leaves, secrets never
 * reach the graph, and only read requests reach the console.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

import { RunningSimulator, startSimulator } from '../tools/simulator';
import { collect, Collection } from './collect';

const TOKEN = 'eyJDISTINCTIVE-TOKEN-7c1e9a42-do-not-leak';
const SECRET_FIELDS = ['licenseKey', 'registrationToken', 'passphrase'];

let simulator: RunningSimulator;
let collection: Collection;

beforeAll(async () => {
  simulator = await startSimulator({
    seed: 5,
    sites: 2,
    groups: 6,
    agents: 300,
    token: TOKEN,
    // A fault or two makes the client log retries and errors too.
    faults: { serverErrorRate: 0.1, truncatedPages: 1 },
  });
  collection = await collect({ serverUrl: simulator.url, apiToken: TOKEN });
});

afterAll(() => simulator.close());

/** Every secret value the simulator put in its records. */
function secretValues(): string[] {
  const values: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [field, child] of Object.entries(value)) {
        if (SECRET_FIELDS.includes(field) && typeof child === 'string')
          values.push(child);
        else visit(child);
      }
    }
  };
  visit(simulator.estate);
  return values;
}

describe('the API token', () => {
  test('never appears in anything written to the storage directory', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sentinelone-j1-'));
    try {
      const onDisk = await collect(
        { serverUrl: simulator.url, apiToken: TOKEN },
        undefined,
        {
          storageDirectory: directory,
        },
      );
      expect(onDisk.entities.length).toBeGreaterThan(300);
      const files = findFiles(directory, () => true);
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN);
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  test('never appears in logs, events or graph objects', () => {
    expect(collection.entities.length).toBeGreaterThan(300);
    expect(collection.output.length).toBeGreaterThan(0);
    const everything = [
      collection.output,
      JSON.stringify(collection.events),
      JSON.stringify(collection.entities),
      JSON.stringify(collection.relationships),
    ].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.slice(0, 20));
  });

  test('never appears in a committed Polly recording', () => {
    const recordings = findFiles(path.join(__dirname, '..', 'src'), (f) =>
      f.endsWith('.har'),
    );
    expect(recordings.length).toBeGreaterThan(0);
    for (const file of recordings) {
      const har = fs.readFileSync(file, 'utf8');
      expect(har).not.toMatch(/ApiToken [A-Za-z0-9]/);
      expect(har).not.toContain('simulator-api-token');
    }
  });

  test('is not sent to another host when the console redirects there', async () => {
    const elsewhere = await startSimulator({ agents: 1 });
    const redirecting = await startSimulator({
      agents: 1,
      token: TOKEN,
      redirectTo: elsewhere.url,
    });
    try {
      const error = await collect({
        serverUrl: redirecting.url,
        apiToken: TOKEN,
      }).catch((e) => e);
      expect(error.message).toMatch(
        /redirected to http:\/\/127\.0\.0\.1:\d+, another host; the API token is not sent there/,
      );
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });
});

describe('secrets', () => {
  test('no licence key, registration token or passphrase in any graph object', () => {
    const secrets = secretValues();
    expect(secrets.length).toBeGreaterThan(300);
    const graph = JSON.stringify([
      ...collection.entities,
      ...collection.relationships,
    ]);
    for (const field of SECRET_FIELDS)
      expect(graph).not.toContain(`"${field}"`);
    for (const secret of secrets) expect(graph).not.toContain(secret);
  });
});

describe('read-only', () => {
  test('only GETs, plus the token-details POST, and no secret-revealing endpoint', () => {
    const requests = simulator.requests;
    expect(requests.length).toBeGreaterThan(10);
    for (const request of requests) {
      const allowed =
        request.method === 'GET' ||
        (request.method === 'POST' &&
          request.path === '/web/api/v2.1/users/api-token-details');
      expect({ ...request, allowed }).toMatchObject({ allowed: true });
      expect(request.path).not.toMatch(
        /passphrases|\/token$|uninstall-password/,
      );
    }
  });
});

describe('error messages', () => {
  test('quote only a short, single-line, sanitized excerpt of a response body', async () => {
    const failing = await startSimulator({
      agents: 1,
      token: TOKEN,
      faults: { serverErrorRate: 1 },
    });
    try {
      const error = await collect({
        serverUrl: failing.url,
        apiToken: TOKEN,
      }).catch((e) => e);
      expect(error.message).toMatch(
        /GET \/web\/api\/v2\.1\/system\/info: 50\d/,
      );
      expect(error.message).toMatch(/gave up after 10 attempts/);
      expect(error.message.length).toBeLessThan(400);
      expect(error.message).not.toMatch(/[\n<>]/);
      expect(error.message).not.toContain(TOKEN);
    } finally {
      await failing.close();
    }
  });
});

function findFiles(dir: string, match: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, match);
    return match(full) ? [full] : [];
  });
}
