/**
 * Account records of `GET /accounts`.
 * Written from the vendor's v2.1 specification (response200 of GET /accounts in
 * tools/simulator/contract/sentinelone-v2.1-schemas.json): every field optional
 * unless the specification requires it.
 */
export interface WireLicenseSurface {
  name?: unknown;
  count?: unknown;
}

export interface WireLicenseBundle {
  majorVersion?: number;
  name?: string;
  totalSurfaces?: number;
  surfaces?: WireLicenseSurface[];
  minorVersion?: number;
  displayName?: string;
}

export interface WireLicenseSetting {
  settingGroup?: string;
  setting?: unknown;
  displayName?: string;
  settingGroupDisplayName?: string;
  groupName?: unknown;
}

export interface WireLicenseModule {
  displayName?: string;
  name?: string;
  majorVersion?: number;
}

export interface WireLicenses {
  bundles?: WireLicenseBundle[];
  settings?: WireLicenseSetting[];
  modules?: WireLicenseModule[];
}

export interface WireSku {
  unlimited?: boolean;
  type?: 'Core' | 'Control' | 'Complete';
  totalLicenses?: number;
  agentsInSku?: number;
}

export interface WireAccount {
  totalComplete?: number;
  totalControl?: number;
  updatedAt?: string;
  name?: string;
  licenses?: WireLicenses;
  creator?: string;
  agentsInControlSku?: number;
  creatorId?: string;
  unlimitedControl?: boolean;
  externalId?: string;
  completeSites?: number;
  accountType?: string;
  createdAt?: string;
  id?: string;
  numberOfSites?: number;
  agentsInCompleteSku?: number;
  totalCore?: number;
  state?: 'active' | 'expired' | 'deleted';
  skus?: WireSku[];
  isDefault?: boolean;
  agentsInCoreSku?: number;
  expiration?: string;
  unlimitedCore?: boolean;
  usageType?: 'customer' | 'mssp';
  totalLicenses?: number;
  billingMode?: 'subscription' | 'consumption';
  coreSites?: number;
  salesforceId?: string;
  activeAgents?: number;
  controlSites?: number;
  unlimitedComplete?: boolean;
  unlimitedExpiration?: boolean;
}
