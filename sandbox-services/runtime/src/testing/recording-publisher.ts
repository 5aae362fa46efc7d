// For unit tests of a shop module: a Publisher that writes down every event instead of sending it.
import type { DomainEventName } from "../../../../lib/contract/service-names";
import type { Publisher } from "../queues";

export interface RecordingPublisher extends Publisher {
  published: Array<{ event: DomainEventName; payload: unknown; key: string }>;
}

export function recordingPublisher(): RecordingPublisher {
  const published: RecordingPublisher["published"] = [];
  return {
    published,
    async publish(event, payload, key) {
      published.push({ event, payload, key });
    },
    async close() {},
  };
}
