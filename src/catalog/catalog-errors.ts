import { defineErrors } from '../core/errors.js';

export const catalogErrors = defineErrors({
  CATALOG_ENTITY_NOT_FOUND: { status: 404, message: 'No entity %s in the catalog' },
  CATALOG_LOCATION_NOT_FOUND: { status: 404, message: "No location named '%s'" },
  CATALOG_LOCATION_EXISTS: { status: 409, message: "name: a location named '%s' already exists" },
  CATALOG_LOCATION_FROM_CONFIG: {
    status: 409,
    message: "Location '%s' comes from the configuration file; remove it there",
  },
  CATALOG_LOCATION_UNSUPPORTED: {
    status: 400,
    message: "target: '%s' is neither a git URL (https, ssh, file) nor an existing folder on the server",
  },
  CATALOG_WEBHOOK_UNAUTHORIZED: {
    status: 401,
    message:
      'The webhook secret is missing or wrong (send X-Plinth-Token, X-Gitlab-Token or X-Hub-Signature-256)',
  },
  CATALOG_WEBHOOK_DISABLED: {
    status: 404,
    message: 'Webhooks are off: set catalog.webhookSecret to enable them',
  },
});
