// The page frame shared by every screen of the sandbox.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "./operations.css";
import "./stream.css";
import "./accessibility.css";
import "./graph.css";
import { ClassroomLayer } from "../components/classroom/ClassroomLayer";

export const metadata: Metadata = {
  title: "Architecture Sandbox",
  description: "Watch a real online shop run as microservices, and break it on purpose.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <ClassroomLayer />
      </body>
    </html>
  );
}
