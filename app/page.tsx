// The sandbox screen: the shop's services drawn as a live graph, with the controls to shop, break and follow it.
import { SandboxScreen } from "../components/screen/SandboxScreen";

export default function SandboxPage() {
  return <SandboxScreen />;
}
