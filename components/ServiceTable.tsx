// One row per process of the shop: what it is, whether it is up, and where it runs.
import type { ServiceView } from "../lib/contract/control";
import type { ServiceStatus } from "../lib/contract/services";
import { ServiceActions } from "./ServiceActions";

/** Status in words and a symbol, so it never depends on colour alone. */
export const STATUS_LABEL: Record<ServiceStatus, string> = {
  starting: "◌ starting",
  healthy: "● healthy",
  unhealthy: "▲ unhealthy",
  stopping: "◌ stopping",
  stopped: "■ stopped",
  crashed: "✕ crashed",
};

export function ServiceTable({ services }: { services: ServiceView[] }) {
  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">Services</h2>
      <table className="services">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Version</th>
            <th scope="col">PID</th>
            <th scope="col">Port</th>
            <th scope="col">Restarts</th>
            <th scope="col">Why</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.id} data-service={service.id} data-status={service.status}>
              <th scope="row">{service.id}</th>
              <td className={`status status-${service.status}`}>{STATUS_LABEL[service.status]}</td>
              <td>v{service.version}</td>
              <td>{service.pid ?? "—"}</td>
              <td>{service.port ?? (service.kind === "broker" ? "unix socket" : "—")}</td>
              <td>{service.restarts}</td>
              <td className="reason">{service.reason}</td>
              <td>
                <ServiceActions service={service} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
