// What the Data tab shows of a service's own database: its file, and per table the row count, the columns and the
// latest rows (values as text, secrets masked). Read-only, from the server to the page.
import { z } from "zod";

export const DataCellSchema = z.union([z.string(), z.number(), z.null()]);

export const DataTableSchema = z.object({
  name: z.string(),
  rows: z.number().int().nonnegative(),
  columns: z.array(z.string()),
  /** The newest rows first, at most LATEST_ROWS of them. */
  latest: z.array(z.array(DataCellSchema)),
});

export const DatabaseViewSchema = z.object({
  service: z.string(),
  /** The file's name in the service's data folder, e.g. order-service.sqlite. */
  file: z.string(),
  /** False until the service has made its database (it is starting). */
  exists: z.boolean(),
  tables: z.array(DataTableSchema),
});
export type DatabaseView = z.infer<typeof DatabaseViewSchema>;
export type DataTable = z.infer<typeof DataTableSchema>;

/** Rows shown per table. */
export const LATEST_ROWS = 5;
