// The course map of the guided lessons.
import { TopBar } from "../../components/screen/TopBar";
import { CourseMap } from "../../components/tutorial/CourseMap";

export default function TutorialPage() {
  return (
    <div className="course-screen">
      <TopBar />
      <CourseMap />
    </div>
  );
}
