// The Compare screen: the monolith and the microservices side by side under the same traffic.
import { CompareScreen } from "../../components/compare/CompareScreen";

export const metadata = { title: "Compare · Architecture Sandbox" };

export default function ComparePage() {
  return <CompareScreen />;
}
