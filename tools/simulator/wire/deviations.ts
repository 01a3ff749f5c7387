/**
 * Where records from real consoles differ from the vendor's specification.
 *
 * The simulator produces these deviations in exactly these fields and nowhere
 * else, and the contract test allows them by name: a deviation anywhere else
 * fails it. Keys are `<list>[].<field>` paths (nested lists with `[]` too).
 */
export type DeviationKind =
  /** `"True"` / `"False"` where the specification says boolean. */
  | 'stringBoolean'
  /** `null` where the specification does not mark the field nullable. */
  | 'null';

export interface RealWorldDeviation {
  kind: DeviationKind;
  /** What real consoles were seen to send. */
  seen: string;
}

export const REAL_WORLD_DEVIATIONS: Readonly<
  Record<string, RealWorldDeviation>
> = {
  'agents[].firewallEnabled': {
    kind: 'stringBoolean',
    seen: 'boolean as a "True"/"False" string',
  },
  'agents[].isUpToDate': {
    kind: 'stringBoolean',
    seen: 'boolean as a "True"/"False" string',
  },
  'agents[].encryptedApplications': {
    kind: 'stringBoolean',
    seen: 'boolean as a "True"/"False" string',
  },
  'agents[].lastSuccessfulScanDate': {
    kind: 'null',
    seen: 'null until the first full scan finishes',
  },
  'agents[].networkInterfaces[].gatewayIp': {
    kind: 'null',
    seen: 'null on interfaces without a gateway (loopback, bridges, Wi-Fi down)',
  },
  'agents[].networkInterfaces[].gatewayMacAddress': {
    kind: 'null',
    seen: 'null on interfaces without a gateway',
  },
  'groups[].rank': { kind: 'null', seen: 'null on static groups' },
  'groups[].filterId': { kind: 'null', seen: 'null on static groups' },
  'groups[].filterName': { kind: 'null', seen: 'null on static groups' },
  'groups[].description': {
    kind: 'null',
    seen: 'null on default groups',
  },
  'threats[].threatInfo.externalTicketId': {
    kind: 'null',
    seen: 'null when no ticket is linked',
  },
};
