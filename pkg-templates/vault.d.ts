// Types of vault.js: the caseload vault of <passerelle-suivi>, the
// caseload (an opaque UTF-8 JSON text) kept encrypted at rest in IndexedDB
// under a passphrase (PBKDF2-SHA-256, AES-GCM 256). Browser only.

/** PBKDF2-SHA-256 iterations, never fewer (OWASP 2023). */
export declare const ITERATIONS: 600000;

/** The most iterations accepted (by `openVault`, in a header or a backup). */
export declare const MAX_ITERATIONS: 10000000;

/** The stable codes of the vault's errors (`error.code`). */
export type VaultErrorCode =
  | 'storage_refused'
  | 'quota'
  | 'corrupted'
  | 'wrong_passphrase'
  | 'crypto_unavailable'
  | 'locked'
  | 'vault_exists'
  | 'passphrase_too_short'
  | 'weak_key'
  | 'not_a_backup'
  | 'no_vault'
  | 'not_text';

/** Every rejection of the vault: an Error with a stable code and a plain-English message. */
export interface VaultError extends Error {
  code: VaultErrorCode;
}

export interface Vault {
  /** 'new' when no caseload is stored under this name. */
  state(): Promise<'new' | 'locked' | 'unlocked'>;
  /** Stores a new, empty caseload ("") under `passphrase` (8 characters or more). */
  create(passphrase: string): Promise<void>;
  /** The caseload's text; a wrong passphrase writes nothing. */
  unlock(passphrase: string): Promise<string>;
  /** Encrypts and stores `text`; only when unlocked. */
  save(text: string): Promise<void>;
  /** Forgets the key. */
  lock(): void;
  /** The stored caseload as one file (JSON bytes), encrypted under the same passphrase; only when unlocked. */
  exportBackup(): Promise<Uint8Array>;
  /** The text of a backup file, with its own passphrase; does not touch the vault. */
  readBackup(bytes: Uint8Array | ArrayBuffer, passphrase: string): Promise<string>;
  /** Re-encrypts the caseload under `newPassphrase` (fresh salt), in one transaction; leaves it unlocked. */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void>;
  /** Deletes this caseload (its database): the caller confirms first. */
  erase(): Promise<void>;
  /** Locks and closes the database connection. */
  close(): void;
}

/**
 * Opens the caseload vault `name` (database `passerelle-suivi:<name>`).
 * Rejects with `storage_refused`, `crypto_unavailable` or `weak_key`.
 */
export declare function openVault(name: string, options?: { iterations?: number }): Promise<Vault>;
