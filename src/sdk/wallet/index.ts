/** Wallets on disk in btcli's layout and formats: keyfiles, NaCl encryption, coldkeys and hotkeys. */
export {
  type KeyfileContent,
  type KeyfileData,
  keyfileBytes,
  keyfileFromUri,
  publicKeyfile,
  readKeyfile,
} from './keyfileData.ts';
export { KEYFILE_FORMATS, type KeyfileFormat, keyfileFormat, NACL_PREFIX } from './keyfileFormat.ts';
export {
  isEncryptedKeyfile,
  type PasswordProvider,
  readKeyfileAt,
  refuseExisting,
} from './keyfileStore.ts';
export { type HotkeyListing, listWallets, type WalletListing } from './listWallets.ts';
export {
  decryptKeyfile,
  encryptKeyfile,
  NACL_KDF,
  NACL_NONCE_BYTES,
  NACL_SALT,
  type NaclKey,
  naclKey,
  openNacl,
  sealNacl,
} from './naclKeyfile.ts';
export { WalletError, type WalletErrorCode } from './walletError.ts';
export {
  coldkeyAddress,
  type HotkeyRef,
  hotkeyAddress,
  readColdkey,
  readHotkey,
  type StoredKey,
  type WalletRef,
  type WriteKeyOptions,
  writeColdkey,
  writeHotkey,
} from './walletKeys.ts';
export { btcliPasswordVariable, passwordFromEnv, WALLET_PASSWORD_VARIABLE } from './walletPassword.ts';
export {
  checkWalletName,
  DEFAULT_HOTKEY_NAME,
  DEFAULT_WALLET_NAME,
  DEFAULT_WALLET_PATH,
  expandWalletPath,
  hotkeyFiles,
  WALLET_FILES,
  type WalletLocation,
  walletLocation,
} from './walletPaths.ts';
export {
  listWeightCommits,
  removeWeightCommit,
  type StoredWeightCommit,
  saveWeightCommit,
  WEIGHT_COMMITS_DIR,
  type WeightCommit,
  weightCommitSchema,
  weightCommitsDir,
} from './weightCommits.ts';
