"use client";
// The panel left of the graph, in tabs: shop as a customer, send traffic, break things, play scenarios, audit the shop.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { OPERATION_TABS, saveTab, savedTab, tabAfterKey, type OperationTab } from "../../lib/client/operations-tabs";
import { AuditPanel } from "./AuditPanel";
import { FaultsPanel } from "./FaultsPanel";
import { ResiliencePanel } from "./ResiliencePanel";
import { ScenariosPanel } from "./ScenariosPanel";
import { ShopperPanel } from "../shop/ShopperPanel";
import { TrafficPanel } from "./TrafficPanel";
import { useStore } from "zustand";
import { canAct, classroomStore } from "../../lib/client/stores/classroom-store";

const storage = () => (typeof window === "undefined" ? undefined : window.sessionStorage);

export function LeftPanel() {
  const [tab, setTab] = useState<OperationTab>("shop");
  const tabRefs = useRef<Partial<Record<OperationTab, HTMLButtonElement | null>>>({});
  // Read after mounting, so the server's HTML (always "Shop") and the first client render agree.
  useEffect(() => setTab(savedTab(storage())), []);
  // A student in a classroom acts on nothing: the acting tabs are gone, so the audit (a read) is what this column shows.
  const watching = useStore(classroomStore, (classroom) => classroom.checked && !canAct(classroom));
  useEffect(() => {
    if (watching) setTab("audit");
  }, [watching]);

  const choose = (next: OperationTab, focus = false) => {
    setTab(next);
    saveTab(storage(), next);
    if (focus) tabRefs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabAfterKey(tab, event.key);
    if (next) {
      event.preventDefault();
      choose(next, true);
    }
  };

  return (
    <div className="operations">
      {watching && <p className="muted small">The presenter drives this sandbox: you watch it live and answer the polls. The audit below reads the shop&apos;s own data.</p>}
      <div className="op-tabs" role="tablist" aria-label="What to do with the shop" onKeyDown={onKeyDown}>
        {OPERATION_TABS.map(({ id, label }) => (
          <button
            key={id}
            ref={(element) => {
              tabRefs.current[id] = element;
            }}
            type="button"
            role="tab"
            id={`op-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`op-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="op-tab"
            onClick={() => choose(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {/* Every panel stays mounted (forms keep what was typed); the hidden ones do not poll. */}
      <TabPanel id="shop" current={tab}>
        <ShopperPanel />
      </TabPanel>
      <TabPanel id="traffic" current={tab}>
        <TrafficPanel active={tab === "traffic"} />
      </TabPanel>
      <TabPanel id="break" current={tab}>
        <FaultsPanel />
        <ResiliencePanel />
      </TabPanel>
      <TabPanel id="scenarios" current={tab}>
        <ScenariosPanel active={tab === "scenarios"} />
      </TabPanel>
      <TabPanel id="audit" current={tab}>
        <AuditPanel active={tab === "audit"} />
      </TabPanel>
    </div>
  );
}

function TabPanel({ id, current, children }: { id: OperationTab; current: OperationTab; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`op-panel-${id}`} aria-labelledby={`op-tab-${id}`} hidden={id !== current} tabIndex={0} className="op-panel">
      {children}
    </div>
  );
}
