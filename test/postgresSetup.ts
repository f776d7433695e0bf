/**
 * Vitest global setup: one throwaway PostgreSQL server for the whole run (scripts/postgres/throwaway.ts),
 * its URL provided to the test files as `postgresServerUrl`; each file takes its own scratch database.
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../scripts/postgres/throwaway';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startThrowawayPostgres();
  project.provide('postgresServerUrl', server.url);
  return () => server.stop();
}
