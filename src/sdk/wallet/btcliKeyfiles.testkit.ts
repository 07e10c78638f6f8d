/**
 * Key files as btcli writes them, for the tests of reading them: a hotkey keyfile btcli wrote (published
 * as an example of the format), and a `$NACL` file of that keyfile made independently with libsodium
 * 1.0.18 (crypto_pwhash with ALG_ARGON2I13, opslimit 8, memlimit 536870912 and btcli's salt, then
 * crypto_secretbox_easy with the nonce 00 01 … 17), as btcli's encryption does.
 */

/** A hotkey keyfile btcli wrote: `privateKey` is schnorrkel's form of the key the phrase and seed make. */
export const BTCLI_HOTKEY = {
  accountId: '0x5a30cd5517328838f69ed48531894d94e9f231dff241e1561260a8522a167731',
  publicKey: '0x5a30cd5517328838f69ed48531894d94e9f231dff241e1561260a8522a167731',
  privateKey:
    '0x69de0e5d7e66902d5b9da02091bb130aedf49d6c53a2fe67eeb914520e0ea70aa2176663f7b30c93d8826c702e9b22c35ab1a99afbdc02c35618c97e00edab3a',
  secretPhrase: 'inform sell fitness extra kitten unit hood glass window law spider desk',
  secretSeed: '0xe031170f32b4cda05df2f3cf6bc8d76827b683bbce23d9fa960c0b3fc21641b8',
  ss58Address: '5E6xfU3oNU7y1a7pQwoc31fmUjwBZ2gKcNCw8EXsdtCQieUQ',
} as const;

/** The `$NACL` file libsodium made of `JSON.stringify(BTCLI_HOTKEY)` under {@link NACL_VECTOR.password}. */
export const NACL_VECTOR = {
  password: 'correct horse battery staple',
  /** The secretbox key libsodium derived from the password. */
  keyHex: '1d1893e9b889a5755cc057fe77990c53dce894a982e3748505f82a44c333e57d',
  nonce: Uint8Array.from({ length: 24 }, (_, i) => i),
  fileBase64:
    'JE5BQ0wAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhdX86MqqGgHRLrUJ/H13Q3VUE2vlK0UpKR2DYk3nd8g8m3bjSQ8pedoOX4RGd1ekGYjxBLCwvNBydjlI8Lvh+ECJDdZGJATNm0iY78iEWJH+liokF7pm3UWOsdj3x/RT6Cb4HP916L/1zthDs698ixsW1tgQ2GI7ncAcDnuFvcC4d8IZGNVmfNxIDZjIrLzuvLlcbqXvhIWetAmzhWp6rkkVEjf5dLQJpAStTXIp17uHWWMS2/TTX50NZ7qgwBDduJH7WyvTPdKHBZaRH/mIxLbF1b9lJ8foVZkalqLKJhH6FhFQpSoPUoi4Is2t9NftxYqsVCIZo8hTpyE/IshXVYNNIUUobSyeBqidPYiPzcjoJ+XhfbCTZALk/mWU5RnInbQ6XNWEjlZXPk7/TN1mDgoB/o+JXUbDt/lHHexTqPxKujnOWgjWhLkF7Ae4pEg4S4ctfmqLlRtXUsABxLfCsOnUq9GBWveITUgyqdaUqtslz//Da3bazDqpXgkGPiBflwHfO6PyV+Y6C8HOIUInEzvozlq+tAl5N5vx/g7F17UPjHi4ApByD50p355e3W2FRwGvv9dv2K1+QYnC/ExqJymEe/jJBqRDTfumFQNkV5Yevc1ptFuA6h+/Mkh1/hQbXkyqfUIFc+OXFv2BXL0FnyatpEy0EG239CW3oRJ42GCIFI8/qWFecosaG5jO/cPPD6zr/H5OToqyqT77BBC681X4oU2oaqkwbInYbni9XyYnQM=',
} as const;
