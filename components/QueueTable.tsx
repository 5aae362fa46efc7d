// The BullMQ queues between the services, with the job counts BullMQ reports.
import type { QueueView } from "../lib/contract/control";

export function QueueTable({ queues }: { queues: QueueView[] }) {
  return (
    <section aria-labelledby="queues-heading">
      <h2 id="queues-heading">Queues</h2>
      <table className="queues">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Waiting</th>
            <th scope="col">Active</th>
            <th scope="col">Delayed</th>
            <th scope="col">Completed</th>
            <th scope="col">Failed</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((queue) => (
            <tr key={queue.name} data-queue={queue.name}>
              <th scope="row">{queue.name}</th>
              <td>{queue.waiting}</td>
              <td>{queue.active}</td>
              <td>{queue.delayed}</td>
              <td>{queue.completed}</td>
              <td>{queue.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
