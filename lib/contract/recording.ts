// A saved run: the sandbox's recorded window as one gzip-compressed file of JSON lines. The first record says what
// the file is and which version of this format it follows; snapshots and events follow in time order; the last
// record counts what came before it, so a truncated file is told from a whole one.
import { z } from "zod";
import { SandboxStateSchema } from "./control";
import { TelemetryEventSchema } from "./events";

export const RECORDING_FORMAT = "architecture-sandbox-recording";
export const RECORDING_VERSION = 1;

export const RecordingHeaderSchema = z.object({
  kind: z.literal("header"),
  format: z.literal(RECORDING_FORMAT),
  version: z.number().int(),
  /** The window recorded, ms since the epoch. */
  from: z.number(),
  to: z.number(),
  savedAt: z.number(),
});
export type RecordingHeader = z.infer<typeof RecordingHeaderSchema>;

export const RecordedSnapshotSchema = z.object({
  kind: z.literal("snapshot"),
  at: z.number(),
  /**
   * The number of the last event given out when the state was read: every lifecycle move up to it is in the state, and
   * those after it are not, even in the same millisecond. Absent in files saved before it was kept (then `at` decides).
   */
  seq: z.number().int().optional(),
  state: SandboxStateSchema,
});
export type RecordedSnapshot = z.infer<typeof RecordedSnapshotSchema>;

export const RecordedEventSchema = z.object({ kind: z.literal("event"), event: TelemetryEventSchema.and(z.object({ seq: z.number().int() })) });
export type RecordedEvent = z.infer<typeof RecordedEventSchema>;

export const RecordingEndSchema = z.object({ kind: z.literal("end"), snapshots: z.number().int(), events: z.number().int() });

export const RecordingRecordSchema = z.discriminatedUnion("kind", [RecordedSnapshotSchema, RecordedEventSchema, RecordingEndSchema]);

/** A recording read back whole: its header, and its snapshots and events each in time order. */
export interface Recording {
  header: RecordingHeader;
  snapshots: RecordedSnapshot[];
  events: RecordedEvent["event"][];
}
