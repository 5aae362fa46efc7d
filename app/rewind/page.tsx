// The Rewind screen: the recorded past, or a saved run, replayed on the same graph and stream.
import { RewindScreen } from "../../components/rewind/RewindScreen";

export const metadata = { title: "Rewind · Architecture Sandbox" };

export default function RewindPage() {
  return <RewindScreen />;
}
