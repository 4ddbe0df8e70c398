"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav className="appbar-nav" aria-label="Main">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          // A patient's own page still belongs under "Patients".
          aria-current={pathname === link.href || pathname.startsWith(`${link.href}/`) ? "page" : undefined}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
