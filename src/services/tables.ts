/** A worker id of the snowflake generator, leased to one replica at a time. Times are ms since the Unix epoch. */
export interface IdWorkerLeasesTable {
  worker_id: number;
  /** Random token of one acquisition; a renewal only succeeds while it is still ours. */
  holder: string;
  /** Host and process, for people reading the table. */
  holder_name: string;
  /** The holder issues no id at or after this ms; the next holder starts there. */
  expires_at: number | string;
  acquired_at: number | string;
}

/** A secret of a team, encrypted with its own data key; the data key is wrapped by the vault key. */
export interface VaultSecretsTable {
  id: string;
  team: string;
  name: string;
  description: string;
  /** base64 of iv | ciphertext | tag (AES-256-GCM under the data key). */
  ciphertext: string;
  /** base64 of iv | wrapped data key | tag (AES-256-GCM under the vault key). */
  wrapped_key: string;
  /** Fingerprint of the vault key that wrapped the data key. */
  key_id: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  expires_at: string | null;
  reminded_at: string | null;
  last_read_at: string | null;
  last_read_by: string | null;
}

export interface ServicesTables {
  id_worker_leases: IdWorkerLeasesTable;
  vault_secrets: VaultSecretsTable;
}
