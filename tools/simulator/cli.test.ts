/** The command line's flags for estate shapes, token scopes and variations. */
import { parseArgs } from './cli';

test('estate shapes, token scopes and variations', () => {
  expect(
    parseArgs([
      '--agents-per-site',
      '0,1000,0',
      '--sites-per-account=2,1',
      '--token-site-ids',
      '5001,5002',
      '--token-account-ids',
      '4001',
      '--no-variations',
    ]),
  ).toEqual({
    agentsPerSite: [0, 1000, 0],
    sitesPerAccount: [2, 1],
    tokenScope: { siteIds: ['5001', '5002'], accountIds: ['4001'] },
    variations: false,
  });
});

test('a count list that is not counts is refused, naming the flag', () => {
  expect(() => parseArgs(['--agents-per-site', '3,x'])).toThrow(
    '--agents-per-site: not a list of counts: 3,x',
  );
  expect(() => parseArgs(['--sites-per-account', '-1'])).toThrow(
    '--sites-per-account: not a list of counts: -1',
  );
});
