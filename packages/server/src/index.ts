export { app } from './app.js';
export type { ServerConfig } from './config.js';
export { readConfig, ConfigError } from './config.js';
