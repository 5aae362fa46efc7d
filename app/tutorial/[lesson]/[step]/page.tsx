// One step of a guided lesson, beside the same live sandbox: a deep link sets up what the step needs.
import { SandboxScreen } from "../../../../components/screen/SandboxScreen";

export default async function LessonStepPage({ params }: { params: Promise<{ lesson: string; step: string }> }) {
  const { lesson, step } = await params;
  return <SandboxScreen lesson={{ lessonId: lesson, stepId: step }} />;
}
