/**
 * `wix-hive-shim/host`: host widget iframes that load the real Wix.js 1.90.0, answered from a
 * shim instance (docs/decisions/0013-host-for-the-real-sdk.md).
 */
export { createHost } from './create-host';
export type { Host, HostOptions, HostedFrame, HostedShim, FrameOptions, HostMessage } from './create-host';
export type { FrameParams } from './frame-url';
export { signInstance, verifyInstance, encodePayload } from './instance-token';
export type { InstancePayload } from './instance-token';
export type { Tpa2Message, TpaResponse, TpaEvent } from './protocol';
