export { CONFIG_FILE_NAME, ProjectConfigSchema, type ProjectConfigInput, type ProjectConfigValues } from './projectConfigSchema.ts';
export { findProjectConfig } from './findProjectConfig.ts';
export { loadProjectConfig, projectPath, type ProjectConfig } from './loadProjectConfig.ts';
export { CONFIG_JSON_SCHEMA_PATH, projectConfigJsonSchema } from './projectConfigJsonSchema.ts';
export { ReporterConfigSchema, type ReporterConfig } from './sections/reportersSection.ts';
export { projectGraph, projectOrg, type GraphChoice, type OrgChoice } from './projectSetup.ts';
