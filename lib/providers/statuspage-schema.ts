/**
 * Loose zod schemas for the Statuspage v2 API and incident.io's Statuspage-compatible layer.
 * Only the fields we use; enums are read as strings and mapped later; optional keys may be
 * absent or null; one malformed element is dropped instead of failing the whole response.
 */
import { z } from '../zod';

const str = z.string();
const optStr = z.nullish(z.string());

/** An array whose malformed elements are dropped instead of failing the whole parse. */
export function lenientArray<T extends z.ZodMiniType>(element: T) {
  return z.pipe(
    z.nullish(z.array(z.unknown())),
    z.transform((items) => {
      const out: z.infer<T>[] = [];
      for (const item of items ?? []) {
        const parsed = element.safeParse(item);
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    }),
  );
}

/** A component row (group rows carry `group: true` and `components: [ids]`). */
export const RawComponentSchema = z.object({
  id: str,
  name: str,
  status: z.nullish(z.string()),
  position: z.nullish(z.number()),
  description: optStr,
  group: z.nullish(z.boolean()),
  group_id: optStr,
  only_show_if_degraded: z.nullish(z.boolean()),
  components: z.nullish(z.array(z.string())),
});
export type RawComponent = z.infer<typeof RawComponentSchema>;

const AffectedComponentSchema = z.object({ code: optStr, name: optStr, new_status: optStr });

/** One incident update. */
export const RawIncidentUpdateSchema = z.object({
  status: z.nullish(z.string()),
  body: z.nullish(z.string()),
  display_at: optStr,
  created_at: optStr,
  affected_components: lenientArray(AffectedComponentSchema),
});

/** An incident (also the shape of a scheduled maintenance). */
export const RawIncidentSchema = z.object({
  id: str,
  name: z.nullish(z.string()),
  status: z.nullish(z.string()),
  impact: z.nullish(z.string()),
  created_at: optStr,
  started_at: optStr,
  updated_at: optStr,
  monitoring_at: optStr,
  resolved_at: optStr,
  shortlink: optStr,
  scheduled_for: optStr,
  scheduled_until: optStr,
  components: lenientArray(z.object({ id: str, name: z.nullish(z.string()) })),
  incident_updates: lenientArray(RawIncidentUpdateSchema),
});
export type RawIncident = z.infer<typeof RawIncidentSchema>;

/** `GET /api/v2/summary.json`. */
export const SummarySchema = z.object({
  page: z.nullish(z.object({ id: optStr, name: optStr, url: optStr, updated_at: optStr })),
  status: z.nullish(z.object({ indicator: z.nullish(z.string()), description: z.nullish(z.string()) })),
  components: lenientArray(RawComponentSchema),
  incidents: lenientArray(RawIncidentSchema),
  scheduled_maintenances: lenientArray(RawIncidentSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

/** `GET /api/v2/incidents.json` (the 50 most recent incidents). */
export const IncidentsSchema = z.object({
  page: z.nullish(z.object({ id: optStr, updated_at: optStr })),
  incidents: lenientArray(RawIncidentSchema),
});
