"use client";
// The shop's invariants per stack, read from every service's own data: no order lost, none charged twice, stock right.
import { useCallback, useState } from "react";
import type { Audit } from "../../lib/contract/control";
import { callControl } from "../../lib/client/sandbox-api";
import { usePolling } from "../../lib/client/use-polling";
import { ActionError } from "../shared/ActionError";

/** The audit reads every service's data: every few seconds is live enough and cheap. */
const AUDIT_POLL_MS = 3_000;

export function AuditPanel({ active }: { active: boolean }) {
  const [audits, setAudits] = useState<Audit[] | null>(null);
  const [readAt, setReadAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const refresh = useCallback(async () => {
    setLoading(true);
    const result = await callControl("audit");
    setLoading(false);
    if (result.ok) {
      setAudits(result.data);
      setReadAt(Date.now());
      setError(null);
    } else setError(result.error);
  }, []);
  usePolling(refresh, AUDIT_POLL_MS, active);

  return (
    <section className="op-section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit</h2>
      <p className="muted small">Read from each service&apos;s own data: every accepted order must end paid or payment failed, none charged twice, stock matching the orders.</p>
      <div className="op-row">
        <button type="button" className="op-button" onClick={() => void refresh()} disabled={loading} aria-busy={loading}>
          Refresh
        </button>
        <span className="muted small">{readAt ? `read at ${new Date(readAt).toLocaleTimeString("en-GB")}, refreshed every 3 s` : "reading…"}</span>
      </div>
      <ActionError error={error} />
      {audits && audits.length === 0 && <p className="muted small">No stack is running.</p>}
      {audits?.map((audit) => (
        <AuditCard key={audit.stack} audit={audit} />
      ))}
    </section>
  );
}

function AuditCard({ audit }: { audit: Audit }) {
  const clean = audit.chargedTwice === 0 && audit.stockMismatches === 0 && audit.problems.length === 0;
  const rows: Array<{ label: string; value: number; tone: "ok" | "bad" | "busy" | "plain"; note?: string }> = [
    { label: "orders", value: audit.orders, tone: "plain" },
    { label: "paid", value: audit.paid, tone: "plain" },
    { label: "payment failed", value: audit.paymentFailed, tone: "plain" },
    { label: "pending", value: audit.pending, tone: audit.pending > 0 ? "busy" : "ok", note: audit.pending > 0 ? "waiting for payment" : "none waiting" },
    { label: "charged twice", value: audit.chargedTwice, tone: audit.chargedTwice > 0 ? "bad" : "ok", note: audit.chargedTwice > 0 ? "wrong" : "right" },
    { label: "stock mismatches", value: audit.stockMismatches, tone: audit.stockMismatches > 0 ? "bad" : "ok", note: audit.stockMismatches > 0 ? "wrong" : "right" },
  ];
  return (
    <div className="audit-card" data-audit-stack={audit.stack} data-pending={audit.pending} data-clean={clean}>
      <h3>
        {audit.stack}{" "}
        <span className={`status ${clean ? "tone-ok" : "tone-bad"}`}>{clean ? "✓ consistent" : "✕ problems found"}</span>
      </h3>
      <dl className="audit-figures">
        {rows.map((row) => (
          <div key={row.label} className={`audit-row tone-${row.tone}`} data-audit-figure={row.label}>
            <dt>{row.label}</dt>
            <dd>
              {row.value}
              {row.note && <span className="audit-note"> {row.tone === "bad" ? "✕" : row.tone === "busy" ? "◌" : "✓"} {row.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {audit.problems.length > 0 && (
        <ul className="audit-problems" aria-label={`Problems in ${audit.stack}`}>
          {audit.problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
