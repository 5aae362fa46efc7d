"use client";
// The panel left of the graph: what the learner does to the shop (shop as a customer).
import { ShopperPanel } from "./ShopperPanel";

export function LeftPanel() {
  return <ShopperPanel />;
}
