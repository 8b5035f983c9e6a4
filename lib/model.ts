/**
 * The normalized model (design.md §2) as zod schemas, with their inferred types. Every provider,
 * whatever its platform, is reduced to a `ServiceStatus`. Views import only types from here
 * (`import type`) so zod never reaches their bundles.
 */
import { z } from './zod';
import { LEVELS } from './levels';

export { LEVELS, type Level } from './levels';

export type { ProviderId } from './providers/catalog';

/** A normalized level. */
export const LevelSchema = z.enum(LEVELS);
/** A provider id: a catalog id or `custom:<hostname>`. */
export const ProviderIdSchema = z.string().regex(/^(?:[a-z0-9-]{1,40}|custom:[a-z0-9.-]{1,253})$/);

/** One component (service part) of a provider. */
export const ComponentStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  rawStatus: z.string(),
  level: LevelSchema,
  description: z.string(),
});
export type ComponentStatus = z.infer<typeof ComponentStatusSchema>;

/** One status phase of an incident, for the timeline. */
export const IncidentPhaseSchema = z.object({ status: z.string(), at: z.string() });
export type IncidentPhase = z.infer<typeof IncidentPhaseSchema>;

/** An incident, active or recent. Text fields are plain text, never HTML. */
export const IncidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  impact: z.string(),
  createdAt: z.string(),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  updatedAt: z.string(),
  url: z.string(),
  latestUpdate: z.string(),
  componentIds: z.array(z.string()),
  componentNames: z.array(z.string()),
  phases: z.array(IncidentPhaseSchema),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** A scheduled or running maintenance window. */
export const MaintenanceSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  scheduledFor: z.string(),
  scheduledUntil: z.string().nullable(),
  url: z.string(),
  latestUpdate: z.string(),
  componentIds: z.array(z.string()),
});
export type Maintenance = z.infer<typeof MaintenanceSchema>;

/** One day of an uptime strip. */
export const DayBarSchema = z.object({
  date: z.string(),
  level: LevelSchema,
  outageMinutes: z.number(),
  degradedMinutes: z.number(),
  incidents: z.array(z.string()),
});
export type DayBar = z.infer<typeof DayBarSchema>;

/** Where an uptime figure comes from (design §5). */
export const UPTIME_SOURCES = ['official', 'incidents', 'observed'] as const;
export type UptimeSource = (typeof UPTIME_SOURCES)[number];

/** Uptime over the last 90 days with the figure's provenance. */
export const UptimeSchema = z.object({
  percent90d: z.number().nullable(),
  percent30d: z.number().nullable(),
  days: z.array(DayBarSchema),
  source: z.enum(UPTIME_SOURCES),
  coversDays: z.number(),
});
export type Uptime = z.infer<typeof UptimeSchema>;

/** Why the last fetch of a provider failed. */
export const FETCH_ERROR_KINDS = [
  'http',
  'rate-limited',
  'timeout',
  'network',
  'not-json',
  'bad-json',
  'wrong-shape',
  'too-large',
  'challenge',
] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

export const FetchErrorSchema = z.object({
  kind: z.enum(FETCH_ERROR_KINDS),
  message: z.string(),
  httpStatus: z.number().nullable(),
  at: z.number(),
});
export type FetchError = z.infer<typeof FetchErrorSchema>;

/** The normalized status of one provider (design §2). */
export const ServiceStatusSchema = z.object({
  providerId: ProviderIdSchema,
  name: z.string(),
  pageUrl: z.string(),
  level: LevelSchema,
  description: z.string(),
  components: z.array(ComponentStatusSchema),
  incidents: z.array(IncidentSchema),
  maintenances: z.array(MaintenanceSchema),
  uptime: UptimeSchema.nullable(),
  sourceUpdatedAt: z.string().nullable(),
  fetchedAt: z.number(),
  error: FetchErrorSchema.nullable(),
  stale: z.boolean(),
  /** How the data was read: the JSON API, or the HTML page when the API served a challenge. */
  via: z.enum(['api', 'html']),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;
