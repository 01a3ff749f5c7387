/**
 * Links into the SentinelOne management console (and NVD for CVEs). All URL
 * patterns of the integration live here, so a console redesign is a one-file
 * change.
 *
 * - threat: `/incidents/threats/<id>/overview` is the pattern public
 *   SentinelOne integrations (SOAR connectors, threat-intel exporters) link to.
 * - agent: `/sentinels/devices/<id>/overview`, the classic console's endpoint
 *   page (`/sentinels/devices` is the endpoint list).
 * - site and group: settings pages of the classic console; these two are
 *   plausible rather than confirmed against a live console.
 *
 * Ids are URL-encoded; `serverUrl` is the normalized console URL (a trailing
 * slash is tolerated).
 */

/**
 * A run has one console URL and links every agent to it: its base is worked
 * out once, not with a regex per record.
 */
let lastServerUrl: string | undefined;
let lastConsoleBase = '';

function consoleBase(serverUrl: string): string {
  if (serverUrl !== lastServerUrl) {
    lastConsoleBase = serverUrl.trim().replace(/\/+$/, '');
    lastServerUrl = serverUrl;
  }
  return lastConsoleBase;
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

/** The console root, for the account entity. */
export function accountWebLink(serverUrl: string): string {
  return consoleBase(serverUrl);
}

export function siteWebLink(serverUrl: string, siteId: string): string {
  return `${consoleBase(serverUrl)}/settings/sites/${segment(siteId)}`;
}

export function groupWebLink(serverUrl: string, groupId: string): string {
  return `${consoleBase(serverUrl)}/sentinels/groups/${segment(groupId)}`;
}

export function agentWebLink(serverUrl: string, agentId: string): string {
  return `${consoleBase(serverUrl)}/sentinels/devices/${segment(
    agentId,
  )}/overview`;
}

export function threatWebLink(serverUrl: string, threatId: string): string {
  return `${consoleBase(serverUrl)}/incidents/threats/${segment(
    threatId,
  )}/overview`;
}

/** The NVD page of a CVE (`CVE-2021-44228`, any case). */
export function cveWebLink(cveId: string): string {
  return `https://nvd.nist.gov/vuln/detail/${segment(
    cveId.trim().toUpperCase(),
  )}`;
}
