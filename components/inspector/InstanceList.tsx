// The instances of a scaled service (or the old and new one during a rolling redeploy): pid, port, version, status.
import type { ServiceView } from "../../lib/contract/control";
import { StatusBadge } from "../graph/StatusBadge";

export function InstanceList({ service }: { service: ServiceView }) {
  if (service.instances.length < 2) return null;
  return (
    <>
      <h3>Instances ({service.instances.length})</h3>
      <table className="instances" aria-label={`instances of ${service.id}`}>
        <thead>
          <tr>
            <th scope="col">pid</th>
            <th scope="col">port</th>
            <th scope="col">version</th>
            <th scope="col">status</th>
          </tr>
        </thead>
        <tbody>
          {service.instances.map((instance) => (
            <tr key={instance.instanceId} data-instance={instance.instanceId} data-status={instance.status}>
              <td>{instance.pid ?? "—"}</td>
              <td>{instance.port ?? "—"}</td>
              <td>v{instance.version}</td>
              <td>
                <StatusBadge status={instance.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
