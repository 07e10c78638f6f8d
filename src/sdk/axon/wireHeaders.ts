/**
 * The HTTP header names of a signed request and of the axon's answer, bittensor's names so that tools
 * reading its traffic read this one. Node and fetch lower-case header names; these are lower case already.
 */

/** Headers a dendrite sends with every request. */
export const REQUEST_HEADERS = {
  /** Nanoseconds since the Unix epoch when signed, decimal; strictly increasing per (hotkey, uuid). */
  nonce: 'bt_header_dendrite_nonce',
  /** The caller's stream id: one per dendrite, so nonces are ordered within it. */
  uuid: 'bt_header_dendrite_uuid',
  /** The caller's hotkey, SS58. */
  hotkey: 'bt_header_dendrite_hotkey',
  /** `0x` + 128 hex digits: the caller's sr25519 signature of the signing message. */
  signature: 'bt_header_dendrite_signature',
  /** The miner's hotkey, SS58: who the request is for. */
  axonHotkey: 'bt_header_axon_hotkey',
  /** Hex blake2b-256 of the body's RFC 8785 text. */
  bodyHash: 'computed_body_hash',
  /** Optional: seconds the caller will wait (a decimal); the axon gives up on the request after that. */
  timeout: 'timeout',
} as const;

/** Headers an axon sets on every answer. */
export const RESPONSE_HEADERS = {
  /** The HTTP status again, as bittensor's axon repeats it. */
  statusCode: 'bt_header_axon_status_code',
  /** `Success`, or the error code of the body. */
  statusMessage: 'bt_header_axon_status_message',
  /** Seconds from the request's arrival to the answer, a decimal. */
  processTime: 'bt_header_axon_process_time',
  /** The miner's hotkey, SS58. */
  axonHotkey: 'bt_header_axon_hotkey',
} as const;
