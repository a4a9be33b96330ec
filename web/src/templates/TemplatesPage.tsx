import { ComingSoon } from '../components/ComingSoon.js';

/** The Templates section; planned, not built yet. */
export function TemplatesPage() {
  return (
    <ComingSoon
      title="Templates"
      summary="Start a new project from a template that already has the organization's best practices in it."
      capabilities={[
        'Show a gallery of templates with what each one creates and who maintains it',
        'Ask for the parameters in a form, with help text, instead of a YAML file',
        'Dry-run a template to preview every file before anything is created',
        'Show each step of a run with a live log, and link to what it created',
      ]}
      meanwhile="Until then, ask the Keepers for a good starting point for your project."
    />
  );
}
