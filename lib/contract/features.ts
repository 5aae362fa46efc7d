// The storefront's features, as a shopper names them; each storefront route belongs to one.
import { z } from "zod";

export const FEATURES = ["browse", "log in", "register", "order", "my orders", "notifications", "profile"] as const;
export const FeatureSchema = z.enum(FEATURES);
export type Feature = z.infer<typeof FeatureSchema>;
