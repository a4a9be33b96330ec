// The depth guard is shared with every other reader of YAML; it lives in core.
export { findTooDeep, type TooDeep } from '../core/yaml-limits.js';
