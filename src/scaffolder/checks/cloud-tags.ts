import { defineCheck, type Finding, lineAt } from './check.js';
import { hclBlocks, localsOf, mapKeys, normalize } from './hcl-blocks.js';

/** Resource types that hold data, and the attribute that carries their tags or labels. */
export const TAGGED_RESOURCES: Record<string, string> = {
  aws_s3_bucket: 'tags',
  azurerm_storage_account: 'tags',
  azurerm_resource_group: 'tags',
  google_storage_bucket: 'labels',
};

export const DEFAULT_REQUIRED_TAGS = ['owner', 'cost-center', 'data-classification'];

/** Every storage resource in Terraform carries the tags the organization requires. */
export const cloudTagsCheck = defineCheck({
  name: 'cloud-tags',
  title: 'Required cloud tags present',
  run(files, options) {
    const required = (Array.isArray(options.tags) ? (options.tags as string[]) : DEFAULT_REQUIRED_TAGS).map(
      normalize,
    );
    const tf = files.filter((f) => f.text !== null && f.path.endsWith('.tf'));
    const locals = localsOf(tf.map((f) => f.text as string));
    const findings: Finding[] = [];
    for (const file of tf) {
      const text = file.text as string;
      for (const block of hclBlocks(text)) {
        const attribute = block.type === 'resource' ? TAGGED_RESOURCES[block.labels[0] ?? ''] : undefined;
        if (!attribute) continue;
        const keys = mapKeys(block.body, attribute, locals);
        const missing = required.filter((k) => !keys.has(k));
        if (missing.length > 0) {
          findings.push({
            file: file.path,
            line: lineAt(text, block.offset),
            message: `${block.labels.join('.')} lacks the ${attribute} ${missing.join(', ')}`,
          });
        }
      }
    }
    return findings;
  },
});
