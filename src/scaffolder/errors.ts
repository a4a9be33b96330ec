import { defineErrors } from '../core/errors.js';

export const scaffolderErrors = defineErrors({
  TEMPLATE_NOT_FOUND: { status: 404, message: "No template '%s'" },
  TEMPLATE_INVALID: { status: 400, message: 'The template %s is invalid: %s' },
  TEMPLATE_SOURCE_UNAVAILABLE: {
    status: 503,
    message: "The files of template '%s' cannot be read here (%s); ask the Keepers",
  },
  TEMPLATE_PATH_ESCAPE: { status: 400, message: '%s: %s' },
  TEMPLATE_RENDER_FAILED: { status: 400, message: '%s: %s' },
  TEMPLATE_LIMIT_EXCEEDED: { status: 400, message: '%s' },
  TEMPLATE_PARAMETERS_INVALID: { status: 400, message: 'The form has %d problem(s): %s' },
  TASK_NOT_FOUND: { status: 404, message: "No task '%s' that you may see" },
  TASK_NOT_RERUNNABLE: { status: 409, message: "Task '%s' is %s; only a failed task can run again" },
  TASK_CHECKS_FAILED: { status: 422, message: 'Publication stopped by policy checks: %s' },
  SCAFFOLDER_ACTION_UNKNOWN: { status: 400, message: "step '%s': no action '%s'; available: %s" },
  SCAFFOLDER_ACTION_INPUT_INVALID: { status: 400, message: "step '%s' (%s): %s" },
  SCAFFOLDER_ACTION_FAILED: { status: 502, message: "step '%s' (%s) failed: %s" },
  SCAFFOLDER_REMOTE_UNKNOWN: { status: 400, message: "git remote '%s' is not configured; configured: %s" },
  SCAFFOLDER_CHECK_UNKNOWN: { status: 400, message: "policy check '%s' does not exist; available: %s" },
});
