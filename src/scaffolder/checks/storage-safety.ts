import { defineCheck, type Finding, lineAt, type OutputFile } from './check.js';
import { type HclBlock, hclBlocks } from './hcl-blocks.js';

interface Located extends HclBlock {
  file: string;
  text: string;
}

const has = (body: string, pattern: RegExp) => pattern.test(body);

function awsFindings(bucket: Located, all: Located[]): string[] {
  const name = bucket.labels[1] ?? '';
  const ref = new RegExp(`aws_s3_bucket\\.${name}\\.(id|bucket)`);
  const companion = (type: string) => all.find((b) => b.labels[0] === type && ref.test(b.body));
  const problems: string[] = [];
  const block = companion('aws_s3_bucket_public_access_block');
  const flags = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
  if (!block || flags.some((f) => !has(block.body, new RegExp(`${f}\\s*=\\s*true`)))) {
    problems.push(
      'public access is not blocked (an aws_s3_bucket_public_access_block with all four flags true)',
    );
  }
  if (!companion('aws_s3_bucket_server_side_encryption_configuration'))
    problems.push('no server-side encryption');
  const versioning = companion('aws_s3_bucket_versioning');
  if (!versioning || !has(versioning.body, /status\s*=\s*"Enabled"/))
    problems.push('versioning is not enabled');
  if (has(bucket.body, /acl\s*=\s*"public-read/)) problems.push('its ACL is public');
  return problems;
}

function azureFindings(account: Located): string[] {
  const problems: string[] = [];
  if (!has(account.body, /allow_nested_items_to_be_public\s*=\s*false/))
    problems.push('blobs may be made public');
  if (!has(account.body, /infrastructure_encryption_enabled\s*=\s*true/))
    problems.push('infrastructure encryption is off');
  if (!has(account.body, /versioning_enabled\s*=\s*true/)) problems.push('blob versioning is not enabled');
  if (!has(account.body, /min_tls_version\s*=\s*"TLS1_2"/)) problems.push('TLS below 1.2 is accepted');
  return problems;
}

function gcpFindings(bucket: Located): string[] {
  const problems: string[] = [];
  if (!has(bucket.body, /public_access_prevention\s*=\s*"enforced"/))
    problems.push('public access prevention is not enforced');
  if (!has(bucket.body, /uniform_bucket_level_access\s*=\s*true/))
    problems.push('uniform bucket-level access is off');
  if (!has(bucket.body, /versioning\s*\{[^}]*enabled\s*=\s*true/)) problems.push('versioning is not enabled');
  if (!has(bucket.body, /encryption\s*\{[^}]*default_kms_key_name/))
    problems.push('no customer-managed encryption key');
  return problems;
}

/** Object storage in Terraform is encrypted, versioned and never public (AWS S3, Azure Storage, GCS). */
export const storageSafetyCheck = defineCheck({
  name: 'storage-safety',
  title: 'Storage encrypted, versioned and not public',
  run(files: OutputFile[]) {
    const all: Located[] = files
      .filter((f) => f.text !== null && f.path.endsWith('.tf'))
      .flatMap((f) =>
        hclBlocks(f.text as string).map((b) => ({ ...b, file: f.path, text: f.text as string })),
      )
      .filter((b) => b.type === 'resource');
    const findings: Finding[] = [];
    for (const block of all) {
      const type = block.labels[0];
      const problems =
        type === 'aws_s3_bucket'
          ? awsFindings(block, all)
          : type === 'azurerm_storage_account'
            ? azureFindings(block)
            : type === 'google_storage_bucket'
              ? gcpFindings(block)
              : [];
      for (const problem of problems) {
        findings.push({
          file: block.file,
          line: lineAt(block.text, block.offset),
          message: `${block.labels.join('.')}: ${problem}`,
        });
      }
    }
    return findings;
  },
});
