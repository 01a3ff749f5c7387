import { toName, toText } from './values';

/**
 * Host names that many machines share because nobody set one: the loopback
 * names (a Linux host without a name calls itself `localhost.localdomain`)
 * and the defaults of operating system images, alone or with a suffix that
 * makes them no more specific (`.localdomain`, `.local`, `.lan`, `.home`).
 * Matching devices on one of them would make every such host in an account
 * one device.
 */
const GENERIC_HOSTNAME =
  /^(?:localhost[46]?|ip6-localhost|ip6-loopback|\(none\)|ubuntu|debian|raspberrypi|kali|fedora|centos|archlinux|alpine)(?:\.(?:localdomain[46]?|local|lan|home))?$/i;

/** Whether the host name is one many machines share (see {@link GENERIC_HOSTNAME}). */
export function isGenericHostname(hostname: string): boolean {
  return GENERIC_HOSTNAME.test(hostname);
}

/** `Make - Model`: how SentinelOne reports Windows and Linux hardware. */
const MAKE_MODEL_SEPARATOR = ' - ';

export interface DeviceModel {
  make?: string;
  model?: string;
}

/**
 * The make and model of a device from SentinelOne's `modelName`, which is
 * `"<make> - <model>"` on Windows and Linux ("Dell Inc. - Latitude 3520",
 * "Amazon EC2 - t3.medium") and Apple's model identifier alone on macOS
 * ("MacBookPro18,1"), whose make is Apple. Firmware placeholders ("To Be
 * Filled By O.E.M.") are no make or model.
 */
export function deviceModel(
  modelName: unknown,
  osType: string | undefined,
): DeviceModel {
  const text = toText(modelName);
  if (osType === 'macos') {
    return { make: 'Apple', model: toName(text) };
  }
  if (text === undefined) {
    return {};
  }
  const separator = text.indexOf(MAKE_MODEL_SEPARATOR);
  if (separator < 0) {
    return { model: toName(text) };
  }
  return {
    make: toName(text.slice(0, separator)),
    model: toName(text.slice(separator + MAKE_MODEL_SEPARATOR.length)),
  };
}
