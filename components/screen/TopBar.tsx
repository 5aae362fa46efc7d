"use client";
// The bar across the top of every screen: the product's name, the screens, the architecture switch, what is
// happening now, and the connection. It takes no props: everything it shows comes from the store.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ArchitectureSwitch } from "./ArchitectureSwitch";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { TransitionNotice } from "./TransitionNotice";

const SCREENS = [
  { href: "/", label: "Sandbox" },
  { href: "/compare", label: "Compare" },
  { href: "/tutorial", label: "Guided lessons" },
  { href: "/rewind", label: "Rewind" },
] as const;

export function TopBar() {
  const pathname = usePathname();
  return (
    <header className="topbar">
      <h1>Architecture Sandbox</h1>
      <nav aria-label="screens" className="screens">
        {SCREENS.map(({ href, label }) => (
          <Link key={href} href={href} aria-current={pathname === href || (href === "/tutorial" && pathname.startsWith("/tutorial/")) ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <ArchitectureSwitch />
      <TransitionNotice />
      <ConnectionIndicator />
    </header>
  );
}
