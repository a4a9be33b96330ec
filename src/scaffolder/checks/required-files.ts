import { defineCheck, type Finding } from './check.js';

/** A README and a LICENSE (any extension) at the root, or the files a template names. */
export const requiredFilesCheck = defineCheck({
  name: 'required-files',
  title: 'README and LICENSE present',
  run(files, options) {
    const wanted = Array.isArray(options.files) ? (options.files as string[]) : ['README', 'LICENSE'];
    const names = files.map((f) => f.path.toLowerCase());
    const findings: Finding[] = [];
    for (const name of wanted) {
      const lower = name.toLowerCase();
      const found = names.some((n) => n === lower || n.startsWith(`${lower}.`));
      if (!found) findings.push({ file: name, message: `${name} is missing at the root of the project` });
    }
    return findings;
  },
});
