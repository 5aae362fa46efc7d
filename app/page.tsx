// The sandbox screen: the shop's services and what they are doing, live.
import { SandboxOverview } from "../components/SandboxOverview";

export default function SandboxPage() {
  return <SandboxOverview />;
}
