// A lesson's address without a step opens its first step.
import { notFound, redirect } from "next/navigation";
import { findLesson } from "../../../lib/lessons/lessons";

export default async function LessonPage({ params }: { params: Promise<{ lesson: string }> }) {
  const lesson = findLesson((await params).lesson);
  if (!lesson) notFound();
  redirect(`/tutorial/${lesson.id}/${lesson.steps[0].id}`);
}
