export { configKeys } from './env.js';
export { ConfigError, type LoadConfigOptions, type LoadedConfig, loadConfig } from './load.js';
export { type Config, ConfigSchema } from './schema.js';
