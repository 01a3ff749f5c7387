/**
 * The harness itself: running the suite must not cost a developer the
 * collection they keep in the project (`j1-integration collect` writes it to
 * `./.j1-integration`, and the runtime deletes its storage directory first).
 */
import fs from 'fs';
import path from 'path';

import { Steps } from '../src/steps/constants';
import { startSimulator } from '../tools/simulator';
import { collect } from './collect';

test("an in-memory collection leaves the project's .j1-integration alone", async () => {
  const projectStorage = path.join(process.cwd(), '.j1-integration');
  fs.mkdirSync(projectStorage, { recursive: true });
  const marker = path.join(projectStorage, `kept-by-test-${process.pid}.json`);
  fs.writeFileSync(marker, '{}');
  const simulator = await startSimulator({ seed: 3, agents: 20 });
  try {
    const collection = await collect({
      serverUrl: simulator.url,
      apiToken: 'simulator-api-token',
    });
    expect(collection.stepStatus[Steps.AGENTS]).toBe('success');
    expect(fs.existsSync(marker)).toBe(true);
  } finally {
    await simulator.close();
    fs.rmSync(marker, { force: true });
  }
});
